// Decision-boundary picture: class probabilities as a shaded background, the boundary traced by
// marching squares, the data points coloured (and shaped) by class, axes and a legend.
import { ValueError } from "../errors.js";
import type { Label } from "../metrics/labels.js";
import { frameOver, frameUnder, leftMarginFor, legend, plotArea, svgDocument, INK, type LegendItem } from "./frame.js";
import { contourLines, type Polyline } from "./marchingSquares.js";
import { classColor, markerPath, tint } from "./palette.js";
import { formatTick, niceTicks, padRange, Scale } from "./scale.js";
import { base64, encodePngRgb } from "./pngEncode.js";
import { el, px, text } from "./svg.js";

/** Input of `decisionBoundarySvg`. */
export interface DecisionBoundaryInput {
  /** The data points as (x, y) pairs. */
  points: readonly (readonly number[])[];
  /** The class of each point. */
  labels: ArrayLike<Label>;
  /** All classes, in the order of the probability function's output. */
  classes: readonly Label[];
  /** Class probabilities at a point of the plane (one per class, in `classes` order). */
  probability: (x: number, y: number) => ArrayLike<number>;
  /** Axis names. */
  xName: string;
  yName: string;
  title?: string;
  /** Picture size in pixels (default 720 × 520). */
  width?: number;
  height?: number;
  /** Background cells across the plot (default 120); the boundary is traced on the same grid. */
  resolution?: number;
  /** Axis ranges (default: the points' range plus 8% on each side). */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
}

