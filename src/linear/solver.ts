// What every solver takes and returns, and the bookkeeping they share: the stopping rule
// (largest gradient entry ≤ tol × its value at zero coefficients), the objective history, the
// progress callback, and the separability check for unpenalised problems.
import type { Objective } from "./objective.js";

/** Progress reported after each iteration (or epoch, for sgd and adam). */
export interface IterationInfo {
  /** 1-based iteration (or epoch) number. */
  iteration: number;
  /** Full objective (data term + penalty) after this iteration, in float64. */
  objective: number;
  /** Largest absolute entry of the gradient (for L1, of the minimum-norm subgradient). */
  gradNorm: number;
  /** One-vs-rest only: index (in `classes`) of the class whose binary problem is being fitted. */
  task?: number;
}

/** Why a solver stopped. */
export type StopReason = "converged" | "maxIter" | "callback" | "separable" | "stalled";

/** Settings shared by the solvers. */
export interface SolverSettings {
  /** Iteration cap (epochs for sgd and adam). */
  maxIter: number;
  /** Relative tolerance on the largest gradient entry. */
  tol: number;
  /** Called after every iteration; returning false stops the solver. */
  onIteration?: ((info: IterationInfo) => boolean | void) | undefined;
}

/** Outcome of a solver run. */
export interface SolverResult {
  /** Final parameters (flattened like the objective's). */
  w: Float64Array;
  nIter: number;
  reason: StopReason;
  /** Full objective at w. */
  objective: number;
  /** Objective after each iteration. */
  history: number[];
  /** Largest entry of the (minimum-norm sub)gradient at w. */
  gradNorm: number;
  /** Largest gradient entry at zero coefficients: the scale `tol` is relative to. */
  gradNormAtZero: number;
}

/** Largest absolute entry of v. */
export function infNorm(v: Float64Array): number {
  let m = 0;
  for (let j = 0; j < v.length; j++) {
    const a = Math.abs(v[j]!);
    if (a > m) m = a;
  }
  return m;
}

/** Dot product of two vectors of the same length. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/** Σ β|w_j| over penalised entries. */
export function l1Norm(obj: Objective, w: Float64Array): number {
  if (obj.l1 === 0) return 0;
  let s = 0;
  for (let j = 0; j < w.length; j++) if (obj.penalized[j] === 1) s += Math.abs(w[j]!);
  return obj.l1 * s;
}

/**
 * Minimum-norm subgradient of F = smooth + β‖W‖₁ at w, given the smooth gradient g; written to out.
 * Where w_j = 0 and |g_j| ≤ β it is 0; where w_j = 0 otherwise it is g_j ∓ β. With β = 0 it is g.
 */
export function pseudoGradient(obj: Objective, w: Float64Array, g: Float64Array, out: Float64Array): void {
  const beta = obj.l1;
  for (let j = 0; j < w.length; j++) {
    const gj = g[j]!;
    if (beta === 0 || obj.penalized[j] !== 1) {
      out[j] = gj;
      continue;
    }
    const wj = w[j]!;
    if (wj > 0) out[j] = gj + beta;
    else if (wj < 0) out[j] = gj - beta;
    else if (gj + beta < 0) out[j] = gj + beta;
    else if (gj - beta > 0) out[j] = gj - beta;
    else out[j] = 0;
  }
}

/** Largest entry of the minimum-norm subgradient at zero coefficients (the scale of the stopping rule). */
export function gradNormAtZero(obj: Objective): number {
  const z = new Float64Array(obj.dim);
  const g = new Float64Array(obj.dim);
  obj.value(z, g);
  const pg = new Float64Array(obj.dim);
  pseudoGradient(obj, z, g, pg);
  return infNorm(pg);
}

/** Tracks iterations for a solver: history, callback, convergence, separability. */
export class Monitor {
  readonly history: number[] = [];
  iteration = 0;
  private readonly threshold: number;

  constructor(
    private readonly obj: Objective,
    private readonly settings: SolverSettings,
    readonly gradNormAtZero: number,
  ) {
    this.threshold = settings.tol * gradNormAtZero;
  }

  /** True when a gradient of this size meets the stopping rule. */
  isConverged(gradNorm: number): boolean {
    return gradNorm <= this.threshold;
  }

  /** True when the data loss shows that w separates every weighted row while nothing is penalised. */
  isSeparated(dataLoss: number): boolean {
    const o = this.obj;
    return o.alpha === 0 && o.l1 === 0 && o.separationLoss > 0 && dataLoss < o.separationLoss;
  }

  /**
   * Records one finished iteration; returns why to stop, or null to go on. `dataLoss` is the data
   * term at the new point (used by the separability check).
   */
  record(objective: number, gradNorm: number, dataLoss: number): StopReason | null {
    this.iteration++;
    this.history.push(objective);
    const cb = this.settings.onIteration;
    if (cb !== undefined && cb({ iteration: this.iteration, objective, gradNorm }) === false) return "callback";
    if (this.isConverged(gradNorm)) return "converged";
    if (this.isSeparated(dataLoss)) return "separable";
    if (this.iteration >= this.settings.maxIter) return "maxIter";
    return null;
  }
}
