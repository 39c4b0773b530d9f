// Recall, built on precisionRecallFscoreSupport.
import type { Label } from "./labels.js";
import { precisionRecallFscoreSupport, type PrfOptions } from "./precisionRecallFscoreSupport.js";

/** Recall: tp / (tp + fn), for one class (average "binary", posLabel) or averaged over classes; per class with average "none". */
export function recall(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: "none" }): number[];
/** Recall: tp / (tp + fn), for one class (average "binary", posLabel) or averaged over classes; per class with average "none". */
export function recall(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number;
export function recall(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  if (options.average === "none") return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average: "none" }).recall;
  return precisionRecallFscoreSupport(yTrue, yPred, options).recall;
}
