// Receiver operating characteristic: false/true positive rates at each distinct score threshold.
import { ValueError } from "../errors.js";
import { checkSameLength, sampleWeights, uniqueLabels, type Label } from "./labels.js";

/** Options of `rocCurve`. */
export interface RocCurveOptions {
  /** The positive class; default 1 for labels in {0, 1} or {-1, 1}, otherwise the greater of the two labels. */
  posLabel?: Label;
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
  /** Drop thresholds that lie on a straight segment of the curve (default true, as scikit-learn). */
  dropIntermediate?: boolean;
}

/** A ROC curve: fpr[i], tpr[i] are the rates when predicting positive for score ≥ thresholds[i]; thresholds[0] = Infinity. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/** The ROC curve of binary scores (higher = more positive), one point per distinct threshold, starting at (0, 0). */
export function rocCurve(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  const c = binaryCurve("rocCurve", yTrue, scores, options.posLabel, options.sampleWeight);
  let { fps, tps, thr } = c;
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = (fps[i + 1] as number) - 2 * (fps[i] as number) + (fps[i - 1] as number);
      const d2t = (tps[i + 1] as number) - 2 * (tps[i] as number) + (tps[i - 1] as number);
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = keep.map((i) => fps[i] as number);
    tps = keep.map((i) => tps[i] as number);
    thr = keep.map((i) => thr[i] as number);
  }
  const P = c.positives;
  const N = c.negatives;
  return {
    fpr: [0, ...fps.map((v) => v / N)],
    tpr: [0, ...tps.map((v) => v / P)],
    thresholds: [Infinity, ...thr],
  };
}

/** Cumulative false/true positive (weighted) counts at each distinct score, scores sorted from high to low. */
export interface BinaryCurveCounts {
  fps: number[];
  tps: number[];
  thr: number[];
  positives: number;
  negatives: number;
}

/** Shared by rocCurve and rocAuc: validates the input and accumulates counts at each distinct threshold. */
export function binaryCurve(
  what: string,
  yTrue: ArrayLike<Label>,
  scores: ArrayLike<number>,
  posLabel: Label | undefined,
  sampleWeight: ArrayLike<number> | undefined,
): BinaryCurveCounts {
  checkSameLength(what, yTrue, scores, "scores");
  const present = uniqueLabels(yTrue);
  if (present.length > 2) {
    throw new ValueError(
      `${what}: yTrue holds ${present.length} labels (${present.join(", ")}) but binary scores were given: give an n × K probability matrix, or binarise the labels`,
    );
  }
  const pos = posLabel ?? defaultPosLabel(present);
  const n = yTrue.length;
  const w = sampleWeights(what, n, sampleWeight);
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (typeof s !== "number" || !Number.isFinite(s)) {
      throw new ValueError(`${what}: scores[${i}] is ${String(s)}: scores must be finite numbers`);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const fps: number[] = [];
  const tps: number[] = [];
  const thr: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    if (yTrue[i] === pos) tp += w[i] as number;
    else fp += w[i] as number;
    const next = order[r + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      fps.push(fp);
      tps.push(tp);
      thr.push(scores[i] as number);
    }
  }
  if (tp === 0 || fp === 0) {
    throw new ValueError(
      `${what}: yTrue has ${tp === 0 ? "no positive" : "no negative"} samples (positive label ${JSON.stringify(pos)}; present: ${present.map((l) => JSON.stringify(l)).join(", ")}): a ROC curve needs both classes`,
    );
  }
  return { fps, tps, thr, positives: tp, negatives: fp };
}

function defaultPosLabel(present: Label[]): Label {
  if (present.every((l) => l === 0 || l === 1) || present.every((l) => l === -1 || l === 1)) return 1;
  if (present.length === 2) return present[1] as Label;
  throw new ValueError(`rocCurve: cannot tell the positive class from the labels ${present.join(", ")}: set posLabel`);
}
