// Trust-region Newton with conjugate-gradient inner solves (Steihaug), as LIBLINEAR's TRON does:
// each outer iteration forms the Hessian weights in the loss-gradient pass, solves the Newton
// system approximately with Hessian-vector products (one pass over the rows each) inside the
// trust region, and accepts or rejects the step by comparing actual and predicted decrease.
// The inner tolerance tightens as the gradient shrinks, so convergence is superlinear.
import type { Objective } from "./objective.js";
import { dot, gradNormAtZero, infNorm, Monitor } from "./solver.js";
import type { SolverResult, SolverSettings, StopReason } from "./solver.js";

interface CgResult {
  /** Predicted decrease −(g·s + ½ sᵀHs). */
  predicted: number;
  onBoundary: boolean;
  iterations: number;
}

/** Approximately minimises g·s + ½ sᵀHs subject to ‖s‖ ≤ radius; writes s. */
function steihaugCg(obj: Objective, slot: 0 | 1, g: Float64Array, radius: number, relTol: number, s: Float64Array): CgResult {
  const n = g.length;
  const r = new Float64Array(n);
  const dir = new Float64Array(n);
  const Hd = new Float64Array(n);
  s.fill(0);
  for (let j = 0; j < n; j++) r[j] = -g[j]!;
  dir.set(r);
  let rr = dot(r, r);
  const stop = relTol * Math.sqrt(rr);
  const maxIter = Math.max(20, 2 * n);
  let onBoundary = false;
  let it = 0;
  while (it < maxIter && Math.sqrt(rr) > stop) {
    it++;
    obj.hessVec(slot, dir, Hd);
    const dHd = dot(dir, Hd);
    // Step length to the boundary along dir from s: the positive root of ‖s + τ·dir‖ = radius.
    const toBoundary = (): number => {
      const sd = dot(s, dir);
      const dd = dot(dir, dir);
      const ss = dot(s, s);
      const rad = Math.sqrt(Math.max(0, sd * sd + dd * (radius * radius - ss)));
      return sd >= 0 ? (radius * radius - ss) / (sd + rad) : (rad - sd) / dd;
    };
    if (!(dHd > 0)) {
      const tau = toBoundary();
      for (let j = 0; j < n; j++) {
        s[j] = s[j]! + tau * dir[j]!;
        r[j] = r[j]! - tau * Hd[j]!;
      }
      onBoundary = true;
      break;
    }
    const alpha = rr / dHd;
    let ss = 0;
    for (let j = 0; j < n; j++) {
      const v = s[j]! + alpha * dir[j]!;
      ss += v * v;
    }
    if (ss >= radius * radius) {
      const tau = toBoundary();
      for (let j = 0; j < n; j++) {
        s[j] = s[j]! + tau * dir[j]!;
        r[j] = r[j]! - tau * Hd[j]!;
      }
      onBoundary = true;
      break;
    }
    for (let j = 0; j < n; j++) {
      s[j] = s[j]! + alpha * dir[j]!;
      r[j] = r[j]! - alpha * Hd[j]!;
    }
    const rrNew = dot(r, r);
    const beta = rrNew / rr;
    rr = rrNew;
    for (let j = 0; j < n; j++) dir[j] = r[j]! + beta * dir[j]!;
  }
  // With r = −g − Hs: g·s + ½ sᵀHs = ½ (g·s − r·s).
  const predicted = -0.5 * (dot(g, s) - dot(r, s));
  return { predicted, onBoundary, iterations: it };
}

/** Minimises a smooth objective from w0 with trust-region Newton-CG; stops on max|grad| ≤ tol × its value at zero. */
export function newtonCg(obj: Objective, w0: Float64Array, settings: SolverSettings): SolverResult {
  const n = obj.dim;
  const gRef = gradNormAtZero(obj);
  let slot: 0 | 1 = 0;
  let w = Float64Array.from(w0);
  let g = new Float64Array(n);
  let f = obj.value(w, g, slot);
  let dataLoss = obj.lastDataLoss;
  const mon = new Monitor(obj, settings, gRef);
  let gInf = infNorm(g);
  if (mon.isConverged(gInf)) return { w, nIter: 0, reason: "converged", objective: f, history: [], gradNorm: gInf, gradNormAtZero: gRef };

  let radius = Math.sqrt(dot(g, g));
  const s = new Float64Array(n);
  let wT = new Float64Array(n);
  let gT = new Float64Array(n);
  let first = true;
  let reason: StopReason | null = null;
  while (reason === null) {
    const relTol = Math.min(0.1, Math.sqrt(gInf / gRef));
    const cg = steihaugCg(obj, slot, g, radius, relTol, s);
    const other: 0 | 1 = slot === 0 ? 1 : 0;
    for (let j = 0; j < n; j++) wT[j] = w[j]! + s[j]!;
    const fT = obj.value(wT, gT, other);
    const sNorm = Math.sqrt(dot(s, s));
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
    if (accept) {
      [w, wT] = [wT, w];
      [g, gT] = [gT, g];
      slot = other;
      f = fT;
      gInf = gInfT;
      dataLoss = obj.lastDataLoss;
    }
    reason = mon.record(f, gInf, dataLoss);
    if (reason === null && !accept && radius <= 1e-15 * Math.max(1, Math.sqrt(dot(w, w)))) reason = "stalled";
  }
  return { w, nIter: mon.iteration, reason, objective: f, history: mon.history, gradNorm: gInf, gradNormAtZero: gRef };
}
