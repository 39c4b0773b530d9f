// Limited-memory BFGS with a strong-Wolfe line search, for the smooth (L2 or unpenalised) objective.
import { strongWolfe } from "./lineSearch.js";
import type { Objective } from "./objective.js";
import type { AffinePreconditioner } from "./preconditioner.js";
import { FAST_MAX_EVALS, shouldLeaveFast, startFast } from "./precision.js";
import { dot, gradNormAtZero, infNorm, Monitor } from "./solver.js";
import type { SolverResult, SolverSettings, StopReason } from "./solver.js";

/** Number of correction pairs L-BFGS keeps. */
export const LBFGS_MEMORY = 10;

/**
 * Two-loop recursion: p = −H·g from the stored pairs (oldest first). The starting matrix is
 * γ·H0 (H0 the preconditioner, or the identity), γ = sᵀy / yᵀH0y from the newest pair (1 with no pair
 * and a preconditioner, which already has the curvature's scale).
 */
export function lbfgsDirection(g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: number[], p: Float64Array, h0?: AffinePreconditioner): void {
  const m = S.length;
  const a = new Float64Array(m);
  for (let j = 0; j < p.length; j++) p[j] = -g[j]!;
  for (let i = m - 1; i >= 0; i--) {
    const ai = rho[i]! * dot(S[i]!, p);
    a[i] = ai;
    const y = Y[i]!;
    for (let j = 0; j < p.length; j++) p[j] = p[j]! - ai * y[j]!;
  }
  if (h0 !== undefined) {
    h0.apply(p, p);
    if (m > 0) {
      const y = Y[m - 1]!;
      const hy = new Float64Array(y.length);
      h0.apply(y, hy);
      const gamma = 1 / (rho[m - 1]! * dot(y, hy));
      for (let j = 0; j < p.length; j++) p[j] = p[j]! * gamma;
    }
  } else if (m > 0) {
    const y = Y[m - 1]!;
    const gamma = 1 / (rho[m - 1]! * dot(y, y));
    for (let j = 0; j < p.length; j++) p[j] = p[j]! * gamma;
  }
  for (let i = 0; i < m; i++) {
    const b = rho[i]! * dot(Y[i]!, p);
    const s = S[i]!;
    const c = a[i]! - b;
    for (let j = 0; j < p.length; j++) p[j] = p[j]! + c * s[j]!;
  }
}

/** Appends a correction pair if it has positive curvature, dropping the oldest beyond `memory`. */
export function pushPair(S: Float64Array[], Y: Float64Array[], rho: number[], s: Float64Array, y: Float64Array, memory: number): void {
  const sy = dot(s, y);
  if (!(sy > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y)))) return;
  if (S.length === memory) {
    S.shift();
    Y.shift();
    rho.shift();
  }
  S.push(s);
  Y.push(y);
  rho.push(1 / sy);
}

/** Minimises a smooth objective from w0 with L-BFGS; stops on max|grad| ≤ tol × its value at zero. */
export function lbfgs(obj: Objective, w0: Float64Array, settings: SolverSettings): SolverResult {
  const n = obj.dim;
  const gRef = gradNormAtZero(obj);
  let w = Float64Array.from(w0);
  let g = new Float64Array(n);
  startFast(obj);
  let f = obj.value(w, g);
  const mon = new Monitor(obj, settings, gRef);
  let gInf = infNorm(g);
  // Leaves the fast mode: the current point again, exactly.
  const goExact = (): void => {
    obj.setFast(false);
    f = obj.value(w, g);
    gInf = infNorm(g);
  };
  if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf))) goExact();
  if (mon.isConverged(gInf)) return { w, nIter: 0, reason: "converged", objective: f, history: [], gradNorm: gInf, gradNormAtZero: gRef };

  const h0 = obj.preconditioner();
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const p = new Float64Array(n);
  let wT = new Float64Array(n);
  let gT = new Float64Array(n);
  let reason: StopReason | null = null;
  while (reason === null) {
    lbfgsDirection(g, S, Y, rho, p, h0);
    let slope0 = dot(g, p);
    if (!(slope0 < 0)) {
      S.length = Y.length = rho.length = 0;
      lbfgsDirection(g, S, Y, rho, p, h0);
      slope0 = dot(g, p);
      if (!(slope0 < 0)) {
        for (let j = 0; j < n; j++) p[j] = -g[j]!;
        slope0 = dot(g, p);
      }
    }
    // −H0·g is a Newton step for the curvature at zero: try it whole.
    const alpha1 = 1;
    const phi = (a: number) => {
      for (let j = 0; j < n; j++) wT[j] = w[j]! + a * p[j]!;
      const fa = obj.value(wT, gT);
      return { f: fa, slope: dot(gT, p) };
    };
    const ls = strongWolfe(phi, f, slope0, alpha1, { c1: 1e-4, c2: 0.9, maxEvals: obj.fast ? FAST_MAX_EVALS : 40, fTolerance: 1e-12 * Math.abs(f) });
    if (!ls.ok) {
      if (obj.fast) {
        // The fast values no longer guide the search: exact from here, with a fresh curvature model.
        goExact();
        S.length = Y.length = rho.length = 0;
        continue;
      }
      if (S.length > 0) {
        // A stale curvature model: restart from steepest descent before giving up.
        S.length = Y.length = rho.length = 0;
        continue;
      }
      if (ls.bestAlpha > 0) {
        f = phi(ls.bestAlpha).f;
        [w, wT] = [wT, w];
        [g, gT] = [gT, g];
        gInf = infNorm(g);
      }
      reason = mon.isConverged(gInf) ? "converged" : "stalled";
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = wT[j]! - w[j]!;
      y[j] = gT[j]! - g[j]!;
    }
    pushPair(S, Y, rho, s, y, LBFGS_MEMORY);
    [w, wT] = [wT, w];
    [g, gT] = [gT, g];
    f = ls.f;
    gInf = infNorm(g);
    if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf))) goExact();
    reason = mon.record(f, gInf, obj.lastDataLoss);
  }
  return { w, nIter: mon.iteration, reason, objective: f, history: mon.history, gradNorm: gInf, gradNormAtZero: gRef };
}
