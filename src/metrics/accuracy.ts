// Fraction (or weighted fraction, or count) of predictions equal to the true label.
import { ValueError } from "../errors.js";
import { checkSameLength, sampleWeights, uniqueLabels, type Label } from "./labels.js";

/** Options of `accuracy`. */
export interface AccuracyOptions {
  /** Return the fraction of correct predictions (default) or, when false, their (weighted) count. */
  normalize?: boolean;
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
}

/** Accuracy: the (weighted) fraction of samples whose prediction equals the true label. */
export function accuracy(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: AccuracyOptions = {}): number {
  checkSameLength("accuracy", yTrue, yPred, "yPred");
  uniqueLabels(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) throw new ValueError("accuracy: no samples: give at least one label");
  const w = sampleWeights("accuracy", n, options.sampleWeight);
  let hit = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    total += wi;
    if (yTrue[i] === yPred[i]) hit += wi;
  }
  if (options.normalize === false) return hit;
  if (total === 0) throw new ValueError("accuracy: the sample weights sum to zero: give at least one positive weight");
  return hit / total;
}
