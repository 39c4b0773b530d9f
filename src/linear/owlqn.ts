// Orthant-wise limited-memory quasi-Newton (OWL-QN) for F = smooth + β‖W‖₁ (L1 and elastic net).
// Each step follows the L-BFGS direction built from the minimum-norm subgradient, restricted to
// the orthant that subgradient points into; the trial point is projected back onto that orthant,
// so coefficients that would cross zero land exactly on zero. Intercepts are never penalised.
import { lbfgsDirection, pushPair, LBFGS_MEMORY } from "./lbfgs.js";
import type { Objective } from "./objective.js";
import { FAST_MAX_EVALS, shouldLeaveFast, startFast } from "./precision.js";
import { dot, gradNormAtZero, infNorm, l1Norm, Monitor, pseudoGradient } from "./solver.js";
import type { SolverResult, SolverSettings, StopReason } from "./solver.js";

/** Minimises smooth + β‖W‖₁ from w0 with OWL-QN; stops on max|min-norm subgradient| ≤ tol × its value at zero. */
export function owlqn(obj: Objective, w0: Float64Array, settings: SolverSettings): SolverResult {
  const n = obj.dim;
  const pen = obj.penalized;
  const beta = obj.l1;
  const gRef = gradNormAtZero(obj);
  let w = Float64Array.from(w0);
  let g = new Float64Array(n);
  startFast(obj);
  let f = obj.value(w, g) + l1Norm(obj, w);
  let pg = new Float64Array(n);
  pseudoGradient(obj, w, g, pg);
  const mon = new Monitor(obj, settings, gRef);
  let gInf = infNorm(pg);
  // Leaves the fast mode: the current point again, exactly.
  const goExact = (): void => {
    obj.setFast(false);
    f = obj.value(w, g) + l1Norm(obj, w);
    pseudoGradient(obj, w, g, pg);
    gInf = infNorm(pg);
  };
  if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf))) goExact();
  if (mon.isConverged(gInf)) return { w, nIter: 0, reason: "converged", objective: f, history: [], gradNorm: gInf, gradNormAtZero: gRef };

  const h0 = obj.preconditioner();
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const p = new Float64Array(n);
  const orthant = new Float64Array(n);
  let wT = new Float64Array(n);
  let gT = new Float64Array(n);
  let pgT = new Float64Array(n);
  let reason: StopReason | null = null;
  while (reason === null) {
    lbfgsDirection(pg, S, Y, rho, p, h0);
    if (beta > 0) {
      for (let j = 0; j < n; j++) if (pen[j] === 1 && p[j]! * pg[j]! >= 0) p[j] = 0;
    }
    let slope = dot(pg, p);
    if (!(slope < 0)) {
      S.length = Y.length = rho.length = 0;
      lbfgsDirection(pg, S, Y, rho, p, h0);
      if (beta > 0) {
        for (let j = 0; j < n; j++) if (pen[j] === 1 && p[j]! * pg[j]! >= 0) p[j] = 0;
      }
      slope = dot(pg, p);
      if (!(slope < 0)) {
        for (let j = 0; j < n; j++) p[j] = -pg[j]!;
        slope = dot(pg, p);
      }
    }
    for (let j = 0; j < n; j++) {
      const wj = w[j]!;
      orthant[j] = wj !== 0 ? Math.sign(wj) : -Math.sign(pg[j]!);
    }
    let a = 1;
    const noise = 1e-12 * Math.abs(f);
    let accepted = false;
    let fT = NaN;
    let gInfT = NaN;
    const maxTries = obj.fast ? FAST_MAX_EVALS : 60;
    for (let tries = 0; tries < maxTries; tries++) {
      for (let j = 0; j < n; j++) {
        let v = w[j]! + a * p[j]!;
        if (beta > 0 && pen[j] === 1 && v * orthant[j]! <= 0) v = 0;
        wT[j] = v;
      }
      fT = obj.value(wT, gT) + l1Norm(obj, wT);
      let change = 0;
      for (let j = 0; j < n; j++) change += pg[j]! * (wT[j]! - w[j]!);
      if (Number.isFinite(fT) && fT <= f + 1e-4 * change) {
        accepted = true;
      } else if (Number.isFinite(fT) && fT <= f + noise) {
        // The decrease is below rounding of f: accept only if the subgradient shrinks.
        pseudoGradient(obj, wT, gT, pgT);
        accepted = infNorm(pgT) < gInf;
      }
      if (accepted) break;
      a *= 0.5;
    }
    if (!accepted) {
      if (obj.fast) {
        // The fast values no longer guide the search: exact from here, with a fresh curvature model.
        goExact();
        S.length = Y.length = rho.length = 0;
        continue;
      }
      if (S.length > 0) {
        S.length = Y.length = rho.length = 0;
        continue;
      }
      reason = "stalled";
      break;
    }
    pseudoGradient(obj, wT, gT, pgT);
    gInfT = infNorm(pgT);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = wT[j]! - w[j]!;
      y[j] = gT[j]! - g[j]!;
    }
    pushPair(S, Y, rho, s, y, LBFGS_MEMORY);
    [w, wT] = [wT, w];
    [g, gT] = [gT, g];
    [pg, pgT] = [pgT, pg];
    f = fT;
    gInf = gInfT;
    if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf))) goExact();
    reason = mon.record(f, gInf, obj.lastDataLoss);
  }
  return { w, nIter: mon.iteration, reason, objective: f, history: mon.history, gradNorm: gInf, gradNormAtZero: gRef };
}
