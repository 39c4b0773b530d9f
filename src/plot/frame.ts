// The parts every chart shares: the document, a plot area with axes, ticks, axis labels, a title and a legend.
import { el, esc, text } from "./svg.js";
import { markerPath } from "./palette.js";
import type { Scale } from "./scale.js";

/** Fonts tried in order; DejaVu Sans is what most Linux systems (and resvg there) have. */
export const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
/** Ink colours of the chart furniture. */
export const INK = { text: "#222222", muted: "#555555", axis: "#444444", grid: "#e6e6e6", frame: "#bbbbbb" };

/** Space around the plot area, in pixels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Ticks of one axis: data values and their labels. */
export interface Ticks {
  values: number[];
  labels: string[];
}

/** Everything needed to draw the frame of a chart. */
export interface FrameSpec {
  width: number;
  height: number;
  margin: Margin;
  x: Scale;
  y: Scale;
  xTicks: Ticks;
  yTicks: Ticks;
  xName: string;
  yName: string;
  title?: string;
  /** Light grid lines at the ticks, under the data (default true). */
  grid?: boolean;
}

/** The plot area in pixels. */
export function plotArea(s: { width: number; height: number; margin: Margin }): { x: number; y: number; w: number; h: number } {
  return { x: s.margin.left, y: s.margin.top, w: s.width - s.margin.left - s.margin.right, h: s.height - s.margin.top - s.margin.bottom };
}

/** Wraps chart content into a standalone SVG document with a white background and an accessible title. */
export function svgDocument(width: number, height: number, title: string, body: string[], kind: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${esc(FONT)}" role="img" data-kind="${esc(kind)}">` +
    `<title>${esc(title)}</title>` +
    el("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }) +
    body.join("") +
    "</svg>\n"
  );
}

/** What goes under the data: the plot area, its clip path and the grid lines. */
export function frameUnder(f: FrameSpec): string {
  const a = plotArea(f);
  const parts = [
    el("defs", {}, el("clipPath", { id: "plot-clip" }, el("rect", { x: a.x, y: a.y, width: a.w, height: a.h }))),
    el("rect", { id: "plot-area", x: a.x, y: a.y, width: a.w, height: a.h, fill: "#ffffff" }),
  ];
  if (f.grid ?? true) {
    const lines: string[] = [];
    for (const v of f.xTicks.values) {
      const X = f.x.map(v);
      lines.push(el("line", { x1: X, y1: a.y, x2: X, y2: a.y + a.h }));
    }
    for (const v of f.yTicks.values) {
      const Y = f.y.map(v);
      lines.push(el("line", { x1: a.x, y1: Y, x2: a.x + a.w, y2: Y }));
    }
    parts.push(el("g", { id: "grid", stroke: INK.grid, "stroke-width": 1 }, lines));
  }
  return parts.join("");
}

/** What goes over the data: the frame, both axes with ticks and labels, the axis names and the title. */
export function frameOver(f: FrameSpec): string {
  const a = plotArea(f);
  const bottom = a.y + a.h;
  const xt = f.xTicks.values.map((v, i) => {
    const X = f.x.map(v);
    return el("g", { class: "tick", "data-value": String(v) }, [
      el("line", { x1: X, y1: bottom, x2: X, y2: bottom + 5, stroke: INK.axis }),
      text({ x: X, y: bottom + 18, "text-anchor": "middle", "font-size": 11, fill: INK.muted }, f.xTicks.labels[i] ?? ""),
    ]);
  });
  const yt = f.yTicks.values.map((v, i) => {
    const Y = f.y.map(v);
    return el("g", { class: "tick", "data-value": String(v) }, [
      el("line", { x1: a.x - 5, y1: Y, x2: a.x, y2: Y, stroke: INK.axis }),
      text({ x: a.x - 8, y: Y + 4, "text-anchor": "end", "font-size": 11, fill: INK.muted }, f.yTicks.labels[i] ?? ""),
    ]);
  });
  const parts = [
    el("rect", { id: "plot-frame", x: a.x, y: a.y, width: a.w, height: a.h, fill: "none", stroke: INK.frame, "stroke-width": 1 }),
    el("g", { class: "axis", id: "x-axis" }, [el("line", { class: "domain", x1: a.x, y1: bottom, x2: a.x + a.w, y2: bottom, stroke: INK.axis }), ...xt]),
    el("g", { class: "axis", id: "y-axis" }, [el("line", { class: "domain", x1: a.x, y1: a.y, x2: a.x, y2: bottom, stroke: INK.axis }), ...yt]),
    text(
      { class: "axis-label", id: "x-label", x: a.x + a.w / 2, y: bottom + 40, "text-anchor": "middle", "font-size": 13, fill: INK.text },
      f.xName,
    ),
    text(
      {
        class: "axis-label",
        id: "y-label",
        x: 0,
        y: 0,
        transform: `translate(${Math.round(a.x - yLabelOffset(f.yTicks.labels))} ${Math.round(a.y + a.h / 2)}) rotate(-90)`,
        "text-anchor": "middle",
        "font-size": 13,
        fill: INK.text,
      },
      f.yName,
    ),
  ];
  if (f.title !== undefined && f.title !== "") {
    parts.push(text({ id: "title", x: a.x, y: 26, "font-size": 16, "font-weight": 600, fill: INK.text }, f.title));
  }
  return parts.join("");
}

