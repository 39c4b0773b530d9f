// A starting inverse-Hessian for the quasi-Newton solvers (lbfgs, owlqn): the change of variables
// that centres every column of X on its weighted mean and scales it by the curvature of the
// objective at zero coefficients. On unstandardised data (columns of very different scales, or far
// from zero, which ties each coefficient to the intercept) the plain L-BFGS metric is badly
// conditioned and needs hundreds of iterations; in the centred and scaled coordinates the problem
// looks standardised, without touching X or the objective (the solvers still work on the original
// coefficients, so penalties, stopping rule and results are unchanged).
//
// With u the scaled coordinates of one coefficient block [coef (d), intercept]:
//   coef_j = s_j u_j,  intercept = s_b u_b − Σ_j μ_j s_j u_j      (w = T u),
// and the preconditioner is H0 = T Tᵀ, applied in O(d) per block.
import type { DesignMatrix } from "../kernels/types.js";

/** H0 = T Tᵀ for the centring and scaling change of variables (same T for every coefficient block). */
export class AffinePreconditioner {
  constructor(
    /** Weighted column means μ_j (all 0 when the intercept is not fitted: no centring). */
    readonly mean: Float64Array,
    /** Column scales s_j. */
    readonly scale: Float64Array,
    /** Scale s_b of the intercept (0 when it is not fitted). */
    readonly interceptScale: number,
    /** Number of coefficient blocks of d + 1 parameters (binary 1, multinomial K). */
    readonly blocks: number,
  ) {}

  /** out = H0 q (out may be q). */
  apply(q: Float64Array, out: Float64Array): void {
    const { mean, scale, interceptScale: sb } = this;
    const d = mean.length;
    for (let k = 0; k < this.blocks; k++) {
      const o = k * (d + 1);
      const qb = q[o + d]!;
      // r = Tᵀ q: r_j = s_j (q_j − μ_j q_b), r_b = s_b q_b; then out = T r.
      let shift = 0;
      for (let j = 0; j < d; j++) {
        const s = scale[j]!;
        const wj = s * (s * (q[o + j]! - mean[j]! * qb));
        out[o + j] = wj;
        shift += mean[j]! * wj;
      }
      out[o + d] = sb * sb * qb - shift;
    }
  }

  /** (T⁻¹a)·(T⁻¹b): the inner product of the metric H0⁻¹ (trust regions are measured in it). */
  metricDot(a: Float64Array, b: Float64Array): number {
    const { mean, scale, interceptScale: sb } = this;
    const d = mean.length;
    let total = 0;
    for (let k = 0; k < this.blocks; k++) {
      const o = k * (d + 1);
      let sa = a[o + d]!;
      let sbb = b[o + d]!;
      for (let j = 0; j < d; j++) {
        const s = scale[j]!;
        const aj = a[o + j]!;
        const bj = b[o + j]!;
        total += (aj / s) * (bj / s);
        sa += mean[j]! * aj;
        sbb += mean[j]! * bj;
      }
      // Without an intercept its slot never moves (sb = 0): it adds nothing.
      if (sb > 0) total += (sa / sb) * (sbb / sb);
    }
    return total;
  }
}

/** Rows above which the column moments are estimated from an evenly spaced sample of about this many. */
export const PRECONDITIONER_SAMPLE_ROWS = 16384;

/** Weighted first and second moments of X's columns about row 0, over rows 0, step, 2·step, … (total: the rows' weight, rescaled to all rows). */
function moments(X: DesignMatrix, n: number, d: number, rowWeight: Float64Array, step: number): { s1: Float64Array; s2: Float64Array; total: number } {
  const s1 = new Float64Array(d);
  const s2 = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i += step) {
    const h = rowWeight[i]!;
    if (h === 0) continue;
    total += h;
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const v = X[o + j]! - X[j]!;
      const hv = h * v;
      s1[j] = s1[j]! + hv;
      s2[j] = s2[j]! + hv * v;
    }
  }
  // Scale the sample's sums up to the whole: Σ over all rows ≈ (Σ rowWeight / Σ sampled rowWeight) × sample sums.
  if (step > 1 && total > 0) {
    let all = 0;
    for (let i = 0; i < n; i++) all += rowWeight[i]!;
    const up = all / total;
    for (let j = 0; j < d; j++) {
      s1[j] = s1[j]! * up;
      s2[j] = s2[j]! * up;
    }
    total = all;
  }
  return { s1, s2, total };
}

/**
 * The preconditioner of a problem: weighted column means and variances of X (weights rowWeight),
 * each column scaled to unit curvature c·Σ w_i (x_ij − μ_j)² + α at zero coefficients.
 * One pass over X, or over a sample of its rows when there are many. Without an intercept the
 * columns are not centred (raw second moments).
 */
export function affinePreconditioner(
  X: DesignMatrix,
  n: number,
  d: number,
  rowWeight: Float64Array,
  fitIntercept: boolean,
  alpha: number,
  curvature: number,
  blocks: number,
): AffinePreconditioner {
  // Moments about the first row (a shift that keeps the one-pass variance accurate for offset columns).
  // A metric needs no more than a few digits: on many rows, every step-th row serves (the full
  // pass would cost as much as several objective evaluations); all rows if those carry no weight.
  const step = Math.max(1, Math.floor(n / PRECONDITIONER_SAMPLE_ROWS));
  let m = moments(X, n, d, rowWeight, step);
  if (!(m.total > 0) && step > 1) m = moments(X, n, d, rowWeight, 1);
  const { s1, s2, total } = m;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  // The intercept is not penalised: its curvature is c·Σ w_i. It also serves columns of no curvature at all.
  const interceptScale = total > 0 ? 1 / Math.sqrt(curvature * total) : 1;
  for (let j = 0; j < d; j++) {
    const mj = total > 0 ? s1[j]! / total : 0;
    // Centred: Σ w (x − μ)² = Σ w (x − x0)² − total·(μ − x0)²; uncentred: Σ w x².
    const x0 = X[j]!;
    const second = fitIntercept ? s2[j]! - total * mj * mj : s2[j]! + 2 * x0 * s1[j]! + total * x0 * x0;
    const c = curvature * Math.max(second, 0) + alpha;
    scale[j] = c > 0 && Number.isFinite(c) ? 1 / Math.sqrt(c) : interceptScale;
    mean[j] = fitIntercept ? x0 + mj : 0;
  }
  return new AffinePreconditioner(mean, scale, fitIntercept ? interceptScale : 0, blocks);
}
