// A seeded synthetic classification problem generator for benchmarks: Gaussian features with
// per-column scales and offsets (so the problem is not pre-standardised), a random true
// coefficient matrix, and labels drawn from the model's own probabilities (never separable).
import { allocDesignMatrix, Rng } from "../src/index.js";

/** Options of makeClassification. */
export interface SyntheticOptions {
  /** Rows. */
  n: number;
  /** Features. */
  d: number;
  /** Classes (default 2). */
  classes?: number;
  /** Seed (default 42). */
  seed?: number;
  /**
   * Storage of X (default "float32"); "wasm" is float32 allocated with allocDesignMatrix, in the
   * kernels' memory, so that a fit uses it without a copy.
   */
  dtype?: "float32" | "float64" | "wasm";
  /** Scale of the true decision values; larger means more confident, nearly separable classes (default 2). */
  signal?: number;
}

/** A synthetic problem: X row-major n × d, integer labels 0..classes−1, and the coefficients that generated them. */
export interface SyntheticProblem {
  X: Float32Array | Float64Array;
  n: number;
  d: number;
  y: Int32Array;
  trueCoef: number[][];
}

/** Generates a seeded synthetic logistic problem (the same seed gives the same data everywhere). */
export function makeClassification(opts: SyntheticOptions): SyntheticProblem {
  const { n, d } = opts;
  const k = opts.classes ?? 2;
  const rng = new Rng(opts.seed ?? 42);
  const signal = opts.signal ?? 2;
  const scale = Array.from({ length: d }, () => Math.exp(rng.nextNormal()));
  const offset = Array.from({ length: d }, () => rng.nextNormal());
  const rows = k === 2 ? 1 : k;
  // Coefficients act on the standardised features, so every column matters about equally.
  const trueCoef = Array.from({ length: rows }, () => Array.from({ length: d }, () => (signal * rng.nextNormal()) / Math.sqrt(d)));
  const X = opts.dtype === "float64" ? new Float64Array(n * d) : opts.dtype === "wasm" ? allocDesignMatrix(n, d) : new Float32Array(n * d);
  const y = new Int32Array(n);
  const z = new Float64Array(rows);
  for (let i = 0; i < n; i++) {
    z.fill(0);
    for (let j = 0; j < d; j++) {
      const s = rng.nextNormal();
      X[i * d + j] = offset[j]! + scale[j]! * s;
      for (let r = 0; r < rows; r++) z[r] = z[r]! + trueCoef[r]![j]! * s;
    }
    if (k === 2) {
      y[i] = rng.nextFloat() < 1 / (1 + Math.exp(-z[0]!)) ? 1 : 0;
    } else {
      let m = -Infinity;
      for (const v of z) m = Math.max(m, v);
      let total = 0;
      for (const v of z) total += Math.exp(v - m);
      let u = rng.nextFloat() * total;
      let c = 0;
      for (; c < k - 1; c++) {
        u -= Math.exp(z[c]! - m);
        if (u < 0) break;
      }
      y[i] = c;
    }
  }
  return { X, n, d, y, trueCoef };
}

/** Binary objective C·Σ loss_i + ½‖coef‖² (+ ½ intercept² when `penaliseIntercept`, LIBLINEAR's -B 1 convention), in float64. */
export function binaryObjective(X: ArrayLike<number>, n: number, d: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number, C: number, penaliseIntercept = false): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = intercept;
    const o = i * d;
    for (let j = 0; j < d; j++) z += X[o + j]! * coef[j]!;
    // softplus(z) − y z, computed without overflow
    const sp = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    loss += sp - (y[i] === 1 ? z : 0);
  }
  let sq = penaliseIntercept ? intercept * intercept : 0;
  for (let j = 0; j < d; j++) sq += coef[j]! * coef[j]!;
  return C * loss + 0.5 * sq;
}
