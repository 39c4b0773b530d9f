// Training curve: the objective per iteration, for one run or several, on a linear or logarithmic axis.
import { ValueError } from "../errors.js";
import { frameOver, frameUnder, leftMarginFor, legend, plotArea, svgDocument, type LegendItem } from "./frame.js";
import { classColor } from "./palette.js";
import { formatTick, logTicks, niceTicks, padRange, Scale } from "./scale.js";
import { el, px } from "./svg.js";

/** A training record: objective values (iteration = index) or `{ iteration, objective }` entries. */
export type LossHistory = readonly number[] | readonly { readonly iteration: number; readonly objective: number }[];

/** A named training record, for drawing several runs together. */
export interface LossSeries {
  name: string;
  history: LossHistory;
}

/** Options of `lossCurveSvg`. */
export interface LossCurveOptions {
  /** Logarithmic objective axis (every value must be positive). */
  logScale?: boolean;
  title?: string;
  /** Axis names (default "iteration" and "objective"). */
  xName?: string;
  yName?: string;
  width?: number;
  height?: number;
}

/** The objective per iteration as a standalone SVG document (one line per run, a legend for several). */
export function lossCurveSvg(history: LossHistory | readonly LossSeries[], options: LossCurveOptions = {}): string {
  const series = toSeries(history);
  const log = options.logScale ?? false;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    s.points.forEach(([it, v], i) => {
      if (!Number.isFinite(it) || !Number.isFinite(v)) {
        throw new ValueError(`lossCurveSvg: ${s.name} entry ${i} is (${it}, ${v}): iterations and objectives must be finite`);
      }
      if (log && !(v > 0)) {
        throw new ValueError(`lossCurveSvg: ${s.name} entry ${i} has objective ${v}: a log scale needs positive values; set logScale to false`);
      }
      xMin = Math.min(xMin, it);
      xMax = Math.max(xMax, it);
      yMin = Math.min(yMin, v);
      yMax = Math.max(yMax, v);
    });
  }
  const width = options.width ?? 680;
  const height = options.height ?? 460;
  const hasTitle = options.title !== undefined && options.title !== "";
  const [x0, x1] = xMax > xMin ? [xMin, xMax] : padRange(xMin, xMax, 0.05);
  let y0: number;
  let y1: number;
  let yTickValues: number[];
  let yLabels: string[];
  if (log) {
    const l0 = Math.log10(yMin);
    const l1 = Math.log10(yMax);
    const pad = Math.max((l1 - l0) * 0.05, 0.05);
    y0 = 10 ** (l0 - pad);
    y1 = 10 ** (l1 + pad);
    yTickValues = logTicks(y0, y1);
    yLabels = yTickValues.map((v) => formatTick(v));
  } else {
    [y0, y1] = padRange(yMin, yMax, 0.05);
    const t = niceTicks(y0, y1, 6);
    yTickValues = t.values;
    yLabels = t.values.map((v) => formatTick(v, t.step));
  }
  const margin = { top: hasTitle ? 44 : 18, right: 24, bottom: 58, left: leftMarginFor(yLabels) };
  const area = plotArea({ width, height, margin });
  if (area.w < 40 || area.h < 40) throw new ValueError(`lossCurveSvg: ${width} × ${height} pixels leave no room for the plot: make it larger`);
  const x = new Scale(x0, x1, area.x, area.x + area.w);
  const y = new Scale(y0, y1, area.y + area.h, area.y, log);
  const xt = niceTicks(x0, x1, Math.max(3, Math.round(area.w / 90)));
  const xValues = xt.step < 1 ? xt.values.filter((v) => Number.isInteger(v)) : xt.values;
  const frame = {
    width,
    height,
    margin,
    x,
    y,
    xTicks: { values: xValues, labels: xValues.map((v) => formatTick(v, Math.max(1, xt.step))) },
    yTicks: { values: yTickValues, labels: yLabels },
    xName: options.xName ?? "iteration",
    yName: options.yName ?? (log ? "objective (log scale)" : "objective"),
    title: options.title,
  };
  const body: string[] = [];
  series.forEach((s, k) => {
    const color = classColor(k);
    body.push(
      el("path", {
        class: "loss-curve",
        "data-series": s.name,
        d: "M" + s.points.map(([it, v]) => `${px(x.map(it))} ${px(y.map(v))}`).join("L"),
        fill: "none",
        stroke: color,
        "stroke-width": 2.2,
        "stroke-linejoin": "round",
        "stroke-linecap": "round",
      }),
    );
    if (s.points.length <= 60) {
      body.push(
        el(
          "g",
          { class: "loss-points", fill: color, stroke: "#ffffff", "stroke-width": 1 },
          s.points.map(([it, v]) => el("circle", { cx: x.map(it), cy: y.map(v), r: 3 })),
        ),
      );
    }
  });
  const parts = [frameUnder(frame), el("g", { id: "curves", "clip-path": "url(#plot-clip)" }, body), frameOver(frame)];
  if (series.length > 1) {
    const items: LegendItem[] = series.map((s, k) => ({ label: s.name, kind: "line", color: classColor(k), attrs: { "data-series": s.name } }));
    const probe = legend(0, 0, items);
    parts.push(legend(area.x + area.w - probe.width - 10, area.y + 10, items).svg);
  }
  return svgDocument(width, height, options.title ?? "Training objective per iteration", parts, "loss");
}

function toSeries(history: LossHistory | readonly LossSeries[]): { name: string; points: [number, number][] }[] {
  if (!Array.isArray(history) || history.length === 0) {
    throw new ValueError("lossCurveSvg: the history is empty: give one objective value per iteration");
  }
  const first: unknown = history[0];
  if (typeof first === "object" && first !== null && "history" in first) {
    return (history as readonly LossSeries[]).map((s, k) => ({ name: s.name ?? `run ${k + 1}`, points: points(s.history, s.name) }));
  }
  return [{ name: "objective", points: points(history as LossHistory, "history") }];
}

function points(h: LossHistory, name: string): [number, number][] {
  if (!Array.isArray(h) || h.length === 0) throw new ValueError(`lossCurveSvg: ${name} is empty: give one objective value per iteration`);
  return (h as readonly unknown[]).map((e, i): [number, number] => {
    if (typeof e === "number") return [i, e];
    if (typeof e === "object" && e !== null && "objective" in e) {
      const r = e as { iteration?: unknown; objective: unknown };
      return [typeof r.iteration === "number" ? r.iteration : i, r.objective as number];
    }
    throw new ValueError(`lossCurveSvg: ${name} entry ${i} is neither a number nor { iteration, objective }`);
  });
}
