// Adam (adaptive moment estimation) on mini-batches (see minibatch.ts for the epoch loop).
import type { Objective } from "./objective.js";
import { minibatch, softThreshold } from "./minibatch.js";
import type { MinibatchSettings, StepRule } from "./minibatch.js";
import type { SolverResult } from "./solver.js";

/** Adam's decay rate of the first-moment estimate. */
export const ADAM_BETA1 = 0.9;
/** Adam's decay rate of the second-moment estimate. */
export const ADAM_BETA2 = 0.999;
/** Adam's ε, added to the root of the second moment. */
export const ADAM_EPSILON = 1e-8;

/** A fresh Adam update rule for a problem with dim parameters (keeps its own moment estimates). */
export function adamRule(dim: number): StepRule {
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  let t = 0;
  return {
    step(w, g, lr, l1PerRow, penalized) {
      t++;
      const c1 = 1 / (1 - ADAM_BETA1 ** t);
      const c2 = 1 / (1 - ADAM_BETA2 ** t);
      for (let j = 0; j < w.length; j++) {
        const gj = g[j]!;
        const mj = ADAM_BETA1 * m[j]! + (1 - ADAM_BETA1) * gj;
        const vj = ADAM_BETA2 * v[j]! + (1 - ADAM_BETA2) * gj * gj;
        m[j] = mj;
        v[j] = vj;
        const step = lr / (Math.sqrt(vj * c2) + ADAM_EPSILON);
        const x = w[j]! - step * mj * c1;
        w[j] = l1PerRow > 0 && penalized[j] === 1 ? softThreshold(x, step * l1PerRow) : x;
      }
    },
  };
}

/** Minimises the objective with mini-batch Adam for settings.maxIter epochs. */
export function adam(obj: Objective, w0: Float64Array, settings: MinibatchSettings): SolverResult {
  return minibatch(obj, w0, settings, adamRule(obj.dim));
}
