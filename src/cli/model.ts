// A saved model brought back to life: its file record, scaler and estimator, and predictions on raw rows.
import { LogisticRegression, StandardScaler, type FlatMatrix, type Label } from "../index.js";
import type { ModelFile } from "../io/modelFile.js";
import { readModelFile } from "../io/node.js";

/** A loaded model file: the record as read, and the objects that predict with it. */
export interface LoadedModel {
  path: string;
  file: ModelFile;
  scaler: StandardScaler | null;
  estimator: LogisticRegression;
  classes: Label[];
}

/** Reads and validates a model file (the io layer checks every field) and rebuilds its scaler and estimator. */
export async function loadModel(path: string): Promise<LoadedModel> {
  const file = await readModelFile(path);
  const scaler = file.scaler === null ? null : StandardScaler.fromJSON(file.scaler);
  const estimator = LogisticRegression.fromJSON(file.estimator);
  return { path, file, scaler, estimator, classes: Array.from(estimator.classes) };
}

/** The rows as the estimator sees them (after the model's scaler). */
export function modelInput(m: LoadedModel, X: FlatMatrix): FlatMatrix {
  return m.scaler === null ? X : m.scaler.transform(X);
}