/** The decision boundary of a classifier over two features, as a standalone SVG document. */
export function decisionBoundarySvg(input: DecisionBoundaryInput): string {
  const { points, labels, classes, probability } = input;
  const K = classes.length;
  if (K < 2) throw new ValueError(`decisionBoundarySvg: ${K} class given: give at least two classes`);
  if (points.length !== labels.length) {
    throw new ValueError(`decisionBoundarySvg: ${points.length} points but ${labels.length} labels: give one label per point`);
  }
  const classIndex = new Map<Label, number>(classes.map((c, k) => [c, k]));
  points.forEach((p, i) => {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new ValueError(`decisionBoundarySvg: point ${i} is ${JSON.stringify(p)}: give finite (x, y) pairs`);
    }
    if (!classIndex.has(labels[i] as Label)) {
      throw new ValueError(`decisionBoundarySvg: label ${JSON.stringify(labels[i])} of point ${i} is not one of the classes (${classes.join(", ")})`);
    }
  });
  const xs = points.map((p) => p[0] as number);
  const ys = points.map((p) => p[1] as number);
  const xDomain = input.xDomain ?? (xs.length > 0 ? padRange(Math.min(...xs), Math.max(...xs), 0.08) : undefined);
  const yDomain = input.yDomain ?? (ys.length > 0 ? padRange(Math.min(...ys), Math.max(...ys), 0.08) : undefined);
  if (xDomain === undefined || yDomain === undefined) {
    throw new ValueError("decisionBoundarySvg: no points and no xDomain / yDomain: give points or the axis ranges");
  }
  for (const [name, d] of [["xDomain", xDomain], ["yDomain", yDomain]] as const) {
    if (!(Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[1] > d[0])) {
      throw new ValueError(`decisionBoundarySvg: ${name} is [${d.join(", ")}]: give two finite numbers, the first smaller`);
    }
  }
  const width = input.width ?? 720;
  const height = input.height ?? 520;
  const hasTitle = input.title !== undefined && input.title !== "";

  // Layout: y tick labels decide the left margin; the legend sits right of the plot.
  const yt0 = niceTicks(yDomain[0], yDomain[1], 6);
  const yLabels = yt0.values.map((v) => formatTick(v, yt0.step));
  const margin = { top: hasTitle ? 44 : 18, right: 170, bottom: 58, left: leftMarginFor(yLabels) };
  const area = plotArea({ width, height, margin });
  if (area.w < 40 || area.h < 40) throw new ValueError(`decisionBoundarySvg: ${width} × ${height} pixels leave no room for the plot: make it larger`);
  const xScale = new Scale(xDomain[0], xDomain[1], area.x, area.x + area.w);
  const yScale = new Scale(yDomain[0], yDomain[1], area.y + area.h, area.y);
  const xt0 = niceTicks(xDomain[0], xDomain[1], Math.max(3, Math.round(area.w / 90)));
  const frame = {
    width,
    height,
    margin,
    x: xScale,
    y: yScale,
    xTicks: { values: xt0.values, labels: xt0.values.map((v) => formatTick(v, xt0.step)) },
    yTicks: { values: yt0.values, labels: yLabels },
    xName: input.xName,
    yName: input.yName,
    title: input.title,
    grid: false,
  };

  // Sample the probabilities on the grid nodes (for the boundary) and cell centres (for the shading).
  const nx = Math.max(4, Math.round(input.resolution ?? 120));
  const ny = Math.max(4, Math.round((nx * area.h) / area.w));
  const gx = (i: number): number => xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / nx;
  const gy = (j: number): number => yDomain[0] + ((yDomain[1] - yDomain[0]) * j) / ny;
  const prob = (x: number, y: number): ArrayLike<number> => {
    const p = probability(x, y);
    if (p.length !== K) {
      throw new ValueError(`decisionBoundarySvg: probability(${x}, ${y}) returned ${p.length} values for ${K} classes: return one per class`);
    }
    for (let k = 0; k < K; k++) {
      if (!Number.isFinite(p[k] as number)) {
        throw new ValueError(`decisionBoundarySvg: probability(${x}, ${y}) returned ${p[k]} for class ${String(classes[k])}: it must be finite`);
      }
    }
    return p;
  };
  const W = nx + 1;
  const nodeP = new Float64Array(W * (ny + 1) * K);
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const p = prob(gx(i), gy(j));
      for (let k = 0; k < K; k++) nodeP[(j * W + i) * K + k] = p[k] as number;
    }
  }

  // Shading: one pixel per grid cell (its centre's probabilities), embedded as a PNG that viewers smooth when scaling.
  const rgb = new Uint8Array(nx * ny * 3);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = cellColor(prob(gx(i + 0.5), gy(j + 0.5)), K);
      rgb.set(c, ((ny - 1 - j) * nx + i) * 3);
    }
  }
  const background = el("image", {
    id: "background",
    x: area.x,
    y: area.y,
    width: area.w,
    height: area.h,
    preserveAspectRatio: "none",
    "data-nx": nx,
    "data-ny": ny,
    href: "data:image/png;base64," + base64(encodePngRgb(nx, ny, rgb)),
  });

  // The boundary: p = 0.5 for two classes; where the most probable class changes for more.
  const toPx = (line: Polyline): [number, number][] => line.map(([i, j]) => [xScale.map(gx(i)), yScale.map(gy(j))]);
  const lines: [number, number][][] = [];
  if (K === 2) {
    const f = new Float64Array(W * (ny + 1));
    for (let n = 0; n < f.length; n++) f[n] = nodeP[n * 2 + 1] as number;
    for (const l of contourLines(f, nx, ny, 0.5)) lines.push(toPx(l));
  } else {
    const f = new Float64Array(W * (ny + 1));
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        for (let n = 0; n < f.length; n++) f[n] = (nodeP[n * K + a] as number) - (nodeP[n * K + b] as number);
        for (const l of contourLines(f, nx, ny, 0)) {
          // keep the stretches where a and b are the two most probable classes
          let run: Polyline = [];
          for (let s = 0; s + 1 < l.length; s++) {
            const p0 = l[s] as [number, number];
            const p1 = l[s + 1] as [number, number];
            const p = prob(gx((p0[0] + p1[0]) / 2), gy((p0[1] + p1[1]) / 2));
            const top = Math.min(p[a] as number, p[b] as number);
            let others = -Infinity;
            for (let k = 0; k < K; k++) if (k !== a && k !== b) others = Math.max(others, p[k] as number);
            if (top >= others) {
              if (run.length === 0) run.push(p0);
              run.push(p1);
            } else if (run.length > 0) {
              lines.push(toPx(run));
              run = [];
            }
          }
          if (run.length > 0) lines.push(toPx(run));
        }
      }
    }
  }
  const d = lines.map((l) => "M" + l.map(([x, y]) => `${px(x)} ${px(y)}`).join("L")).join("");

  // Points, coloured and shaped by class, drawn in class order so that every class stays visible.
  const r = points.length <= 100 ? 5.5 : points.length <= 300 ? 4.5 : points.length <= 1000 ? 4 : 3;
  const pointGroups: string[] = [];
  for (let k = 0; k < K; k++) {
    const shape = markerPath(k, r);
    const mine: string[] = [];
    points.forEach((p, i) => {
      if (classIndex.get(labels[i] as Label) !== k) return;
      mine.push(
        el("path", {
          class: "point",
          "data-class": String(classes[k]),
          transform: `translate(${px(xScale.map(p[0] as number))} ${px(yScale.map(p[1] as number))})`,
          d: shape,
        }),
      );
    });
    pointGroups.push(el("g", { class: "point-group", "data-class": String(classes[k]), fill: classColor(k) }, mine));
  }

  // Legend: classes, the boundary line, and (two classes) a colour bar of P(second class).
  const items: LegendItem[] = classes.map((c, k) => ({
    label: String(c),
    kind: "marker",
    color: classColor(k),
    marker: k,
    attrs: { "data-class": String(c) },
  }));
  items.push({ label: K === 2 ? "p = 0.5" : "boundary", kind: "line", color: INK.text, strokeWidth: 2.2 });
  const lx = area.x + area.w + 16;
  const lg = legend(lx, area.y, items, "class");
  const parts = [frameUnder(frame), background];
  parts.push(
    el("path", { class: "boundary-halo", d, fill: "none", stroke: "#ffffff", "stroke-width": 5, "stroke-opacity": 0.75, "stroke-linejoin": "round", "clip-path": "url(#plot-clip)" }),
    el("path", {
      id: "boundary",
      "data-level": K === 2 ? "0.5" : "argmax",
      d,
      fill: "none",
      stroke: INK.text,
      "stroke-width": 2.2,
      "stroke-linejoin": "round",
      "stroke-linecap": "round",
      "clip-path": "url(#plot-clip)",
    }),
    el("g", { id: "points", "clip-path": "url(#plot-clip)", stroke: "#ffffff", "stroke-width": 1 }, pointGroups),
    frameOver(frame),
    lg.svg,
  );
  if (K === 2) parts.push(colorBar(lx, area.y + lg.height + 18, Math.min(150, area.h - lg.height - 40), String(classes[1])));
  const title = input.title ?? `Decision boundary over ${input.xName} and ${input.yName}`;
  return svgDocument(width, height, title, parts, "decision-boundary");
}

