// Trust-region Newton with preconditioned conjugate-gradient inner solves (Steihaug), as LIBLINEAR's TRON does:
// each outer iteration forms the Hessian weights in the loss-gradient pass, solves the Newton
// system approximately with Hessian-vector products (one pass over the rows each), preconditioned
// by the centring-and-scaling metric of preconditioner.ts (formed once, one pass over X; on raw
// features it removes the coupling of offset columns with the intercept, which a diagonal cannot),
// inside the trust region (measured in that metric), and accepts or rejects the step by comparing actual and predicted decrease.
// The inner tolerance tightens as the gradient shrinks, so convergence is superlinear.
import type { Objective } from "./objective.js";
import type { AffinePreconditioner } from "./preconditioner.js";
import { shouldLeaveFast, startFast } from "./precision.js";
import { dot, gradNormAtZero, infNorm, Monitor } from "./solver.js";
import type { SolverResult, SolverSettings, StopReason } from "./solver.js";

interface CgResult {
  /** Predicted decrease −(g·s + ½ sᵀHs). */
  predicted: number;
  onBoundary: boolean;
  iterations: number;
  /** ‖s‖ in the preconditioner's metric. */
  sNorm: number;
}

/**
 * Approximately minimises g·s + ½ sᵀHs subject to ‖s‖_M ≤ radius with conjugate gradients
 * preconditioned by P ≈ H⁻¹ (Steihaug's method in the norm of M = P⁻¹); writes s.
 */
function steihaugPcg(obj: Objective, slot: 0 | 1, P: AffinePreconditioner, g: Float64Array, radius: number, relTol: number, s: Float64Array): CgResult {
  const mDot = (a: Float64Array, b: Float64Array): number => P.metricDot(a, b);
  const n = g.length;
  const r = new Float64Array(n);
  const z = new Float64Array(n);
  const dir = new Float64Array(n);
  const Hd = new Float64Array(n);
  s.fill(0);
  for (let j = 0; j < n; j++) r[j] = -g[j]!;
  P.apply(r, z);
  obj.project(z);
  dir.set(z);
  let rz = dot(r, z);
  const stop = relTol * Math.sqrt(rz);
  const maxIter = Math.max(20, 2 * n);
  const r2 = radius * radius;
  let ss = 0;
  let onBoundary = false;
  let it = 0;
  // Moves s to the boundary along dir: the positive root τ of ‖s + τ·dir‖_M = radius.
  const toBoundary = (): void => {
    const sd = mDot(s, dir);
    const dd = mDot(dir, dir);
    const rad = Math.sqrt(Math.max(0, sd * sd + dd * (r2 - ss)));
    const tau = sd >= 0 ? (r2 - ss) / (sd + rad) : (rad - sd) / dd;
    for (let j = 0; j < n; j++) {
      s[j] = s[j]! + tau * dir[j]!;
      r[j] = r[j]! - tau * Hd[j]!;
    }
    onBoundary = true;
  };
  while (it < maxIter && Math.sqrt(Math.max(rz, 0)) > stop) {
    it++;
    obj.hessVec(slot, dir, Hd);
    const dHd = dot(dir, Hd);
    if (!(dHd > 0)) {
      toBoundary();
      break;
    }
    const alpha = rz / dHd;
    const sdNow = mDot(s, dir);
    const ssNew = ss + 2 * alpha * sdNow + alpha * alpha * mDot(dir, dir);
    if (ssNew >= r2) {
      toBoundary();
      break;
    }
    ss = ssNew;
    for (let j = 0; j < n; j++) {
      s[j] = s[j]! + alpha * dir[j]!;
      r[j] = r[j]! - alpha * Hd[j]!;
    }
    P.apply(r, z);
    obj.project(z);
    const rzNew = dot(r, z);
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < n; j++) dir[j] = z[j]! + beta * dir[j]!;
  }
  // With r = −g − Hs: g·s + ½ sᵀHs = ½ (g·s − r·s).
  const predicted = -0.5 * (dot(g, s) - dot(r, s));
  return { predicted, onBoundary, iterations: it, sNorm: Math.sqrt(mDot(s, s)) };
}

