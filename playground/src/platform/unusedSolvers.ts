// The playground's stand-in for three of LogisticRegression's solver modules, src/linear/sgd.ts,
// adam.ts and owlqn.ts (swapped in by vite.config.ts). The page never asks the estimator for them:
// it fits lbfgs and newton with the estimator, and runs sgd and adam as the lab does, through the
// eager core's optimizers (eagerSession.ts); its penalties (l2, none) never resolve to owlqn. So
// the worker leaves out these solvers and the tf.data-style Dataset behind the estimator's sgd and
// adam; reaching one anyway is a ValueError that says so.
import { ValueError } from "../../../src/errors.js";

/** Not in this build: throws a ValueError. */
function unavailable(): never {
  throw new ValueError("LogisticRegression: this solver is not in the playground's build; use lbfgs or newton, or the library itself");
}

/** Not in this build: throws a ValueError. */
export const sgd = unavailable;
/** Not in this build: throws a ValueError. */
export const sgdDefaultLearningRate = unavailable;
/** Not in this build: throws a ValueError. */
export const adam = unavailable;
/** Not in this build: throws a ValueError. */
export const owlqn = unavailable;
