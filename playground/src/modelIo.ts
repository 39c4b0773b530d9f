// Model files: the trained model as the CLI's model file (format "logreg-model", version 1,
// features x and y, target label, no scaler; built in the worker), and a model file read back into
// the model the plane draws (on the page; its scaler, if any, folded into W and b).
import { LogisticRegression, parseModelFile, serializeModelFile, type LogisticRegressionJSON } from "../../src/index.js";
import { accuracy, meanLoss } from "./linearModel.js";
import { MAX_CLASSES } from "./palette.js";
import type { LinearModel, Point } from "./types.js";

/** The text of a model file for this estimator, trained on these points. */
export function modelFileText(estimator: LogisticRegressionJSON, points: readonly Point[]): string {
  const model = linearModelOf(estimator);
  return serializeModelFile({
    format: "logreg-model",
    version: 1,
    featureNames: ["x", "y"],
    target: "label",
    scaler: null,
    estimator: { ...estimator, options: { ...estimator.options }, classes: estimator.classes.map(Number) },
    training: {
      rows: points.length,
      trainLogLoss: meanLoss(model, points),
      trainAccuracy: accuracy(model, points),
      objectiveHistory: estimator.history.slice(),
    },
  });
}

function linearModelOf(e: LogisticRegressionJSON): LinearModel {
  return { classes: e.classes.map(Number), W: e.coef.map((r) => r.slice()), b: e.intercept.slice(), ...(e.multiClass === "ovr" ? { ovr: true } : {}) };
}

/** A model file read for the plane: the model in raw feature units, the feature names, and the file re-serialised. */
export interface ImportedModel {
  model: LinearModel;
  featureNames: string[];
  text: string;
}

/** Reads a model file (any the CLI writes with two features and classes 0–3). */
export function readModelFile(text: string, fileName: string): ImportedModel {
  const file = parseModelFile(text, fileName);
  const est = LogisticRegression.fromJSON(file.estimator).toJSON();
  if (est.nFeatures !== 2) {
    throw new Error(`${fileName}: the model has ${est.nFeatures} features (${file.featureNames.join(", ")}); the plane can only draw a model of exactly 2`);
  }
  const bad = est.classes.find((c) => typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= MAX_CLASSES);
  if (bad !== undefined) {
    throw new Error(`${fileName}: class ${JSON.stringify(bad)} cannot be drawn; the plane's classes are the labels 0 to ${MAX_CLASSES - 1}`);
  }
  const model = linearModelOf(est);
  if (file.scaler) {
    // z = Σ w_j (x_j − μ_j) / s_j + b  =  Σ (w_j / s_j) x_j + (b − Σ w_j μ_j / s_j)
    const { mean, scale } = file.scaler;
    model.W.forEach((w, r) => {
      let shift = 0;
      for (let j = 0; j < 2; j++) {
        shift += (w[j]! * mean[j]!) / scale[j]!;
        w[j] = w[j]! / scale[j]!;
      }
      model.b[r] = model.b[r]! - shift;
    });
  }
  return { model, featureNames: file.featureNames.slice(), text: serializeModelFile(file) };
}
