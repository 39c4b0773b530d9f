// Precision, recall, F-score and support per class, and their binary / macro / weighted / micro averages.
import { ValueError } from "../errors.js";
import { checkSameLength, labelIndex, sampleWeights, uniqueLabels, type Label } from "./labels.js";

/** How per-class scores are combined: one class ("binary"), a plain mean, a support-weighted mean, global counts, or none. */
export type Average = "binary" | "macro" | "weighted" | "micro" | "none";

/** Options of `precision`, `recall`, `f1` and `precisionRecallFscoreSupport`. */
export interface PrfOptions {
  /** Default "binary": the scores of `posLabel` only (an error for more than two labels). */
  average?: Average;
  /** The positive class for average "binary" (default 1). */
  posLabel?: Label;
  /** The labels to score, and their order for average "none"; default: sorted labels present in yTrue or yPred. */
  labels?: readonly Label[];
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
  /** The value given when a ratio has a zero denominator (default 0). */
  zeroDivision?: number;
}

/** Per-class scores, in `labels` order. */
export interface PerClassScores {
  /** The labels, in the order of the arrays below. */
  labels: Label[];
  precision: number[];
  recall: number[];
  /** F1 score = 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall. */
  f1: number[];
  /** (Weighted) number of true samples of each label. */
  support: number[];
}

/** Averaged scores; `support` is the total (weighted) support of the labels averaged over. */
export interface AveragedScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Precision, recall, F1 and support: per class (average "none") or averaged. */
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrfOptions & { average: "none" },
): PerClassScores;
/** Precision, recall, F1 and support: per class (average "none") or averaged. */
export function precisionRecallFscoreSupport(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): AveragedScores;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrfOptions = {},
): PerClassScores | AveragedScores {
  const what = "precision/recall/F1";
  checkSameLength(what, yTrue, yPred, "yPred");
  const present = uniqueLabels(yTrue, yPred);
  if (yTrue.length === 0) throw new ValueError(`${what}: no samples: give at least one label`);
  const average = options.average ?? "binary";
  const zd = options.zeroDivision ?? 0;
  if (!Number.isFinite(zd)) throw new ValueError(`${what}: zeroDivision is ${zd}: give a finite number such as 0 or 1`);
  let labels: readonly Label[];
  if (average === "binary") {
    const pos = options.posLabel ?? 1;
    if (present.length > 2) {
      throw new ValueError(
        `${what}: average "binary" needs at most two labels but yTrue/yPred hold ${present.length} (${present.join(", ")}): use average "macro", "weighted", "micro" or "none"`,
      );
    }
    if (!present.includes(pos) && present.length === 2) {
      throw new ValueError(
        `${what}: posLabel ${JSON.stringify(pos)} is not one of the labels (${present.map((l) => JSON.stringify(l)).join(", ")}): set posLabel to the positive class`,
      );
    }
    labels = [pos];
  } else if (average === "macro" || average === "weighted" || average === "micro" || average === "none") {
    labels = options.labels ?? present;
    if (options.labels !== undefined) uniqueLabels(labels, yTrue);
  } else {
    throw new ValueError(`${what}: average is ${JSON.stringify(average)}: use "binary", "macro", "weighted", "micro" or "none"`);
  }
  if (labels.length === 0) throw new ValueError(`${what}: the labels list is empty: give at least one label`);

  const index = labelIndex(labels);
  const k = labels.length;
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const w = sampleWeights(what, yTrue.length, options.sampleWeight);
  for (let i = 0; i < yTrue.length; i++) {
    const wi = w[i] as number;
    const a = index.get(yTrue[i] as Label);
    const b = index.get(yPred[i] as Label);
    if (a !== undefined) trueSum[a] = (trueSum[a] as number) + wi;
    if (b !== undefined) predSum[b] = (predSum[b] as number) + wi;
    if (a !== undefined && a === b) tp[a] = (tp[a] as number) + wi;
  }
  const ratio = (num: number, den: number): number => (den === 0 ? zd : num / den);
  const fscore = (t: number, p: number, s: number): number => ratio(2 * t, p + s);

  if (average === "micro") {
    let t = 0;
    let p = 0;
    let s = 0;
    for (let j = 0; j < k; j++) {
      t += tp[j] as number;
      p += predSum[j] as number;
      s += trueSum[j] as number;
    }
    return { precision: ratio(t, p), recall: ratio(t, s), f1: fscore(t, p, s), support: s };
  }
  const P: number[] = [];
  const R: number[] = [];
  const F: number[] = [];
  const S: number[] = [];
  for (let j = 0; j < k; j++) {
    const t = tp[j] as number;
    const p = predSum[j] as number;
    const s = trueSum[j] as number;
    P.push(ratio(t, p));
    R.push(ratio(t, s));
    F.push(fscore(t, p, s));
    S.push(s);
  }
  if (average === "none") return { labels: [...labels], precision: P, recall: R, f1: F, support: S };
  const support = S.reduce((a, b) => a + b, 0);
  if (average === "binary") return { precision: P[0] as number, recall: R[0] as number, f1: F[0] as number, support };
  if (average === "macro") return { precision: mean(P), recall: mean(R), f1: mean(F), support };
  // weighted by true support
  if (support === 0) return { precision: zd, recall: zd, f1: zd, support };
  const wmean = (xs: number[]): number => xs.reduce((acc, x, j) => acc + x * (S[j] as number), 0) / support;
  return { precision: wmean(P), recall: wmean(R), f1: wmean(F), support };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
