// scikit-learn-style classification report: per-class precision, recall, F1 and support, then accuracy and averages.
import { ValueError } from "../errors.js";
import { uniqueLabels, type Label } from "./labels.js";
import { precisionRecallFscoreSupport } from "./precisionRecallFscoreSupport.js";

/** Options of `classificationReport` and `classificationReportData`. */
export interface ClassificationReportOptions {
  /** The labels to report, in order (default: sorted labels present in yTrue or yPred). */
  labels?: readonly Label[];
  /** Display names of the labels, same order and length as the labels. */
  targetNames?: readonly string[];
  /** Decimal places in the text table (default 2). */
  digits?: number;
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number>;
  /** The value given when a ratio has a zero denominator (default 0). */
  zeroDivision?: number;
}

/** One row of the report. */
export interface ReportRow {
  precision: number;
  recall: number;
  f1Score: number;
  support: number;
}

/** The report as data (for JSON): one row per class, then accuracy (or micro average) and the two averages. */
export interface ClassificationReportData {
  classes: (ReportRow & { label: Label; name: string })[];
  /** Present when every label is reported (micro average = accuracy); otherwise `microAvg` is. */
  accuracy?: number;
  microAvg?: ReportRow;
  macroAvg: ReportRow;
  weightedAvg: ReportRow;
}

/** The classification report as data: per-class scores and the accuracy / macro / weighted averages. */
export function classificationReportData(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassificationReportOptions = {},
): ClassificationReportData {
  const present = uniqueLabels(yTrue, yPred);
  const labels = options.labels ?? present;
  const names = options.targetNames ?? labels.map((l) => String(l));
  if (names.length !== labels.length) {
    throw new ValueError(`classificationReport: ${names.length} targetNames for ${labels.length} labels: give one name per label`);
  }
  const common = { labels, sampleWeight: options.sampleWeight, zeroDivision: options.zeroDivision };
  const per = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: "none" });
  const row = (a: { precision: number; recall: number; f1: number; support: number }): ReportRow => ({
    precision: a.precision,
    recall: a.recall,
    f1Score: a.f1,
    support: a.support,
  });
  const classes = labels.map((label, j) => ({
    label,
    name: names[j] as string,
    precision: per.precision[j] as number,
    recall: per.recall[j] as number,
    f1Score: per.f1[j] as number,
    support: per.support[j] as number,
  }));
  const micro = row(precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: "micro" }));
  const microIsAccuracy = present.every((l) => labels.includes(l));
  const out: ClassificationReportData = {
    classes,
    macroAvg: row(precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: "macro" })),
    weightedAvg: row(precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: "weighted" })),
  };
  if (microIsAccuracy) out.accuracy = micro.f1Score;
  else out.microAvg = micro;
  return out;
}

/** The classification report as a scikit-learn-style text table. */
export function classificationReport(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: ClassificationReportOptions = {}): string {
  const data = classificationReportData(yTrue, yPred, options);
  const digits = options.digits ?? 2;
  const headers = ["precision", "recall", "f1-score", "support"];
  const width = Math.max("weighted avg".length, digits, ...data.classes.map((c) => c.name.length));
  const cell = (s: string): string => " " + s.padStart(9);
  const num = (v: number): string => cell(formatFixed(v, digits));
  const sup = (v: number): string => cell(formatSupport(v));
  const line = (name: string, r: ReportRow): string => name.padStart(width) + " " + num(r.precision) + num(r.recall) + num(r.f1Score) + sup(r.support) + "\n";
  let text = "".padStart(width) + " " + headers.map(cell).join("") + "\n\n";
  for (const c of data.classes) text += line(c.name, c);
  text += "\n";
  if (data.accuracy !== undefined) {
    text += "accuracy".padStart(width) + " " + cell("") + cell("") + num(data.accuracy) + sup(data.macroAvg.support) + "\n";
  } else if (data.microAvg !== undefined) {
    text += line("micro avg", data.microAvg);
  }
  text += line("macro avg", data.macroAvg);
  text += line("weighted avg", data.weightedAvg);
  return text;
}

/** Fixed-point formatting that rounds exact binary ties to even, as Python's format does. */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  const scaled = x * 2 ** (digits + 1);
  if (Number.isSafeInteger(scaled) && Math.abs(scaled) % 2 === 1) {
    // x lies exactly halfway between two decimals: JavaScript rounded up (away from zero); use the even neighbour.
    const lo = Math.floor(Math.abs(x) * 10 ** digits);
    const pick = lo % 2 === 0 ? lo : lo + 1;
    const t = (pick / 10 ** digits).toFixed(digits);
    return x < 0 ? "-" + t : t;
  }
  return s;
}

function formatSupport(v: number): string {
  return Number.isInteger(v) ? String(v) : formatFixed(v, 2);
}
