// ROC curves: one per class (one-vs-rest) for several classes, one for two; AUC in the legend; the chance diagonal.
import { ValueError } from "../errors.js";
import type { Label } from "../metrics/labels.js";
import { uniqueLabels } from "../metrics/labels.js";
import { rocAuc } from "../metrics/rocAuc.js";
import { rocCurve } from "../metrics/rocCurve.js";
import { frameOver, frameUnder, leftMarginFor, legend, plotArea, svgDocument, type LegendItem } from "./frame.js";
import { classColor } from "./palette.js";
import { formatTick, niceTicks, Scale } from "./scale.js";
import { el, px } from "./svg.js";

/** One curve to draw. */
export interface RocSeries {
  label: string;
  fpr: readonly number[];
  tpr: readonly number[];
  auc?: number;
}

/** Input of `rocCurveSvg`: labels and scores (computed into curves here), or ready curves. */
export type RocCurveInput = (
  | {
      yTrue: ArrayLike<Label>;
      /** One score per sample (binary), or n × K probabilities with columns in `classes` order. */
      scores: ArrayLike<number> | ArrayLike<ArrayLike<number>>;
      /** Column classes of an n × K matrix (default: sorted labels of yTrue). */
      classes?: readonly Label[];
      /** Binary scores: the positive class. */
      posLabel?: Label;
    }
  | { curves: readonly RocSeries[] }
) & { title?: string; width?: number; height?: number };

/** ROC curve(s) as a standalone SVG document: fpr on x, tpr on y, one curve per class, AUC in the legend. */
export function rocCurveSvg(input: RocCurveInput): string {
  const curves = "curves" in input ? checkCurves(input.curves) : curvesFrom(input);
  const width = input.width ?? 640;
  const height = input.height ?? 540;
  const hasTitle = input.title !== undefined && input.title !== "";
  const ticks = niceTicks(0, 1, 5);
  const labels = ticks.values.map((v) => formatTick(v, ticks.step));
  const margin = { top: hasTitle ? 44 : 18, right: 24, bottom: 58, left: leftMarginFor(labels) };
  const area = plotArea({ width, height, margin });
  if (area.w < 40 || area.h < 40) throw new ValueError(`rocCurveSvg: ${width} × ${height} pixels leave no room for the plot: make it larger`);
  // a little room around [0, 1] so that curves along the edges stay visible
  const x = new Scale(-0.02, 1.02, area.x, area.x + area.w);
  const y = new Scale(-0.02, 1.02, area.y + area.h, area.y);
  const frame = {
    width,
    height,
    margin,
    x,
    y,
    xTicks: { values: ticks.values, labels },
    yTicks: { values: ticks.values, labels },
    xName: "false positive rate",
    yName: "true positive rate",
    title: input.title,
  };
  const paths = curves.map((c, k) =>
    el("path", {
      class: "roc-curve",
      "data-class": c.label,
      "data-auc": c.auc === undefined ? undefined : String(c.auc),
      d: "M" + c.fpr.map((f, i) => `${px(x.map(f))} ${px(y.map(c.tpr[i] as number))}`).join("L"),
      fill: "none",
      stroke: classColor(k),
      "stroke-width": 2.4,
      "stroke-linejoin": "round",
      "stroke-dasharray": k >= 8 ? "6 3" : undefined,
    }),
  );
  const items: LegendItem[] = curves.map((c, k) => ({
    label: c.auc === undefined ? c.label : `${c.label} (AUC = ${c.auc.toFixed(3)})`,
    kind: "line",
    color: classColor(k),
    attrs: { "data-class": c.label },
  }));
  items.push({ label: "chance", kind: "line", color: "#888888", dash: "5 4", strokeWidth: 1.5 });
  const aucs = curves.map((c) => c.auc).filter((a): a is number => a !== undefined);
  const heading = curves.length > 1 && aucs.length === curves.length ? `macro AUC = ${(aucs.reduce((a, b) => a + b, 0) / aucs.length).toFixed(3)}` : undefined;
  const probe = legend(0, 0, items, heading);
  const lg = legend(area.x + area.w - probe.width - 10, area.y + area.h - probe.height - 10, items, heading);
  const diagonal = el("line", {
    id: "diagonal",
    x1: x.map(0),
    y1: y.map(0),
    x2: x.map(1),
    y2: y.map(1),
    stroke: "#888888",
    "stroke-width": 1.5,
    "stroke-dasharray": "5 4",
  });
  const title = input.title ?? "ROC curve";
  return svgDocument(
    width,
    height,
    title,
    [frameUnder(frame), diagonal, el("g", { id: "curves", "clip-path": "url(#plot-clip)" }, paths), frameOver(frame), lg.svg],
    "roc",
  );
}

function curvesFrom(input: {
  yTrue: ArrayLike<Label>;
  scores: ArrayLike<number> | ArrayLike<ArrayLike<number>>;
  classes?: readonly Label[];
  posLabel?: Label;
}): RocSeries[] {
  const { yTrue, scores } = input;
  if (scores.length > 0 && typeof scores[0] !== "number") {
    const P = scores as ArrayLike<ArrayLike<number>>;
    const classes = input.classes ?? uniqueLabels(yTrue);
    const K = classes.length;
    if (P.length !== yTrue.length) throw new ValueError(`rocCurveSvg: ${yTrue.length} labels but ${P.length} score rows: give one row per sample`);
    const col = (k: number): number[] => Array.from({ length: P.length }, (_, i) => (P[i] as ArrayLike<number>)[k] as number);
    if (K === 2) {
      const s = col(1);
      const c = rocCurve(yTrue, s, { posLabel: classes[1] });
      return [{ label: String(classes[1]), fpr: c.fpr, tpr: c.tpr, auc: rocAuc(yTrue, s, { posLabel: classes[1] }) }];
    }
    return classes.map((cls, k) => {
      const yk = Array.from({ length: yTrue.length }, (_, i) => (yTrue[i] === cls ? 1 : 0));
      const s = col(k);
      const c = rocCurve(yk, s, { posLabel: 1 });
      return { label: String(cls), fpr: c.fpr, tpr: c.tpr, auc: rocAuc(yk, s, { posLabel: 1 }) };
    });
  }
  const s = scores as ArrayLike<number>;
  const c = rocCurve(yTrue, s, { posLabel: input.posLabel });
  const present = uniqueLabels(yTrue);
  const pos = input.posLabel ?? (present.every((l) => l === 0 || l === 1 || l === -1) ? 1 : present[present.length - 1]);
  return [{ label: String(pos), fpr: c.fpr, tpr: c.tpr, auc: rocAuc(yTrue, s, { posLabel: input.posLabel }) }];
}

function checkCurves(curves: readonly RocSeries[]): RocSeries[] {
  if (curves.length === 0) throw new ValueError("rocCurveSvg: no curves: give at least one");
  curves.forEach((c, k) => {
    if (c.fpr.length !== c.tpr.length || c.fpr.length < 2) {
      throw new ValueError(`rocCurveSvg: curve ${k} (${c.label}) has ${c.fpr.length} fpr and ${c.tpr.length} tpr values: give two or more of each, equally many`);
    }
    for (const v of [...c.fpr, ...c.tpr]) {
      if (!(v >= 0 && v <= 1)) throw new ValueError(`rocCurveSvg: curve ${k} (${c.label}) has a rate ${v} outside [0, 1]`);
    }
  });
  return [...curves];
}

