// SGD: plain gradient descent, with optional (Nesterov) momentum, as tf.keras.optimizers.SGD.
import type { DataArray } from "../tensor/dtype.js";
import { type LearningRate, Optimizer, type SlotState, checkInRange } from "./optimizer.js";

/** Options of SGD. */
export interface SGDOptions {
  /** Step size, or a schedule of it (default 0.01). */
  learningRate?: LearningRate;
  /** Momentum factor in [0, 1) (default 0: plain gradient descent). */
  momentum?: number;
  /** Use Nesterov momentum (default false). */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent: w ← w − lr·g; with momentum m: v ← m·v − lr·g, then
 * w ← w + v, or w ← w + m·v − lr·g with Nesterov (TensorFlow's formulas).
 * @example const optimizer = new SGD({ learningRate: 0.01 });
 */
export class SGD extends Optimizer {
  /** The optimizer's name. */
  readonly name = "SGD";
  /** The momentum factor. */
  readonly momentum: number;
  /** Whether momentum is Nesterov's. */
  readonly nesterov: boolean;
  protected readonly slotCount: number;

  /** Creates the optimizer. */
  constructor(options: SGDOptions = {}) {
    super(options.learningRate ?? 0.01);
    this.momentum = options.momentum ?? 0;
    checkInRange("SGD: momentum", this.momentum, 0, 1);
    this.nesterov = options.nesterov ?? false;
    this.slotCount = this.momentum > 0 ? 1 : 0;
  }

  protected computeDelta(g: DataArray, state: SlotState, lr: number): void {
    const d = state.delta;
    const n = d.length;
    const m = this.momentum;
    if (m === 0) {
      for (let i = 0; i < n; i++) d[i] = lr * (g[i] as number);
      return;
    }
    const v = state.slots[0] as Float64Array;
    if (this.nesterov) {
      for (let i = 0; i < n; i++) {
        const gi = g[i] as number;
        const vi = m * (v[i] as number) - lr * gi;
        v[i] = vi;
        d[i] = lr * gi - m * vi;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const vi = m * (v[i] as number) - lr * (g[i] as number);
        v[i] = vi;
        d[i] = -vi;
      }
    }
  }
}
