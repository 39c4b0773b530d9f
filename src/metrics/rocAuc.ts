// Area under the ROC curve: binary from scores, one-vs-rest (macro or weighted) from an n × K probability matrix.
import { ValueError } from "../errors.js";
import { uniqueLabels, type Label } from "./labels.js";
import { binaryCurve } from "./rocCurve.js";

/** Options of `rocAuc`. */
export interface RocAucOptions {
  /** The columns' classes of an n × K score matrix (default: the sorted labels of yTrue). */
  classes?: readonly Label[];
  /** Binary scores only: the positive class (default as in `rocCurve`). */
  posLabel?: Label;
  /** One-vs-rest average: "macro" (plain mean, default) or "weighted" (by class prevalence). */
  average?: "macro" | "weighted";
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * ROC AUC. Binary: `scores` holds one score per sample (higher = more positive). Multiclass: `scores` is
 * n × K (columns in `classes` order) and the result is the one-vs-rest AUC averaged over classes.
 * Tied scores count half (trapezoid over the distinct thresholds).
 */
export function rocAuc(
  yTrue: ArrayLike<Label>,
  scores: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  options: RocAucOptions = {},
): number {
  if (scores.length > 0 && typeof scores[0] !== "number") {
    return rocAucMatrix(yTrue, scores as ArrayLike<ArrayLike<number>>, options);
  }
  return binaryAuc(yTrue, scores as ArrayLike<number>, options.posLabel, options.sampleWeight);
}

function binaryAuc(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, posLabel: Label | undefined, sw: ArrayLike<number> | undefined): number {
  const { fps, tps, positives, negatives } = binaryCurve("rocAuc", yTrue, scores, posLabel, sw);
  let area = 0;
  let f0 = 0;
  let t0 = 0;
  for (let i = 0; i < fps.length; i++) {
    const f = fps[i] as number;
    const t = tps[i] as number;
    area += (f - f0) * (t + t0);
    f0 = f;
    t0 = t;
  }
  return area / 2 / (positives * negatives);
}

function rocAucMatrix(yTrue: ArrayLike<Label>, P: ArrayLike<ArrayLike<number>>, options: RocAucOptions): number {
  const n = yTrue.length;
  if (P.length !== n) {
    throw new ValueError(`rocAuc: yTrue has ${n} entries but the score matrix has ${P.length} rows: give one row per sample`);
  }
  const present = uniqueLabels(yTrue);
  const classes = options.classes ?? present;
  const K = classes.length;
  if (options.classes !== undefined) {
    uniqueLabels(classes, yTrue);
    const missing = present.filter((l) => !classes.includes(l));
    if (missing.length > 0) {
      throw new ValueError(`rocAuc: yTrue holds labels not in classes: ${missing.join(", ")}: list every class, in the columns' order`);
    }
  }
  for (let i = 0; i < n; i++) {
    const row = P[i] as ArrayLike<number>;
    if (row.length !== K) {
      throw new ValueError(
        `rocAuc: row ${i} of the score matrix has ${row.length} columns but there are ${K} classes (${classes.join(", ")}): give one column per class, or pass classes`,
      );
    }
  }
  if (K < 2) throw new ValueError(`rocAuc: only one class (${classes.join(", ")}): ROC AUC needs two or more`);
  const col = (k: number): number[] => Array.from({ length: n }, (_, i) => (P[i] as ArrayLike<number>)[k] as number);
  if (K === 2) return binaryAuc(yTrue, col(1), classes[1], options.sampleWeight);
  const average = options.average ?? "macro";
  if (average !== "macro" && average !== "weighted") {
    throw new ValueError(`rocAuc: average is ${JSON.stringify(average)}: use "macro" or "weighted"`);
  }
  let sum = 0;
  let wsum = 0;
  for (let k = 0; k < K; k++) {
    const c = classes[k] as Label;
    const yk = Array.from({ length: n }, (_, i) => (yTrue[i] === c ? 1 : 0));
    let prevalence = 0;
    for (let i = 0; i < n; i++) if (yk[i] === 1) prevalence += options.sampleWeight === undefined ? 1 : (options.sampleWeight[i] as number);
    if (prevalence === 0) {
      throw new ValueError(`rocAuc: class ${JSON.stringify(c)} does not occur in yTrue: its one-vs-rest AUC is undefined; give only classes that occur`);
    }
    const auc = binaryAuc(yk, col(k), 1, options.sampleWeight);
    const wk = average === "macro" ? 1 : prevalence;
    sum += wk * auc;
    wsum += wk;
  }
  return sum / wsum;
}
