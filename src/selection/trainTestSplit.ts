// Seeded train/test split of rows and labels, optionally stratified by class.
import { ValueError } from "../errors.js";
import type { Label } from "../metrics/labels.js";
import { uniqueLabels } from "../metrics/labels.js";
import { Rng } from "../tensor/random.js";
import { nRows, takeRows } from "./rows.js";

/** Options of `trainTestSplit`. */
export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) of the rows (rounded up) or a whole number of rows for the test set (default 0.25). */
  testSize?: number;
  /** Seed of the shuffle (default 0): the same seed gives the same split. */
  seed?: number;
  /** Keep the class proportions of these labels (or of y, when true) in both parts. */
  stratify?: boolean | ArrayLike<Label>;
  /** Shuffle before splitting (default true); when false the last rows are the test set. */
  shuffle?: boolean;
}

/** The two parts of a split, in the input's form, with the row indices they came from. */
export interface TrainTestSplit<M, L> {
  xTrain: M;
  xTest: M;
  yTrain: L[];
  yTest: L[];
  trainIndex: number[];
  testIndex: number[];
}

/** Splits X (rows or `{ data, shape }`) and y into seeded, reproducible train and test parts. */
export function trainTestSplit<M, L extends Label>(X: M, y: ArrayLike<L>, options: TrainTestSplitOptions = {}): TrainTestSplit<M, L> {
  const n = nRows("trainTestSplit", X as never);
  if (y.length !== n) throw new ValueError(`trainTestSplit: X has ${n} rows but y has ${y.length} labels: give one label per row`);
  const nTest = testCount(n, options.testSize ?? 0.25);
  const shuffle = options.shuffle ?? true;
  const rng = new Rng(options.seed ?? 0);
  let trainIndex: number[];
  let testIndex: number[];
  if (options.stratify !== undefined && options.stratify !== false) {
    if (!shuffle) throw new ValueError("trainTestSplit: stratify needs shuffle: set shuffle to true (or drop stratify)");
    const strata = options.stratify === true ? y : options.stratify;
    if (strata.length !== n) throw new ValueError(`trainTestSplit: stratify has ${strata.length} labels for ${n} rows: give one per row`);
    ({ trainIndex, testIndex } = stratifiedSplit(strata, nTest, rng));
  } else {
    const order = Array.from({ length: n }, (_, i) => i);
    if (shuffle) rng.shuffle(order);
    trainIndex = order.slice(0, n - nTest);
    testIndex = order.slice(n - nTest);
  }
  return {
    xTrain: takeRows(X, trainIndex),
    xTest: takeRows(X, testIndex),
    yTrain: trainIndex.map((i) => y[i] as L),
    yTest: testIndex.map((i) => y[i] as L),
    trainIndex,
    testIndex,
  };
}

function testCount(n: number, testSize: number): number {
  let nTest: number;
  if (Number.isInteger(testSize) && testSize >= 1) nTest = testSize;
  else if (testSize > 0 && testSize < 1) nTest = Math.ceil(testSize * n);
  else {
    throw new ValueError(`trainTestSplit: testSize is ${testSize}: give a fraction in (0, 1) or a whole number of rows`);
  }
  if (nTest >= n) {
    throw new ValueError(`trainTestSplit: testSize ${testSize} leaves no training rows out of ${n}: use a smaller testSize`);
  }
  return nTest;
}

function stratifiedSplit(strata: ArrayLike<Label>, nTest: number, rng: Rng): { trainIndex: number[]; testIndex: number[] } {
  const n = strata.length;
  const classes = uniqueLabels(strata);
  const members = new Map<Label, number[]>(classes.map((c) => [c, []]));
  for (let i = 0; i < n; i++) (members.get(strata[i] as Label) as number[]).push(i);
  const K = classes.length;
  for (const c of classes) {
    const m = (members.get(c) as number[]).length;
    if (m < 2) {
      throw new ValueError(`trainTestSplit: class ${JSON.stringify(c)} has only ${m} sample: stratifying needs at least 2 per class`);
    }
  }
  if (nTest < K || n - nTest < K) {
    throw new ValueError(
      `trainTestSplit: a stratified split of ${K} classes needs at least ${K} test and ${K} training rows (test ${nTest}, train ${n - nTest}): change testSize`,
    );
  }
  // Largest-remainder allocation of the test rows in proportion to class sizes (ties to the earlier class).
  const counts = classes.map((c) => (members.get(c) as number[]).length);
  const exact = counts.map((m) => (m * nTest) / n);
  const take = exact.map((e) => Math.floor(e));
  let left = nTest - take.reduce((a, b) => a + b, 0);
  const byRemainder = classes.map((_, j) => j).sort((a, b) => (exact[b] as number) - (take[b] as number) - ((exact[a] as number) - (take[a] as number)) || a - b);
  while (left > 0) {
    for (const j of byRemainder) {
      if (left === 0) break;
      if ((take[j] as number) < (counts[j] as number) - 1) {
        take[j] = (take[j] as number) + 1;
        left--;
      }
    }
  }
  const trainIndex: number[] = [];
  const testIndex: number[] = [];
  classes.forEach((c, j) => {
    const rows = rng.shuffle([...(members.get(c) as number[])]);
    const t = take[j] as number;
    testIndex.push(...rows.slice(0, t));
    trainIndex.push(...rows.slice(t));
  });
  return { trainIndex: rng.shuffle(trainIndex), testIndex: rng.shuffle(testIndex) };
}
