// The arithmetic of a drawn linear classifier: class probabilities at a point, the 0.5 boundary
// segments (per class pair for softmax), the lab's cost and its gradient. Plain numbers, no
// tensors: this runs for every pixel block of the shading on each animation frame. The worker
// scores its fits with the same functions (the streamed cost, a model file's training loss and accuracy).
import type { LinearModel, Point } from "./types.js";

/** A segment of a decision boundary in data coordinates, between classes `a` and `b` (indices). */
export interface BoundarySegment {
  a: number;
  b: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The axis-aligned box the boundary is clipped to. */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Logistic sigmoid that does not overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Class probabilities at (x, y), written into `out` (length = number of classes). */
export function probabilities(m: LinearModel, x: number, y: number, out: Float64Array): Float64Array {
  const k = m.classes.length;
  if (m.W.length === 1) {
    const w = m.W[0]!;
    const p = sigmoid(w[0]! * x + w[1]! * y + m.b[0]!);
    out[0] = 1 - p;
    out[1] = p;
    return out;
  }
  if (m.ovr) {
    let s = 0;
    for (let c = 0; c < k; c++) {
      const w = m.W[c]!;
      out[c] = sigmoid(w[0]! * x + w[1]! * y + m.b[c]!);
      s += out[c]!;
    }
    for (let c = 0; c < k; c++) out[c] = out[c]! / s;
    return out;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    const w = m.W[c]!;
    const z = w[0]! * x + w[1]! * y + m.b[c]!;
    out[c] = z;
    if (z > max) max = z;
  }
  let s = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(out[c]! - max);
    out[c] = e;
    s += e;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / s;
  return out;
}

/** Index of the most probable class at (x, y) (ties go to the lower index, as argmax does). */
export function predictIndex(m: LinearModel, x: number, y: number, scratch: Float64Array): number {
  const p = probabilities(m, x, y, scratch);
  let best = 0;
  for (let c = 1; c < m.classes.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

/** Fraction of points whose label is the predicted class (NaN when there are no points). */
export function accuracy(m: LinearModel, points: readonly Point[]): number {
  if (points.length === 0) return NaN;
  const scratch = new Float64Array(m.classes.length);
  let right = 0;
  for (const p of points) if (m.classes[predictIndex(m, p.x, p.y, scratch)] === p.label) right++;
  return right / points.length;
}

/** The points whose label is one of the model's classes (the cost is defined on those only). */
export function knownPoints(m: LinearModel, points: readonly Point[]): Point[] {
  return points.filter((p) => m.classes.includes(p.label));
}

/**
 * The lab's cost: mean cross-entropy (binary or softmax), without any penalty, over the points
 * of classes the model knows (NaN when there are none).
 */
export function meanLoss(m: LinearModel, points: readonly Point[]): number {
  const scratch = new Float64Array(m.classes.length);
  let s = 0;
  let n = 0;
  for (const p of points) {
    const c = m.classes.indexOf(p.label);
    if (c < 0) continue;
    const pr = probabilities(m, p.x, p.y, scratch);
    s -= Math.log(Math.max(pr[c]!, 1e-300));
    n++;
  }
  return n === 0 ? NaN : s / n;
}

/**
 * Gradient of the mean cross-entropy: for each row r, ∂/∂W_r = (1/m) Σ (H_r(x) − y_r) x and
 * ∂/∂b_r = (1/m) Σ (H_r(x) − y_r), where y_r is 1 when the point is of row r's class
 * (for the binary row: of class 1); over the points of classes the model knows.
 */
export function lossGradient(m: LinearModel, points: readonly Point[]): { dW: number[][]; db: number[] } {
  const rows = m.W.length;
  const dW = m.W.map(() => [0, 0]);
  const db = m.b.map(() => 0);
  const known = knownPoints(m, points);
  if (known.length === 0) return { dW, db };
  const scratch = new Float64Array(m.classes.length);
  for (const p of known) {
    const c = m.classes.indexOf(p.label);
    const pr = probabilities(m, p.x, p.y, scratch);
    for (let r = 0; r < rows; r++) {
      const cls = rows === 1 ? 1 : r;
      const err = pr[cls]! - (c === cls ? 1 : 0);
      dW[r]![0]! += err * p.x;
      dW[r]![1]! += err * p.y;
      db[r]! += err;
    }
  }
  const n = known.length;
  return { dW: dW.map((w) => [w[0]! / n, w[1]! / n]), db: db.map((v) => v / n) };
}

/**
 * The 0.5 boundary clipped to `box`: for two classes the line w·x + b = 0; for K classes the
 * pieces of each line (W_a − W_b)·x + (b_a − b_b) = 0 where classes a and b tie for the highest
 * score (so every segment separates two regions of the plane that the model predicts differently).
 */
export function boundarySegments(m: LinearModel, box: Box): BoundarySegment[] {
  const out: BoundarySegment[] = [];
  if (m.W.length === 1) {
    const s = clipLine(m.W[0]![0]!, m.W[0]![1]!, m.b[0]!, box, []);
    if (s) out.push({ a: 0, b: 1, ...s });
    return out;
  }
  const k = m.W.length;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const wa = m.W[a]!;
      const wb = m.W[b]!;
      const half: [number, number, number][] = [];
      // Keep where class a beats every other class c: (W_a − W_c)·x + (b_a − b_c) ≥ 0.
      for (let c = 0; c < k; c++) {
        if (c === a || c === b) continue;
        const wc = m.W[c]!;
        half.push([wa[0]! - wc[0]!, wa[1]! - wc[1]!, m.b[a]! - m.b[c]!]);
      }
      const s = clipLine(wa[0]! - wb[0]!, wa[1]! - wb[1]!, m.b[a]! - m.b[b]!, box, half);
      if (s) out.push({ a, b, ...s });
    }
  }
  return out;
}

/** The part of the line p·x + q·y + r = 0 inside the box and every half-plane u·x + v·y + w ≥ 0. */
function clipLine(p: number, q: number, r: number, box: Box, half: readonly [number, number, number][]): { x1: number; y1: number; x2: number; y2: number } | null {
  const norm = Math.hypot(p, q);
  if (!(norm > 1e-12) || !Number.isFinite(r)) return null;
  // Point on the line closest to the box centre, and the line's direction.
  const cx = (box.xMin + box.xMax) / 2;
  const cy = (box.yMin + box.yMax) / 2;
  const dist = (p * cx + q * cy + r) / (norm * norm);
  const ox = cx - p * dist;
  const oy = cy - q * dist;
  const dx = -q / norm;
  const dy = p / norm;
  let tMin = -Infinity;
  let tMax = Infinity;
  // Each constraint a + b·t ≥ 0 along the line narrows [tMin, tMax].
  const cut = (a: number, b: number): boolean => {
    if (Math.abs(b) < 1e-15) return a >= 0;
    const t = -a / b;
    if (b > 0) tMin = Math.max(tMin, t);
    else tMax = Math.min(tMax, t);
    return tMin <= tMax;
  };
  if (!cut(ox - box.xMin, dx) || !cut(box.xMax - ox, -dx) || !cut(oy - box.yMin, dy) || !cut(box.yMax - oy, -dy)) return null;
  for (const [u, v, w] of half) if (!cut(u * ox + v * oy + w, u * dx + v * dy)) return null;
  if (!(tMax - tMin > 1e-12)) return null;
  return { x1: ox + tMin * dx, y1: oy + tMin * dy, x2: ox + tMax * dx, y2: oy + tMax * dy };
}

/** The distinct labels of the points, ascending (the classes a model of them has). */
export function classesOf(points: readonly Point[]): number[] {
  return [...new Set(points.map((p) => p.label))].sort((a, b) => a - b);
}

/** Model with all-zero parameters for these classes (what Reset shows). */
export function zeroModel(classes: number[]): LinearModel {
  const rows = classes.length <= 2 ? 1 : classes.length;
  return { classes: [...classes], W: Array.from({ length: rows }, () => [0, 0]), b: new Array<number>(rows).fill(0) };
}
