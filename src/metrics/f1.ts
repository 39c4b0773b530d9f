// F1 score, built on precisionRecallFscoreSupport.
import type { Label } from "./labels.js";
import { precisionRecallFscoreSupport, type PrfOptions } from "./precisionRecallFscoreSupport.js";

/** F1 score: 2·tp / (2·tp + fp + fn) (harmonic mean of precision and recall), binary or averaged; per class with average "none". */
export function f1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: "none" }): number[];
/** F1 score: 2·tp / (2·tp + fp + fn) (harmonic mean of precision and recall), binary or averaged; per class with average "none". */
export function f1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number;
export function f1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  if (options.average === "none") return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average: "none" }).f1;
  return precisionRecallFscoreSupport(yTrue, yPred, options).f1;
}
