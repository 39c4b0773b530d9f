// The regularised logistic objective the solvers minimise, built on the fused kernels:
//   F(w) = Σ_i rowWeight_i · loss_i(w) + ½ α ‖W‖² + β ‖W‖₁   (intercepts never penalised),
// where rowWeight already folds in C, sample weights and class weights. `value` returns the
// smooth part (data + L2) and its gradient; the L1 part (β) is handled by the L1 solver.
import { binaryHessDiag, multinomialHessDiag } from "../kernels/portable.js";
import type { BinaryData, DesignMatrix, MultinomialData, ObjectiveKernels } from "../kernels/types.js";
import { affinePreconditioner } from "./preconditioner.js";
import type { AffinePreconditioner } from "./preconditioner.js";

/** A smooth objective with optional curvature, as the solvers see it (parameters flattened). */
export interface Objective {
  /** Number of parameters (binary: d + 1; multinomial: K · (d + 1)). */
  readonly dim: number;
  /** Number of rows n. */
  readonly rows: number;
  /** Largest and mean of rowWeight_i · (‖x_i‖² + 1) · (curvature bound of the loss): smoothness of one row's term. */
  rowSmoothness(): { max: number; mean: number };
  /** 1 where the parameter is a penalised coefficient, 0 for intercept slots. */
  readonly penalized: Uint8Array;
  /** Weight α of the ½‖W‖² term. */
  readonly alpha: number;
  /** Weight β of the ‖W‖₁ term (0 when there is none). */
  readonly l1: number;
  /** Data loss below which the current parameters separate every weighted row (−1 if no row has weight). */
  readonly separationLoss: number;
  /** The data term of the last `value` call. */
  lastDataLoss: number;
  /** Number of passes over the data so far (loss-gradient and Hessian-vector). */
  passes: number;
  /** True when a fast mode exists: float32-arithmetic kernels for a float32 X (see setFast). */
  readonly hasFast: boolean;
  /** True while value and hessVec run the fast kernels (results within float32 rounding, not exact). */
  readonly fast: boolean;
  /**
   * Turns the fast mode on or off (on only where hasFast). The solvers run fast while the gradient
   * is far above the float32 rounding it carries, then exact: a switch changes value's rounding, so
   * re-evaluate the current point after it. Returns whether the fast mode is now on.
   */
  setFast(on: boolean): boolean;
  /**
   * When true (and hasFast), hessVec runs the fast kernels even outside the fast mode: the
   * Hessian only shapes Newton's steps, the exact gradient still decides convergence. Newton
   * turns it off if its steps stop making fast progress. Default true.
   */
  fastCurvature: boolean;
  /** Smooth part (data + ½α‖W‖²) at w; writes its gradient. With a slot, records curvature there for hessVec. */
  value(w: Float64Array, grad: Float64Array, slot?: 0 | 1): number;
  /** Hessian of the smooth part times v, at the point last evaluated with this slot. */
  hessVec(slot: 0 | 1, v: Float64Array, out: Float64Array): void;
  /** Diagonal of the smooth part's Hessian at the point last evaluated with this slot (one more pass). */
  hessDiagonal(slot: 0 | 1, out: Float64Array): void;
  /** The quasi-Newton solvers' starting inverse Hessian: columns centred and scaled to unit curvature at zero (one pass over X). */
  preconditioner(): AffinePreconditioner;
  /** Removes directions along which the objective is exactly flat (see MultinomialObjective.project); binary: nothing. */
  project(v: Float64Array): void;
  /** Smooth part restricted to the rows idx[0..count): data term scaled by `scale`, plus ½α‖W‖²·regScale; writes its gradient. */
  batchValue(idx: Int32Array, count: number, scale: number, regScale: number, w: Float64Array, grad: Float64Array): number;
}

function addRidge(alpha: number, penalized: Uint8Array, w: Float64Array, grad: Float64Array, scale: number): number {
  if (alpha === 0 || scale === 0) return 0;
  let sq = 0;
  for (let j = 0; j < w.length; j++) {
    if (penalized[j] === 1) {
      const wj = w[j]!;
      sq += wj * wj;
      grad[j] = grad[j]! + alpha * scale * wj;
    }
  }
  return 0.5 * alpha * scale * sq;
}

function rowSmoothness(X: DesignMatrix, n: number, d: number, rowWeight: Float64Array, fitIntercept: boolean, curvature: number): { max: number; mean: number } {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let sq = fitIntercept ? 1 : 0;
    for (let j = 0; j < d; j++) {
      const v = X[i * d + j]!;
      sq += v * v;
    }
    const L = rowWeight[i]! * sq * curvature;
    if (L > max) max = L;
    sum += L;
  }
  return { max, mean: n > 0 ? sum / n : 0 };
}

