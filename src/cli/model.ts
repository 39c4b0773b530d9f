// A saved model brought back to life: its file record, scaler and estimator, and predictions on raw rows.
import { LogisticRegression, LogregError, ModelFileError, StandardScaler, type FlatMatrix, type Label } from "../index.js";
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
  try {
    const scaler = file.scaler === null ? null : StandardScaler.fromJSON(file.scaler);
    const estimator = LogisticRegression.fromJSON(file.estimator);
    return { path, file, scaler, estimator, classes: Array.from(estimator.classes) };
  } catch (e) {
    // The estimator's own checks (sorted classes, valid options…): name the file they came from.
    if (e instanceof LogregError) throw new ModelFileError(path, `${e.message}; the model file is damaged or was edited by hand: train and save the model again`);
    throw e;
  }
}

/** The rows as the estimator sees them (after the model's scaler). */
export function modelInput(m: LoadedModel, X: FlatMatrix): FlatMatrix {
  return m.scaler === null ? X : m.scaler.transform(X);
}
