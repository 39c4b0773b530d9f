// A drawn linear model as LogisticRegression's JSON (what model files embed), checked by
// LogisticRegression.fromJSON: for the eager sgd/adam runs and for an estimator run before its first fit.
import { LogisticRegression, type LogisticRegressionJSON } from "../../src/index.js";
import type { LinearModel } from "./types.js";

/** LogisticRegression's JSON for `model` (2 features, not converged) with these options and run record. */
export function estimatorJSON(model: LinearModel, options: LogisticRegressionJSON["options"], nIter: number, objective: number, history: number[]): LogisticRegressionJSON {
  return LogisticRegression.fromJSON({
    kind: "LogisticRegression",
    options,
    classes: model.classes,
    coef: model.W,
    intercept: model.b,
    multiClass: model.W.length === 1 ? "binary" : "multinomial",
    nFeatures: 2,
    nIter,
    converged: false,
    objective,
    history,
  }).toJSON();
}
