// Optimizer: the base of SGD, Adam and RMSprop. Applies [gradient, variable] pairs in place,
// computing each update on the typed arrays (float64 arithmetic) with no op or tape overhead.
import { ShapeError, ValueError } from "../errors.js";
import { GradientTape } from "../autodiff/tape.js";
import { Variable } from "../autodiff/variable.js";
import type { DataArray } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { zip } from "./zip.js";

/** A learning rate: a number, or a schedule giving it from the step (the number of updates applied so far). */
export type LearningRate = number | ((step: number) => number);

/** A `[gradient, variable]` pair, as `zip(grads, vars)` makes them; a null gradient is skipped. */
export type GradientPair = readonly [Tensor | null | undefined, Variable];

/** Per-variable state of an optimizer (slots such as momentum), and a scratch array for the update. */
export interface SlotState {
  readonly slots: Float64Array[];
  readonly delta: Float64Array;
  /** `delta` wrapped as a tensor of the variable's shape, made once and passed to `assignSub`. */
  readonly deltaTensor: Tensor;
}

/** Base class of the optimizers: `applyGradients(zip(grads, vars))` and `minimize(lossFn, vars)`. */
export abstract class Optimizer {
  /** The learning rate, or a schedule of it. */
  learningRate: LearningRate;
  /** The number of `applyGradients` calls so far (TensorFlow's `optimizer.iterations`). */
  iterations = 0;
  /** The optimizer's name, used in messages. */
  abstract readonly name: string;
  private readonly state = new WeakMap<Variable, SlotState>();

  /** Sets the learning rate (a positive number or a schedule). */
  constructor(learningRate: LearningRate) {
    if (typeof learningRate === "number") checkPositive("learningRate", learningRate);
    else if (typeof learningRate !== "function") throw new ValueError(`Optimizer: learningRate must be a number or a function of the step, got ${typeof learningRate}`);
    this.learningRate = learningRate;
  }

  /** How many slot arrays (each the size of the variable) this optimizer keeps per variable. */
  protected abstract readonly slotCount: number;

  /**
   * Writes into `state.delta` the amount to subtract from the variable, given its gradient `g`,
   * the current learning rate `lr` and the step (0 for the first update); updates the slots.
   */
  protected abstract computeDelta(g: DataArray, state: SlotState, lr: number, step: number): void;

  /** The learning rate in effect for the next update. */
  currentLearningRate(): number {
    const lr = typeof this.learningRate === "number" ? this.learningRate : this.learningRate(this.iterations);
    if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
      throw new ValueError(`${this.name}: the learning-rate schedule gave ${String(lr)} at step ${this.iterations}; it must be a finite number ≥ 0`);
    }
    return lr;
  }

  /**
   * Applies one update from `[gradient, variable]` pairs (TensorFlow's `apply_gradients(zip(grads,
   * vars))`). A null gradient is skipped, as TensorFlow skips None. Throws a ShapeError naming the
   * variable when a gradient's shape differs from it, and a ValueError when an update is not finite.
   */
  applyGradients(pairs: Iterable<GradientPair>): void {
    const lr = this.currentLearningRate();
    const step = this.iterations;
    for (const pair of pairs) {
      const [g, v] = pair;
      if (!(v instanceof Variable)) {
        throw new ValueError(`${this.name}.applyGradients: expected [gradient, Variable] pairs, but the second item is ${v === null ? "null" : typeof v === "object" ? (v as object).constructor.name : typeof v}; wrap parameters in new Variable(...)`);
      }
      if (g === null || g === undefined) continue;
      if (!(g instanceof Tensor)) throw new ValueError(`${this.name}.applyGradients: the gradient for variable '${v.name}' is not a Tensor`);
      if (!sameShape(g.shape, v.shape)) {
        throw new ShapeError(`${this.name}.applyGradients: the gradient for variable '${v.name}' has shape ${fmtShape(g.shape)}, but the variable has shape ${fmtShape(v.shape)}`);
      }
      if (v.dtype !== "float32" && v.dtype !== "float64") {
        throw new ValueError(`${this.name}.applyGradients: variable '${v.name}' is ${v.dtype}; only float32 and float64 variables can be trained`);
      }
      let st = this.state.get(v);
      if (st === undefined) {
        const delta = new Float64Array(v.size);
        st = { slots: Array.from({ length: this.slotCount }, () => new Float64Array(v.size)), delta, deltaTensor: new Tensor(delta, v.shape, "float64") };
        this.state.set(v, st);
      }
      this.computeDelta(g.dataSync(), st, lr, step);
      const d = st.delta;
      let check = 0;
      for (let i = 0; i < d.length; i++) check += (d[i] as number) * 0;
      if (check !== 0) {
        throw new ValueError(`${this.name}.applyGradients: the update of variable '${v.name}' is not finite (the gradient holds NaN or ±Infinity, or overflowed); check the loss and lower the learning rate`);
      }
      v.assignSub(st.deltaTensor);
    }
    this.iterations++;
  }

  /**
   * Computes `lossFn()` under a GradientTape, applies the gradients with respect to `varList`,
   * and returns the loss.
   * @example const loss = optimizer.minimize(() => binaryCrossEntropy(y, sigmoid(add(matMul(x, W), b))), [W, b]);
   */
  minimize(lossFn: () => Tensor, varList: readonly Variable[]): Tensor {
    const tape = new GradientTape();
    let loss: Tensor;
    try {
      loss = lossFn();
    } catch (e) {
      tape.stop();
      throw e;
    }
    const grads = tape.gradient(loss, varList);
    this.applyGradients(zip(grads, varList));
    return loss;
  }

  /** The slot arrays kept for `v` (e.g. momentum), or undefined before its first update. Read-only view for inspection. */
  slotsOf(v: Variable): readonly Float64Array[] | undefined {
    return this.state.get(v)?.slots;
  }
}

/** Throws a ValueError unless `x` is a finite number > 0. */
export function checkPositive(name: string, x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x) || x <= 0) throw new ValueError(`${name} must be a finite number > 0, got ${x}`);
}

/** Throws a ValueError unless `x` is a number in [lo, hi). */
export function checkInRange(name: string, x: number, lo: number, hi: number): void {
  if (typeof x !== "number" || !(x >= lo && x < hi)) throw new ValueError(`${name} must be in [${lo}, ${hi}), got ${x}`);
}