function separationThreshold(rowWeight: Float64Array): number {
  let min = Infinity;
  for (let i = 0; i < rowWeight.length; i++) {
    const r = rowWeight[i]!;
    if (r > 0 && r < min) min = r;
  }
  return min === Infinity ? -1 : min * Math.LN2;
}

/** Objective of a binary problem (parameters: d coefficients then the intercept). */
export class BinaryObjective implements Objective {
  readonly dim: number;
  readonly rows: number;
  readonly penalized: Uint8Array;
  readonly separationLoss: number;
  lastDataLoss = 0;
  passes = 0;
  readonly hasFast: boolean;
  fast = false;
  fastCurvature = true;
  private readonly fastKernels: ObjectiveKernels;
  private readonly curv: [Float64Array, Float64Array];
  private batch: { data: BinaryData; X: Float32Array | Float64Array } | null = null;

  constructor(
    readonly data: BinaryData,
    readonly fitIntercept: boolean,
    readonly alpha: number,
    readonly l1: number,
    readonly kernels: ObjectiveKernels,
  ) {
    this.dim = data.d + 1;
    this.rows = data.n;
    this.penalized = new Uint8Array(this.dim).fill(1);
    this.penalized[data.d] = 0;
    this.separationLoss = separationThreshold(data.rowWeight);
    this.curv = [new Float64Array(0), new Float64Array(0)];
    this.hasFast = kernels.fast !== undefined && data.X instanceof Float32Array;
    this.fastKernels = kernels.fast ?? kernels;
  }

  setFast(on: boolean): boolean {
    this.fast = on && this.hasFast;
    return this.fast;
  }

  rowSmoothness(): { max: number; mean: number } {
    return rowSmoothness(this.data.X, this.data.n, this.data.d, this.data.rowWeight, this.fitIntercept, 0.25);
  }

  preconditioner(): AffinePreconditioner {
    const { X, n, d, rowWeight } = this.data;
    return affinePreconditioner(X, n, d, rowWeight, this.fitIntercept, this.alpha, 0.25, 1);
  }

  value(w: Float64Array, grad: Float64Array, slot?: 0 | 1): number {
    let hd: Float64Array | undefined;
    if (slot !== undefined) {
      if (this.curv[slot].length !== this.data.n) this.curv[slot] = new Float64Array(this.data.n);
      hd = this.curv[slot];
    }
    const k = this.fast ? this.fastKernels : this.kernels;
    const loss = k.binaryLossGrad(this.data, w, this.fitIntercept, grad, hd);
    this.passes++;
    this.lastDataLoss = loss;
    return loss + addRidge(this.alpha, this.penalized, w, grad, 1);
  }

  hessVec(slot: 0 | 1, v: Float64Array, out: Float64Array): void {
    (this.fast || this.fastCurvature ? this.fastKernels : this.kernels).binaryHessVec(this.data, this.curv[slot], this.fitIntercept, v, out);
    this.passes++;
    if (this.alpha !== 0) for (let j = 0; j < this.dim; j++) if (this.penalized[j] === 1) out[j] = out[j]! + this.alpha * v[j]!;
  }

  hessDiagonal(slot: 0 | 1, out: Float64Array): void {
    binaryHessDiag(this.data, this.curv[slot], this.fitIntercept, out);
    this.passes++;
    if (this.alpha !== 0) for (let j = 0; j < this.dim; j++) if (this.penalized[j] === 1) out[j] = out[j]! + this.alpha;
  }

  project(v: Float64Array): void {
    void v;
  }

  batchValue(idx: Int32Array, count: number, scale: number, regScale: number, w: Float64Array, grad: Float64Array): number {
    const { d, X, y, rowWeight } = this.data;
    if (this.batch === null || this.batch.data.n < count) {
      const bx = X instanceof Float32Array ? new Float32Array(count * d) : new Float64Array(count * d);
      this.batch = { X: bx, data: { X: bx, n: count, d, y: new Float64Array(count), rowWeight: new Float64Array(count) } };
    }
    const bx = this.batch.X;
    const by = this.batch.data.y as Float64Array;
    const brw = this.batch.data.rowWeight as Float64Array;
    for (let t = 0; t < count; t++) {
      const i = idx[t]!;
      for (let j = 0, src = i * d, dst = t * d; j < d; j++) bx[dst + j] = X[src + j]!;
      by[t] = y[i]!;
      brw[t] = rowWeight[i]! * scale;
    }
    const loss = this.kernels.binaryLossGrad({ X: bx, n: count, d, y: by, rowWeight: brw }, w, this.fitIntercept, grad);
    return loss + addRidge(this.alpha, this.penalized, w, grad, regScale);
  }
}

/** Objective of a multinomial problem (parameters: K rows of d coefficients then an intercept). */
export class MultinomialObjective implements Objective {
  readonly dim: number;
  readonly rows: number;
  readonly penalized: Uint8Array;
  readonly separationLoss: number;
  lastDataLoss = 0;
  passes = 0;
  /** No fast multinomial kernels yet: always exact. */
  readonly hasFast = false;
  readonly fast = false;
  fastCurvature = false;
  private readonly curv: [Float64Array, Float64Array];
  private batch: { data: MultinomialData; X: Float32Array | Float64Array } | null = null;