/** Minimises a smooth objective from w0 with trust-region Newton-CG; stops on max|grad| ≤ tol × its value at zero. */
export function newtonCg(obj: Objective, w0: Float64Array, settings: SolverSettings): SolverResult {
  const n = obj.dim;
  const gRef = gradNormAtZero(obj);
  let slot: 0 | 1 = 0;
  let w = Float64Array.from(w0);
  let g = new Float64Array(n);
  startFast(obj);
  let f = obj.value(w, g, slot);
  let dataLoss = obj.lastDataLoss;
  const mon = new Monitor(obj, settings, gRef);
  let gInf = infNorm(g);
  // Leaves the fast mode: the current point again, exactly (curvature recorded in its slot).
  const goExact = (): void => {
    obj.setFast(false);
    f = obj.value(w, g, slot);
    dataLoss = obj.lastDataLoss;
    gInf = infNorm(g);
  };
  if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf))) goExact();
  if (mon.isConverged(gInf)) return { w, nIter: 0, reason: "converged", objective: f, history: [], gradNorm: gInf, gradNormAtZero: gRef };

  const P = obj.preconditioner();
  const s = new Float64Array(n);
  let wT = new Float64Array(n);
  let gT = new Float64Array(n);
  let first = true;
  let reason: StopReason | null = null;
  // First radius: the gradient's length in the dual norm, √(gᵀPg).
  const Pg = new Float64Array(n);
  P.apply(g, Pg);
  let radius = Math.sqrt(Math.max(dot(g, Pg), 0));
  while (reason === null) {
    const relTol = Math.min(0.1, Math.sqrt(gInf / gRef));
    const cg = steihaugPcg(obj, slot, P, g, radius, relTol, s);
    const other: 0 | 1 = slot === 0 ? 1 : 0;
    for (let j = 0; j < n; j++) wT[j] = w[j]! + s[j]!;
    const fT = obj.value(wT, gT, other);
    const sNorm = cg.sNorm;
    if (first) {
      radius = Math.min(radius, sNorm);
      first = false;
    }
    const actual = f - fT;
    const noise = 1e-12 * Math.abs(f);
    const ratio = actual / cg.predicted;
    const gInfT = infNorm(gT);
    // When the predicted decrease is below rounding of f, the gradient decides.
    const inNoise = cg.predicted <= noise && Number.isFinite(fT) && fT <= f + noise;
    const accept = Number.isFinite(fT) && (inNoise ? gInfT < gInf : ratio > 1e-4);
    if (!accept || (!inNoise && !(ratio >= 0.25))) radius = 0.25 * Math.min(radius, sNorm);
    else if (!inNoise && ratio > 0.75 && cg.onBoundary) radius = Math.max(radius, 4 * sNorm);
    // Outside the fast mode, Newton steps from the fast Hessian must still cut the exact gradient
    // tenfold (they do, superlinearly, unless float32 rounding of Hv matters on this problem):
    // otherwise, exact Hessian-vector products from here on.
    if (!obj.fast && obj.fastCurvature && obj.hasFast && (!accept || !(gInfT <= 0.1 * gInf))) obj.fastCurvature = false;
    if (accept) {
      [w, wT] = [wT, w];
      [g, gT] = [gT, g];
      slot = other;
      f = fT;
      gInf = gInfT;
      dataLoss = obj.lastDataLoss;
    }
    let stalled = !accept && radius <= 1e-15 * Math.max(1, Math.sqrt(P.metricDot(w, w)));
    // In fast mode a rejected step whose predicted decrease is near float32 rounding of f says the
    // fast values no longer guide: so does a stall.
    const fastFailed = !accept && (stalled || cg.predicted <= 1e-6 * Math.abs(f));
    if (shouldLeaveFast(obj, gInf, gRef, mon.isConverged(gInf), fastFailed)) {
      goExact();
      if (stalled) {
        P.apply(g, Pg);
        radius = Math.sqrt(Math.max(dot(g, Pg), 0));
        stalled = false;
      }
    }
    reason = mon.record(f, gInf, dataLoss);
    if (reason === null && stalled) reason = "stalled";
  }
  return { w, nIter: mon.iteration, reason, objective: f, history: mon.history, gradNorm: gInf, gradNormAtZero: gRef };
}
