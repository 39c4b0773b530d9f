// Plain mini-batch stochastic gradient descent (see minibatch.ts for the epoch loop and schedule).
import type { Objective } from "./objective.js";
import { minibatch, softThreshold } from "./minibatch.js";
import type { MinibatchSettings, StepRule } from "./minibatch.js";
import type { SolverResult } from "./solver.js";

/** The SGD update with heavy-ball momentum μ: u ← μu − lr·g, w ← prox(w + u). */
export function sgdRule(dim: number, momentum: number): StepRule {
  const u = new Float64Array(dim);
  return {
    step(w, g, lr, l1PerRow, penalized) {
      const t = lr * l1PerRow;
      for (let j = 0; j < w.length; j++) {
        const uj = momentum * u[j]! - lr * g[j]!;
        const v = w[j]! + uj;
        const x = t > 0 && penalized[j] === 1 ? softThreshold(v, t) : v;
        u[j] = x - w[j]!;
        w[j] = x;
      }
    },
  };
}

/** A default base step size for SGD: the inverse smoothness of a mini-batch of the mean objective. */
export function sgdDefaultLearningRate(obj: Objective, batchSize: number): number {
  const { max, mean } = obj.rowSmoothness();
  const b = Math.min(batchSize, obj.rows);
  const L = mean + (max - mean) / b + obj.alpha / obj.rows;
  return L > 0 ? 1 / L : 1;
}

/** Minimises the objective with mini-batch SGD (heavy-ball momentum) for settings.maxIter epochs. */
export function sgd(obj: Objective, w0: Float64Array, settings: MinibatchSettings & { momentum: number }): SolverResult {
  return minibatch(obj, w0, settings, sgdRule(obj.dim, settings.momentum));
}
