// The small structural contracts model selection works against (any scikit-learn-style estimator fits them).
import type { Label } from "../metrics/labels.js";

/** One split of the samples: row indices to train on and row indices to test on (both ascending). */
export interface Fold {
  train: number[];
  test: number[];
}

/** A classifier as model selection sees it: fit, predict, and (for log-loss or AUC scoring) predictProba with its classes. */
export interface Classifier<M> {
  /** Fits on rows X with labels y. */
  fit(X: M, y: Label[]): unknown;
  /** One predicted label per row. */
  predict(X: M): ArrayLike<Label>;
  /** n × K class probabilities, columns in `classes` order. */
  predictProba?(X: M): ArrayLike<ArrayLike<number>>;
  /** The classes of predictProba's columns (sorted). */
  readonly classes?: ArrayLike<Label>;
}

/** A preprocessing step fitted on the training rows only, then applied to both training and test rows. */
export interface Transformer<M> {
  fit(X: M): unknown;
  transform(X: M): M;
}
