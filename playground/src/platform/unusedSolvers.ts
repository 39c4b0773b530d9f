// The playground's stand-in for three of LogisticRegression's solver modules, src/linear/sgd.ts,
// adam.ts and owlqn.ts (swapped in by vite.config.ts). The page never asks the estimator for them:
// it fits lbfgs and newton with the estimator, and runs sgd and adam as the lab does, through the
// eager core's optimizers (eagerSession.ts); its penalties (l2, none) never resolve to owlqn. So
// the worker leaves out these solvers and the tf.data-style Dataset behind the estimator's sgd and
// adam; reaching one anyway is an error that says so.
import { ValueError } from "../../../src/errors.js";

function unavailable(solver: string): never {
  throw new ValueError(
    `LogisticRegression: solver "${solver}" is not part of the playground's build (the page trains sgd and adam with the eager core's optimizers); use the library or the CLI for it`,
  );
}

/** Not in this build: throws a ValueError. */
export function sgd(..._args: unknown[]): never {
  return unavailable("sgd");
}

/** Not in this build: throws a ValueError. */
export function sgdDefaultLearningRate(..._args: unknown[]): never {
  return unavailable("sgd");
}

/** Not in this build: throws a ValueError. */
export function adam(..._args: unknown[]): never {
  return unavailable("adam");
}

/** Not in this build: throws a ValueError. */
export function owlqn(..._args: unknown[]): never {
  return unavailable("owlqn");
}
