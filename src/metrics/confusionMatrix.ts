// Confusion matrix: rows are true labels, columns predicted labels, in a given labels order.
import { ValueError } from "../errors.js";
import { checkSameLength, labelIndex, sampleWeights, uniqueLabels, type Label } from "./labels.js";

/** Options of `confusionMatrix`. */
export interface ConfusionMatrixOptions {
  /** Row/column order; defaults to the sorted labels present in yTrue or yPred. Samples with other labels are left out. */
  labels?: readonly Label[];
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
  /** Normalise over the true labels (rows), the predicted labels (columns) or all cells. */
  normalize?: "true" | "pred" | "all";
}

/** Confusion matrix C with C[i][j] = (weighted) number of samples of true label i predicted as label j. */
export function confusionMatrix(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: ConfusionMatrixOptions = {}): number[][] {
  checkSameLength("confusionMatrix", yTrue, yPred, "yPred");
  const present = uniqueLabels(yTrue, yPred);
  const labels = options.labels ?? present;
  if (labels.length === 0) throw new ValueError("confusionMatrix: no labels: give at least one sample or a labels list");
  if (options.labels !== undefined) {
    uniqueLabels(labels, yTrue);
    const inTrue = new Set<Label>(Array.from(yTrue));
    if (yTrue.length > 0 && !labels.some((l) => inTrue.has(l))) {
      throw new ValueError(`confusionMatrix: none of the given labels occurs in yTrue (present: ${present.join(", ")})`);
    }
  }
  const index = labelIndex(labels);
  const k = labels.length;
  const w = sampleWeights("confusionMatrix", yTrue.length, options.sampleWeight);
  const C: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const a = index.get(yTrue[i] as Label);
    const b = index.get(yPred[i] as Label);
    if (a === undefined || b === undefined) continue;
    (C[a] as number[])[b] = ((C[a] as number[])[b] as number) + (w[i] as number);
  }
  if (options.normalize !== undefined) normalizeInPlace(C, options.normalize);
  return C;
}

function normalizeInPlace(C: number[][], how: "true" | "pred" | "all"): void {
  const k = C.length;
  if (how === "all") {
    let s = 0;
    for (const row of C) for (const v of row) s += v;
    for (const row of C) for (let j = 0; j < k; j++) row[j] = s === 0 ? 0 : (row[j] as number) / s;
  } else if (how === "true") {
    for (const row of C) {
      let s = 0;
      for (const v of row) s += v;
      for (let j = 0; j < k; j++) row[j] = s === 0 ? 0 : (row[j] as number) / s;
    }
  } else if (how === "pred") {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (const row of C) s += row[j] as number;
      for (const row of C) row[j] = s === 0 ? 0 : (row[j] as number) / s;
    }
  } else {
    throw new ValueError(`confusionMatrix: normalize is ${JSON.stringify(how)}: use "true", "pred" or "all"`);
  }
}
