// RMSprop, as tf.keras.optimizers.RMSprop (optionally centered, optionally with momentum).
import type { DataArray } from "../tensor/dtype.js";
import { type LearningRate, Optimizer, type SlotState, checkInRange, checkPositive } from "./optimizer.js";

/** Options of RMSprop. */
export interface RMSpropOptions {
  /** Step size, or a schedule of it (default 0.001). */
  learningRate?: LearningRate;
  /** Decay of the squared-gradient average, in [0, 1) (default 0.9). */
  rho?: number;
  /** Momentum factor in [0, 1) (default 0). */
  momentum?: number;
  /** Added under the square root for stability (default 1e-7). */
  epsilon?: number;
  /** Divide by the estimated variance instead of the raw second moment (default false). */
  centered?: boolean;
}

/**
 * RMSprop: s ← ρ·s + (1−ρ)·g²; Δ = lr·g / √(s − ḡ² + ε) when centered (ḡ ← ρ·ḡ + (1−ρ)·g),
 * else lr·g / √(s + ε); with momentum μ: m ← μ·m + Δ and w ← w − m, else w ← w − Δ.
 * @example const optimizer = new RMSprop({ learningRate: 0.01, rho: 0.9 });
 */
export class RMSprop extends Optimizer {
  /** The optimizer's name. */
  readonly name = "RMSprop";
  /** Decay of the squared-gradient average. */
  readonly rho: number;
  /** Momentum factor. */
  readonly momentum: number;
  /** Stability constant. */
  readonly epsilon: number;
  /** Whether the second moment is centered. */
  readonly centered: boolean;
  protected readonly slotCount = 3;

  /** Creates the optimizer. */
  constructor(options: RMSpropOptions = {}) {
    super(options.learningRate ?? 0.001);
    this.rho = options.rho ?? 0.9;
    this.momentum = options.momentum ?? 0;
    this.epsilon = options.epsilon ?? 1e-7;
    this.centered = options.centered ?? false;
    checkInRange("RMSprop: rho", this.rho, 0, 1);
    checkInRange("RMSprop: momentum", this.momentum, 0, 1);
    checkPositive("RMSprop: epsilon", this.epsilon);
  }

  protected computeDelta(g: DataArray, state: SlotState, lr: number): void {
    const rho = this.rho;
    const mu = this.momentum;
    const eps = this.epsilon;
    const s = state.slots[0] as Float64Array;
    const mg = state.slots[1] as Float64Array;
    const mom = state.slots[2] as Float64Array;
    const d = state.delta;
    for (let i = 0; i < d.length; i++) {
      const gi = g[i] as number;
      const si = rho * (s[i] as number) + (1 - rho) * gi * gi;
      s[i] = si;
      let denom = si + eps;
      if (this.centered) {
        const ai = rho * (mg[i] as number) + (1 - rho) * gi;
        mg[i] = ai;
        denom -= ai * ai;
      }
      const inc = (lr * gi) / Math.sqrt(denom);
      if (mu > 0) {
        const mi = mu * (mom[i] as number) + inc;
        mom[i] = mi;
        d[i] = mi;
      } else d[i] = inc;
    }
  }
}