function yLabelOffset(labels: string[]): number {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  return 18 + longest * 6.6;
}

/** Room needed left of the plot area for y tick labels of this length plus the axis name. */
export function leftMarginFor(labels: string[]): number {
  return Math.ceil(yLabelOffset(labels) + 16);
}

/** One legend entry: a class marker, a line sample, or a filled swatch. */
export interface LegendItem {
  label: string;
  kind: "marker" | "line" | "swatch";
  color: string;
  /** Marker shape index (kind "marker"). */
  marker?: number;
  /** Stroke dash pattern (kind "line"). */
  dash?: string;
  /** Stroke width (kind "line"). */
  strokeWidth?: number;
  /** Extra attributes on the item's group, e.g. data-class. */
  attrs?: Record<string, string>;
}

/** Approximate text width in pixels (for laying out legend boxes without measuring fonts). */
export function textWidth(s: string, fontSize: number): number {
  return s.length * fontSize * 0.6;
}

/** A legend box with its top-left corner at (x, y); `heading` is an optional first line. */
export function legend(x: number, y: number, items: LegendItem[], heading?: string, boxed = true): { svg: string; width: number; height: number } {
  const row = 20;
  const pad = 8;
  const headH = heading === undefined ? 0 : 18;
  const width = Math.ceil(pad * 2 + 30 + Math.max(heading === undefined ? 0 : textWidth(heading, 12) - 30, ...items.map((it) => textWidth(it.label, 12))));
  const height = pad * 2 + headH + items.length * row - 4;
  const parts: string[] = [];
  if (boxed) parts.push(el("rect", { x, y, width, height, rx: 4, fill: "#ffffff", "fill-opacity": 0.92, stroke: "#cccccc" }));
  if (heading !== undefined) parts.push(text({ x: x + pad, y: y + pad + 11, "font-size": 12, "font-weight": 600, fill: INK.text }, heading));
  items.forEach((it, i) => {
    const cy = y + pad + headH + i * row + 8;
    let sample: string;
    if (it.kind === "marker") {
      sample = el("path", {
        d: markerPath(it.marker ?? 0, 5),
        transform: `translate(${x + pad + 11} ${cy})`,
        fill: it.color,
        stroke: "#ffffff",
        "stroke-width": 1,
      });
    } else if (it.kind === "line") {
      sample = el("line", {
        x1: x + pad,
        y1: cy,
        x2: x + pad + 22,
        y2: cy,
        stroke: it.color,
        "stroke-width": it.strokeWidth ?? 2.5,
        "stroke-dasharray": it.dash,
        "stroke-linecap": "round",
      });
    } else {
      sample = el("rect", { x: x + pad + 2, y: cy - 6, width: 18, height: 12, fill: it.color, stroke: "#999999", "stroke-width": 0.5 });
    }
    const label = text({ x: x + pad + 30, y: cy + 4, "font-size": 12, fill: INK.text }, it.label);
    parts.push(el("g", { class: "legend-item", ...(it.attrs ?? {}) }, [sample, label]));
  });
  return { svg: el("g", { id: "legend" }, parts), width, height };
}
