// The model file (version 1): its frozen shape, as written by serializeModelFile and checked by
// parseModelFile. The estimator part is the estimator's own JSON (LogisticRegression.toJSON in
// src/linear), restated here so that the io layer does not depend on the estimator.

/** The `format` tag of every logreg model file. */
export const MODEL_FORMAT = "logreg-model";

/** The model file version this logreg writes and reads. */
export const MODEL_VERSION = 1;

/** The estimator as saved: LogisticRegression's JSON form. */
export interface EstimatorJSON {
  kind: "LogisticRegression";
  /** The options the estimator was built with (checked by LogisticRegression.fromJSON). */
  options: { [option: string]: unknown };
  /** Class labels, sorted; all numbers or all strings, no duplicates. */
  classes: number[] | string[];
  /** Coefficients, k × nFeatures (k = 1 for two classes, else one row per class). */
  coef: number[][];
  /** Intercepts, length k. */
  intercept: number[];
  multiClass: "binary" | "multinomial" | "ovr";
  nFeatures: number;
  nIter: number;
  converged: boolean;
  objective: number;
  history: number[];
}

/** The standardisation stored with a model: x' = (x − mean) / scale, per feature. */
export interface ScalerJSON {
  mean: number[];
  scale: number[];
}

/** A summary of the training run stored with a model. */
export interface TrainingRecord {
  rows: number;
  trainLogLoss: number;
  trainAccuracy: number;
  objectiveHistory: number[];
}

/** A logreg model file (version 1). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** Names of the features, in the order of the coefficients. */
  featureNames: string[];
  /** Name of the target column it was trained on, or null. */
  target: string | null;
  scaler: ScalerJSON | null;
  estimator: EstimatorJSON;
  training: TrainingRecord;
}
