// Picks the training run for the chosen solver: sgd and adam step through the eager core (the
// lab's loop), lbfgs and newton run the LogisticRegression estimator.
import { EagerSession } from "./eagerSession.js";
import { EstimatorSession } from "./estimatorSession.js";
import type { Session } from "./session.js";
import type { Point, TrainOptions } from "./types.js";

/** A string that changes whenever the points or the options do. */
export function sessionKey(points: readonly Point[], options: TrainOptions): string {
  return JSON.stringify([points.map((p) => [p.x, p.y, p.label]), options]);
}

/** A new run from zero parameters; throws when the points cannot be trained on. */
export function createSession(key: string, points: readonly Point[], options: TrainOptions): Session {
  const classes = new Set(points.map((p) => p.label));
  if (classes.size < 2) throw new Error(`training needs points of at least two classes; there ${classes.size === 1 ? "is one" : "are none"} — add points of another class (shift-click)`);
  return options.solver === "sgd" || options.solver === "adam" ? new EagerSession(key, points, options) : new EstimatorSession(key, points, options);
}