/** Background colour of a probability vector: the most probable class's colour, stronger the surer it is. */
function cellColor(p: ArrayLike<number>, K: number): [number, number, number] {
  let k = 0;
  for (let c = 1; c < K; c++) if ((p[c] as number) > (p[k] as number)) k = c;
  const t = Math.max(0, Math.min(1, ((p[k] as number) - 1 / K) / (1 - 1 / K)));
  const hex = tint(classColor(k), 0.04 + 0.42 * t);
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A vertical bar of the background colours for P(positive class) from 0 (bottom) to 1 (top). */
function colorBar(x: number, y: number, h: number, positive: string): string {
  if (h < 60) return "";
  const w = 14;
  const top = y + 18;
  const barH = h - 18;
  const steps = 40;
  const parts: string[] = [text({ x, y: y + 10, "font-size": 12, "font-weight": 600, fill: INK.text }, `P(${positive})`)];
  for (let s = 0; s < steps; s++) {
    const p = (s + 0.5) / steps; // probability of the positive class at this step
    const [r, g, b] = cellColor([1 - p, p], 2);
    const y0 = top + barH - ((s + 1) * barH) / steps;
    parts.push(el("rect", { x, y: y0, width: w, height: barH / steps + 0.3, fill: `rgb(${r},${g},${b})` }));
  }
  parts.push(el("rect", { x, y: top, width: w, height: barH, fill: "none", stroke: "#999999", "stroke-width": 0.5 }));
  for (const v of [0, 0.5, 1]) {
    const ty = top + barH - v * barH;
    parts.push(el("line", { x1: x + w, y1: ty, x2: x + w + 4, y2: ty, stroke: INK.axis }));
    parts.push(text({ x: x + w + 7, y: ty + 4, "font-size": 11, fill: INK.muted }, String(v)));
  }
  return el("g", { id: "colorbar", "shape-rendering": "crispEdges" }, parts);
}
