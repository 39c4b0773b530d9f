// Adam, as tf.keras.optimizers.Adam: bias correction folded into the step size.
import type { DataArray } from "../tensor/dtype.js";
import { type LearningRate, Optimizer, type SlotState, checkInRange, checkPositive } from "./optimizer.js";

/** Options of Adam. */
export interface AdamOptions {
  /** Step size, or a schedule of it (default 0.001). */
  learningRate?: LearningRate;
  /** Decay of the first-moment average, in [0, 1) (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment average, in [0, 1) (default 0.999). */
  beta2?: number;
  /** Added to √v for stability (default 1e-7, TensorFlow's). */
  epsilon?: number;
}

/**
 * Adam: at step t (1-based), m ← m + (1−β1)(g − m), v ← v + (1−β2)(g² − v),
 * w ← w − α·m / (√v + ε) with α = lr·√(1−β2ᵗ) / (1−β1ᵗ) (TensorFlow's formulation).
 * @example const optimizer = new Adam({ learningRate: 0.01 });
 */
export class Adam extends Optimizer {
  /** The optimizer's name. */
  readonly name = "Adam";
  /** First-moment decay. */
  readonly beta1: number;
  /** Second-moment decay. */
  readonly beta2: number;
  /** Stability constant. */
  readonly epsilon: number;
  protected readonly slotCount = 2;

  /** Creates the optimizer. */
  constructor(options: AdamOptions = {}) {
    super(options.learningRate ?? 0.001);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-7;
    checkInRange("Adam: beta1", this.beta1, 0, 1);
    checkInRange("Adam: beta2", this.beta2, 0, 1);
    checkPositive("Adam: epsilon", this.epsilon);
  }

  protected computeDelta(g: DataArray, state: SlotState, lr: number, step: number): void {
    const t = step + 1;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const eps = this.epsilon;
    const alpha = (lr * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
    const m = state.slots[0] as Float64Array;
    const v = state.slots[1] as Float64Array;
    const d = state.delta;
    for (let i = 0; i < d.length; i++) {
      const gi = g[i] as number;
      const mi = (m[i] as number) + (1 - b1) * (gi - (m[i] as number));
      const vi = (v[i] as number) + (1 - b2) * (gi * gi - (v[i] as number));
      m[i] = mi;
      v[i] = vi;
      d[i] = (alpha * mi) / (Math.sqrt(vi) + eps);
    }
  }
}
