// Precision, built on precisionRecallFscoreSupport.
import type { Label } from "./labels.js";
import { precisionRecallFscoreSupport, type PrfOptions } from "./precisionRecallFscoreSupport.js";

/** Precision: tp / (tp + fp), for one class (average "binary", posLabel) or averaged over classes; per class with average "none". */
export function precision(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: "none" }): number[];
/** Precision: tp / (tp + fp), for one class (average "binary", posLabel) or averaged over classes; per class with average "none". */
export function precision(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number;
export function precision(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  if (options.average === "none") return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average: "none" }).precision;
  return precisionRecallFscoreSupport(yTrue, yPred, options).precision;
}