  constructor(
    readonly data: MultinomialData,
    readonly fitIntercept: boolean,
    readonly alpha: number,
    readonly l1: number,
    readonly kernels: ObjectiveKernels,
  ) {
    const d1 = data.d + 1;
    this.dim = data.K * d1;
    this.rows = data.n;
    this.penalized = new Uint8Array(this.dim).fill(1);
    for (let k = 0; k < data.K; k++) this.penalized[k * d1 + data.d] = 0;
    this.separationLoss = separationThreshold(data.rowWeight);
    this.curv = [new Float64Array(0), new Float64Array(0)];
  }

  rowSmoothness(): { max: number; mean: number } {
    return rowSmoothness(this.data.X, this.data.n, this.data.d, this.data.rowWeight, this.fitIntercept, 0.5);
  }

  preconditioner(): AffinePreconditioner {
    const { X, n, d, K, rowWeight } = this.data;
    // At W = 0 every class has probability 1/K: curvature (1/K)(1 − 1/K) per class block.
    return affinePreconditioner(X, n, d, rowWeight, this.fitIntercept, this.alpha, (K - 1) / (K * K), K);
  }

  value(w: Float64Array, grad: Float64Array, slot?: 0 | 1): number {
    let prob: Float64Array | undefined;
    if (slot !== undefined) {
      const len = this.data.n * this.data.K;
      if (this.curv[slot].length !== len) this.curv[slot] = new Float64Array(len);
      prob = this.curv[slot];
    }
    const loss = this.kernels.multinomialLossGrad(this.data, w, this.fitIntercept, grad, prob);
    this.passes++;
    this.lastDataLoss = loss;
    const total = loss + addRidge(this.alpha, this.penalized, w, grad, 1);
    this.project(grad);
    return total;
  }

  setFast(): boolean {
    return false;
  }

  /**
   * Removes the directions the objective is flat along (the symmetric parametrisation's null space):
   * adding one constant to every intercept, and — when nothing penalises the coefficients — one
   * vector to every coefficient row. Gradients lie outside them in exact arithmetic; projecting
   * drops the rounding so that no solver drifts along them.
   */
  project(v: Float64Array): void {
    const { K, d } = this.data;
    const d1 = d + 1;
    const from = this.alpha === 0 && this.l1 === 0 ? 0 : d;
    const to = this.fitIntercept ? d : d - 1;
    for (let j = from; j <= to; j++) {
      let mean = 0;
      for (let k = 0; k < K; k++) mean += v[k * d1 + j]!;
      mean /= K;
      for (let k = 0; k < K; k++) v[k * d1 + j] = v[k * d1 + j]! - mean;
    }
  }

  hessVec(slot: 0 | 1, v: Float64Array, out: Float64Array): void {
    this.kernels.multinomialHessVec(this.data, this.curv[slot], this.fitIntercept, v, out);
    this.passes++;
    if (this.alpha !== 0) for (let j = 0; j < this.dim; j++) if (this.penalized[j] === 1) out[j] = out[j]! + this.alpha * v[j]!;
    this.project(out);
  }

  hessDiagonal(slot: 0 | 1, out: Float64Array): void {
    multinomialHessDiag(this.data, this.curv[slot], this.fitIntercept, out);
    this.passes++;
    if (this.alpha !== 0) for (let j = 0; j < this.dim; j++) if (this.penalized[j] === 1) out[j] = out[j]! + this.alpha;
  }

  batchValue(idx: Int32Array, count: number, scale: number, regScale: number, w: Float64Array, grad: Float64Array): number {
    const { d, K, X, y, rowWeight } = this.data;
    if (this.batch === null || this.batch.data.n < count) {
      const bx = X instanceof Float32Array ? new Float32Array(count * d) : new Float64Array(count * d);
      this.batch = { X: bx, data: { X: bx, n: count, d, K, y: new Int32Array(count), rowWeight: new Float64Array(count) } };
    }
    const bx = this.batch.X;
    const by = this.batch.data.y as Int32Array;
    const brw = this.batch.data.rowWeight as Float64Array;
    for (let t = 0; t < count; t++) {
      const i = idx[t]!;
      for (let j = 0, src = i * d, dst = t * d; j < d; j++) bx[dst + j] = X[src + j]!;
      by[t] = y[i]!;
      brw[t] = rowWeight[i]! * scale;
    }
    const loss = this.kernels.multinomialLossGrad({ X: bx, n: count, d, K, y: by, rowWeight: brw }, w, this.fitIntercept, grad);
    const total = loss + addRidge(this.alpha, this.penalized, w, grad, regScale);
    this.project(grad);
    return total;
  }
}
