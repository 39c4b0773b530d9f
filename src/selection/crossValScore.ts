// Cross-validated scores of one scoring, one number per fold (scikit-learn's cross_val_score).
import type { Label } from "../metrics/labels.js";
import { crossValidate, type CrossValidateOptions, type Scoring } from "./crossValidate.js";
import type { Classifier } from "./types.js";

/** Cross-validated scores of one scoring (default "accuracy"), one per fold; the estimator is made fresh for each fold. */
export function crossValScore<M>(
  makeEstimator: (fold: number) => Classifier<M>,
  X: M,
  y: ArrayLike<Label>,
  options: CrossValidateOptions<M> & { scoring?: Scoring<M> } = {},
): number[] {
  return crossValidate(makeEstimator, X, y, { score: options.scoring ?? "accuracy" }, options).map((r) => r.scores["score"] as number);
}
