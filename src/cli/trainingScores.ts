// Accuracy and log-loss of a fitted estimator on rows, computed in one pass over flat arrays: the
// decision values from the kernels, then each row's probabilities, clipped log-loss and predicted
// class, without per-row arrays. Every figure is the very double that
// accuracy(y, estimator.predict(X)) and logLoss(y, estimator.predictProba(X), { labels: classes })
// give (same operations in the same order; test/cli checks it).
import { kernelsFor } from "../kernels/registry.js";
import type { LogisticRegression } from "../linear/logisticRegression.js";
import type { Label } from "../metrics/labels.js";
import type { FlatMatrix } from "../preprocess/matrix.js";

/** Accuracy, log-loss and the predicted class index of each row. */
export interface FlatScores {
  accuracy: number;
  logLoss: number;
  /** Index in estimator.classes of each row's prediction. */
  predicted: Int32Array;
}

/** float64 machine epsilon, logLoss's default clipping. */
const EPS = 2.220446049250313e-16;

/**
 * The figures of `est` on X (as the estimator stores it: see fitStorage) with labels y, or null
 * when they cannot be computed here (a label outside the classes, a decision value that is not
 * finite): the caller then takes the general path, which reports the problem.
 */
export function flatScores(est: LogisticRegression, X: FlatMatrix, y: readonly Label[]): FlatScores | null {
  const [n, d] = X.shape as [number, number];
  const classes = est.classes;
  const K = classes.length;
  const coef = est.coef;
  const intercept = est.intercept;
  const rows = coef.length;
  if (n === 0 || y.length !== n || d !== est.nFeatures) return null;
  const yIdx = classIndex(classes, y);
  if (yIdx === null) return null;
  const kernels = kernelsFor(X.data);
  const z = new Float64Array(n * rows);
  if (rows === 1) {
    const w = Float64Array.from([...coef[0]!, intercept[0]!]);
    kernels.binaryDecision(X.data, n, d, w, true, z);
  } else {
    const W = new Float64Array(rows * (d + 1));
    for (let k = 0; k < rows; k++) {
      W.set(coef[k]!, k * (d + 1));
      W[k * (d + 1) + d] = intercept[k]!;
    }
    kernels.multinomialDecision(X.data, n, d, rows, W, true, z);
  }
  for (let k = 0; k < z.length; k++) if (!Number.isFinite(z[k]!)) return null;
  const predicted = new Int32Array(n);
  const p = new Float64Array(K);
  const mode = est.multiClass;
  let hit = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    // probabilities as predictProba computes them
    if (mode === "binary") {
      const t = z[i]!;
      const e = Math.exp(-Math.abs(t));
      const big = 1 / (1 + e);
      const small = e / (1 + e);
      p[0] = t >= 0 ? small : big;
      p[1] = t >= 0 ? big : small;
      predicted[i] = t > 0 ? 1 : 0;
    } else {
      const o = i * rows;
      let best = 0;
      for (let k = 1; k < rows; k++) if (z[o + k]! > z[o + best]!) best = k;
      predicted[i] = best;
      let sum = 0;
      if (mode === "multinomial") {
        let m = -Infinity;
        for (let k = 0; k < rows; k++) m = Math.max(m, z[o + k]!);
        for (let k = 0; k < rows; k++) {
          p[k] = Math.exp(z[o + k]! - m);
          sum += p[k]!;
        }
      } else {
        for (let k = 0; k < rows; k++) {
          const v = z[o + k]!;
          p[k] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
          sum += p[k]!;
        }
      }
      for (let k = 0; k < rows; k++) p[k] = p[k]! / sum;
    }
    // log-loss as logLoss computes it: clip to [eps, 1 − eps], renormalise, −log of the true class
    let s = 0;
    for (let k = 0; k < K; k++) {
      const c = Math.min(Math.max(p[k]!, EPS), 1 - EPS);
      p[k] = c;
      s += c;
    }
    total += -1 * Math.log(p[yIdx[i]!]! / s);
    if (predicted[i] === yIdx[i]) hit += 1;
  }
  return { accuracy: hit / n, logLoss: total / n, predicted };
}

/** Index of each label among the classes, or null when one is not a class. */
function classIndex(classes: readonly Label[], y: readonly Label[]): Int32Array | null {
  const index = new Map<Label, number>();
  classes.forEach((c, k) => index.set(c, k));
  const out = new Int32Array(y.length);
  let last: Label | undefined;
  let lastK = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== last) {
      const k = index.get(v);
      if (k === undefined) return null;
      last = v;
      lastK = k;
    }
    out[i] = lastK;
  }
  return out;
}
