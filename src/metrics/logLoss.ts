// Cross-entropy of predicted probabilities, clipped so that it stays finite.
import { ValueError } from "../errors.js";
import { checkSameLength, labelIndex, sampleWeights, uniqueLabels, type Label } from "./labels.js";

/** Options of `logLoss`. */
export interface LogLossOptions {
  /** The classes of the probability columns (default: the sorted labels of yTrue). For a 1-D input, [negative, positive]. */
  labels?: readonly Label[];
  /** Probabilities are clipped to [eps, 1 − eps] (default: float64 machine epsilon, as scikit-learn's "auto"). */
  eps?: number;
  /** Mean over samples (default) or, when false, the sum. */
  normalize?: boolean;
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Log-loss −Σ w_i log p_i(y_i) / Σ w_i. `proba` is n × K (columns in `labels` order) or, for two classes,
 * one probability of the positive (second) class per sample. Rows are clipped to [eps, 1 − eps] and renormalised.
 */
export function logLoss(
  yTrue: ArrayLike<Label>,
  proba: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  options: LogLossOptions = {},
): number {
  checkSameLength("logLoss", yTrue, proba, "proba");
  const n = yTrue.length;
  if (n === 0) throw new ValueError("logLoss: no samples: give at least one label");
  const present = uniqueLabels(yTrue);
  const labels = options.labels ?? present;
  if (options.labels !== undefined) uniqueLabels(labels, yTrue);
  const index = labelIndex(labels);
  for (let i = 0; i < n; i++) {
    if (!index.has(yTrue[i] as Label)) {
      throw new ValueError(`logLoss: yTrue[${i}] = ${JSON.stringify(yTrue[i])} is not one of the labels (${labels.join(", ")}): list every class`);
    }
  }
  const eps = options.eps ?? 2.220446049250313e-16;
  if (!(eps >= 0 && eps < 0.5)) throw new ValueError(`logLoss: eps is ${eps}: give a small non-negative number such as 1e-15`);
  const oneD = typeof proba[0] === "number";
  const K = oneD ? 2 : labels.length;
  if (labels.length < 2 && oneD) {
    throw new ValueError(
      `logLoss: yTrue holds only ${labels.length} label (${labels.join(", ")}) and a 1-D probability was given: pass labels, e.g. [0, 1]`,
    );
  }
  if (oneD && labels.length > 2) {
    throw new ValueError(`logLoss: ${labels.length} classes but one probability per sample: give an n × ${labels.length} probability matrix`);
  }
  const w = sampleWeights("logLoss", n, options.sampleWeight);
  const row = new Float64Array(K);
  let total = 0;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    if (oneD) {
      const p = proba[i] as number;
      row[0] = 1 - p;
      row[1] = p;
      checkProb(p, i, -1);
    } else {
      const r = proba[i] as ArrayLike<number>;
      if (typeof r !== "object" || r === null || r.length !== K) {
        throw new ValueError(
          `logLoss: row ${i} of proba has ${typeof r === "object" && r !== null ? r.length : "no"} columns but there are ${K} classes (${labels.join(", ")}): give one column per class, in labels order`,
        );
      }
      for (let k = 0; k < K; k++) {
        row[k] = r[k] as number;
        checkProb(r[k] as number, i, k);
      }
    }
    let s = 0;
    for (let k = 0; k < K; k++) {
      const c = Math.min(Math.max(row[k] as number, eps), 1 - eps);
      row[k] = c;
      s += c;
    }
    const before = oneD ? 1 : sumOf(proba[i] as ArrayLike<number>);
    if (Math.abs(before - 1) > 1e-4) {
      throw new ValueError(`logLoss: row ${i} of proba sums to ${before}, not 1: pass probabilities (e.g. predictProba), not scores`);
    }
    const y = index.get(yTrue[i] as Label) as number;
    const wi = w[i] as number;
    total += -wi * Math.log((row[y] as number) / s);
    wsum += wi;
  }
  if (options.normalize === false) return total;
  if (wsum === 0) throw new ValueError("logLoss: the sample weights sum to zero: give at least one positive weight");
  return total / wsum;
}

function checkProb(p: number, i: number, k: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    const where = k < 0 ? `proba[${i}]` : `proba[${i}][${k}]`;
    throw new ValueError(`logLoss: ${where} is ${String(p)}: probabilities must lie in [0, 1]`);
  }
}

function sumOf(r: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < r.length; k++) s += r[k] as number;
  return s;
}
