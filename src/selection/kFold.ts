// K-fold cross-validation splits: k contiguous (or shuffled) test blocks of near-equal size.
import { ValueError } from "../errors.js";
import { Rng } from "../tensor/random.js";
import type { Fold } from "./types.js";

/** Options of `kFold`. */
export interface KFoldOptions {
  /** Number of folds (default 5, at least 2). */
  k?: number;
  /** Shuffle the rows before cutting them into blocks (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). */
  seed?: number;
}

/** Splits rows 0..n-1 into k folds as scikit-learn's KFold: the first n mod k folds get one extra row; indices ascending. */
export function kFold(n: number, options: KFoldOptions = {}): Fold[] {
  const k = checkK("kFold", options.k ?? 5);
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`kFold: n is ${n}: give the number of samples`);
  if (k > n) throw new ValueError(`kFold: k = ${k} folds but only ${n} samples: use at most ${n} folds`);
  const order = Array.from({ length: n }, (_, i) => i);
  if (options.shuffle === true) new Rng(options.seed ?? 0).shuffle(order);
  const foldOf = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let r = start; r < start + size; r++) foldOf[order[r] as number] = f;
    start += size;
  }
  return foldsFromAssignment(foldOf, k);
}

/** Checks a fold count: an integer of at least 2. */
export function checkK(what: string, k: number): number {
  if (!Number.isInteger(k) || k < 2) throw new ValueError(`${what}: k is ${k}: give an integer number of folds of at least 2`);
  return k;
}

/** Turns a fold number per row into k folds of ascending train and test indices. */
export function foldsFromAssignment(foldOf: ArrayLike<number>, k: number): Fold[] {
  const folds: Fold[] = Array.from({ length: k }, () => ({ train: [], test: [] }));
  for (let i = 0; i < foldOf.length; i++) {
    const f = foldOf[i] as number;
    for (let g = 0; g < k; g++) (g === f ? (folds[g] as Fold).test : (folds[g] as Fold).train).push(i);
  }
  return folds;
}
