// The 2-D plane: a canvas for the probability shading under an SVG with the axes, the 0.5
// boundary and the points. Mouse: click adds a point of the selected class, shift-click one of
// the next class, drag moves, right-click deletes. Keyboard: arrows move a cursor, Enter adds,
// Delete removes the nearest point, 1–4 pick the class.
import { boundarySegments, predictIndex, probabilities } from "./linearModel.js";
import { CLASS_RGB, CLASS_SHAPES, MAX_CLASSES, classColor, markerPath } from "./palette.js";
import type { LinearModel, Point } from "./types.js";
import { Viewport, niceTicks } from "./viewport.js";

const SVG = "http://www.w3.org/2000/svg";
/** Pixels of the plot square. */
export const PLOT_SIZE = 480;
/** Where the plot square starts inside the plane (index.html's translate(52,12)). */
const MARGIN = { left: 52, top: 12 };
/** Cells per side of the shading grid (smoothed when scaled up). */
const GRID = 96;
const HIT_RADIUS = 9;
/** Beyond |z| = Z_PAD the binary shading is flat (σ within 1/3000 of 0 or 1). */
const Z_PAD = 8;
/** The z values of the binary shading's colour stops (denser where σ bends). */
const GRADIENT_Z: readonly number[] = [-8, -6.5, -5.5, -4.5, -3.8, -3.2, -2.7, -2.2, -1.8, -1.4, -1.05, -0.7, -0.35, 0, 0.35, 0.7, 1.05, 1.4, 1.8, 2.2, 2.7, 3.2, 3.8, 4.5, 5.5, 6.5, 8];

/** The shading colour (r, g, b) for class probabilities p of a model with these class labels. */
function shadeColor(p: Float64Array, classes: readonly number[]): [number, number, number] {
  const k = classes.length;
  let r = 0, g = 0, bl = 0, pMax = 0;
  for (let c = 0; c < k; c++) {
    const pc = p[c]!;
    const rgb = CLASS_RGB[classes[c]! % MAX_CLASSES]!;
    r += pc * rgb[0];
    g += pc * rgb[1];
    bl += pc * rgb[2];
    if (pc > pMax) pMax = pc;
  }
  // Confidence 0 where the top classes tie, 1 where one class is certain.
  const conf = k > 1 ? (pMax - 1 / k) / (1 - 1 / k) : 1;
  const a = 0.12 + 0.38 * conf;
  return [Math.round(255 * (1 - a) + r * a), Math.round(255 * (1 - a) + g * a), Math.round(255 * (1 - a) + bl * a)];
}

/** What the plane reports to the page. */
export interface PlaneEvents {
  /** Points were added, moved or removed; `final` is false while a drag is in progress. */
  onPointsChanged(points: Point[], what: string, final: boolean): void;
  /** The user picked another class with the keyboard. */
  onClassPicked(c: number): void;
  /** The mouse or the keyboard cursor is over this data point. */
  onHover(x: number, y: number): void;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}

/** The interactive plane. */
export class Plane {
  readonly svg: SVGSVGElement;
  readonly canvas: HTMLCanvasElement;
  private readonly plot: SVGGElement;
  private readonly axes: SVGGElement;
  private readonly gradient: SVGLinearGradientElement;
  private readonly shade: SVGRectElement;
  private gradientClasses = "";
  private readonly boundaryGroup: SVGGElement;
  private readonly pointGroup: SVGGElement;
  private readonly cursor: SVGGElement;
  private readonly xTitle: SVGTextElement;
  private readonly yTitle: SVGTextElement;
  private readonly image = new ImageData(GRID, GRID);
  private view: Viewport;
  private points: Point[] = [];
  private selected = 0;
  private drag: { index: number; pointerId: number; moved: boolean } | null = null;
  private cursorAt: { x: number; y: number } | null = null;
  /** Number of times the plane was drawn (read by the tests to check the animation). */
  draws = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: PlaneEvents,
  ) {
    // The fixed structure is in index.html (#plane): the shading canvas (GRID × GRID, stretched
    // smoothly by CSS to the plot: a small backing store keeps each frame cheap to hand to the
    // compositor), then stacked SVG layers so that a frame repaints only what moved: the binary
    // shading, the grid and axes, the boundary, and (on top, receiving the pointer and the
    // keyboard) the points.
    const q = <E extends Element>(selector: string): E => {
      const e = host.querySelector<E>(selector);
      if (!e) throw new Error(`playground: ${selector} is missing from #plane`);
      return e;
    };
    this.canvas = q("canvas");
    this.gradient = q("linearGradient");
    for (let i = 0; i < GRADIENT_Z.length; i++) el("stop", { offset: 0 }, this.gradient);
    this.shade = q(".shade");
    this.axes = q(".axes");
    this.xTitle = q("#x-title");
    this.yTitle = q("#y-title");
    this.boundaryGroup = q(".boundaries");
    this.svg = q(".overlay");
    this.plot = q(".plot");
    this.pointGroup = q(".points");
    this.cursor = q(".cursor");
    this.view = Viewport.fit([], PLOT_SIZE);
    this.attachPointer();
    this.attachKeyboard();
  }

  /** The current mapping between data and pixels. */
  get viewport(): Viewport {
    return this.view;
  }

  /** Shows this data box, with these axis titles. */
  setView(view: Viewport, xLabel: string, yLabel: string): void {
    this.view = view;
    this.xTitle.textContent = xLabel;
    this.yTitle.textContent = yLabel;
    const b = view.box;
    this.plot.dataset["xMin"] = String(b.xMin);
    this.plot.dataset["xMax"] = String(b.xMax);
    this.plot.dataset["yMin"] = String(b.yMin);
    this.plot.dataset["yMax"] = String(b.yMax);
    this.plot.dataset["size"] = String(PLOT_SIZE);
    this.axes.replaceChildren();
    for (const t of niceTicks(b.xMin, b.xMax, 8)) {
      const x = view.px(t);
      el("line", { x1: x, x2: x, y1: 0, y2: PLOT_SIZE, class: t === 0 ? "grid zero" : "grid" }, this.axes);
      el("text", { x, y: PLOT_SIZE + 16, class: "tick", "text-anchor": "middle" }, this.axes).textContent = fmtTick(t);
    }
    for (const t of niceTicks(b.yMin, b.yMax, 8)) {
      const y = view.py(t);
      el("line", { x1: 0, x2: PLOT_SIZE, y1: y, y2: y, class: t === 0 ? "grid zero" : "grid" }, this.axes);
      el("text", { x: -6, y: y + 4, class: "tick", "text-anchor": "end" }, this.axes).textContent = fmtTick(t);
    }
  }

  /** The class that a plain click adds. */
  setSelectedClass(c: number): void {
    this.selected = c;
  }

  /** Draws the shading, boundary and points for this model (null: no model yet). */
  render(model: LinearModel | null, points: Point[]): void {
    this.points = points;
    this.draws++;
    this.host.dataset["draws"] = String(this.draws);
    this.drawShading(model);
    this.drawBoundary(model);
    this.drawPoints(model);
    this.drawCursor();
  }

  private drawShading(model: LinearModel | null): void {
    if (model && model.W.length === 1) {
      this.canvas.style.visibility = "hidden";
      this.drawGradient(model);
      return;
    }
    this.canvas.style.visibility = "visible";
    this.shade.setAttribute("fill", model ? "none" : "#fbfbfd");
    const ctx = this.canvas.getContext("2d");
    if (!ctx || !model) return;
    const p = new Float64Array(model.classes.length);
    const data = this.image.data;
    const v = this.view;
    for (let j = 0; j < GRID; j++) {
      const y = v.dy(((j + 0.5) / GRID) * PLOT_SIZE);
      for (let i = 0; i < GRID; i++) {
        const [r, g, b] = shadeColor(probabilities(model, v.dx(((i + 0.5) / GRID) * PLOT_SIZE), y, p), model.classes);
        const o = 4 * (j * GRID + i);
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
        data[o + 3] = 255;
      }
    }
    ctx.putImageData(this.image, 0, 0);
  }

  /**
   * Binary shading as an SVG linear gradient: P(class 1) = σ(z), z = w·x + b, changes only along
   * w, so fixed colour stops for z from −Z_PAD to +Z_PAD (padded beyond, where σ is flat) draw it
   * exactly. Each frame only moves the gradient's two end points; no raster canvas is involved.
   */
  private drawGradient(model: LinearModel): void {
    const key = model.classes.join(",");
    if (key !== this.gradientClasses) {
      this.gradientClasses = key;
      const p = new Float64Array(2);
      GRADIENT_Z.forEach((z, i) => {
        const stop = this.gradient.children[i]!;
        p[1] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        p[0] = 1 - p[1];
        const [r, g, b] = shadeColor(p, model.classes);
        stop.setAttribute("offset", ((z + Z_PAD) / (2 * Z_PAD)).toFixed(5));
        stop.setAttribute("stop-color", `rgb(${r},${g},${b})`);
      });
    }
    const v = this.view;
    const w = model.W[0]!;
    // In plot pixels q = (px, py): z(q) = z00 + g·q.
    const z00 = w[0]! * v.box.xMin + w[1]! * v.box.yMax + model.b[0]!;
    const gx = (w[0]! * (v.box.xMax - v.box.xMin)) / PLOT_SIZE;
    const gy = (-w[1]! * (v.box.yMax - v.box.yMin)) / PLOT_SIZE;
    const g2 = gx * gx + gy * gy;
    if (!(g2 * PLOT_SIZE * PLOT_SIZE > 1e-10) || !Number.isFinite(z00)) {
      // (Nearly) constant z over the plot: one colour.
      const p = new Float64Array(2);
      p[1] = 1 / (1 + Math.exp(-Math.max(-40, Math.min(40, z00))));
      p[0] = 1 - p[1];
      const [r, g, b] = shadeColor(p, model.classes);
      setIfChanged(this.shade, "fill", `rgb(${r},${g},${b})`);
      return;
    }
    // The points on the line through the plot origin along g where z = −Z_PAD and z = +Z_PAD.
    const t1 = (-Z_PAD - z00) / g2;
    const t2 = (Z_PAD - z00) / g2;
    this.gradient.setAttribute("x1", (gx * t1).toFixed(3));
    this.gradient.setAttribute("y1", (gy * t1).toFixed(3));
    this.gradient.setAttribute("x2", (gx * t2).toFixed(3));
    this.gradient.setAttribute("y2", (gy * t2).toFixed(3));
    setIfChanged(this.shade, "fill", "url(#shade-gradient)");
  }

  private drawBoundary(model: LinearModel | null): void {
    const segs = model ? boundarySegments(model, this.view.box) : [];
    while (this.boundaryGroup.children.length > segs.length) this.boundaryGroup.lastElementChild!.remove();
    while (this.boundaryGroup.children.length < segs.length) el("path", { class: "boundary" }, this.boundaryGroup);
    segs.forEach((s, i) => {
      const path = this.boundaryGroup.children[i] as SVGPathElement;
      const v = this.view;
      path.setAttribute("d", `M${v.px(s.x1).toFixed(2)},${v.py(s.y1).toFixed(2)}L${v.px(s.x2).toFixed(2)},${v.py(s.y2).toFixed(2)}`);
      path.dataset["pair"] = `${model!.classes[s.a]}-${model!.classes[s.b]}`;
    });
  }

  private drawPoints(model: LinearModel | null): void {
    const g = this.pointGroup;
    while (g.children.length > this.points.length) g.lastElementChild!.remove();
    while (g.children.length < this.points.length) el("path", {}, g);
    const scratch = new Float64Array(model ? model.classes.length : 1);
    this.points.forEach((p, i) => {
      const node = g.children[i] as SVGPathElement;
      const wrong = model !== null && model.classes[predictIndex(model, p.x, p.y, scratch)] !== p.label;
      // Touch the DOM only where something changed: unchanged nodes need no repaint.
      setIfChanged(node, "d", markerPath(p.label, this.view.px(p.x), this.view.py(p.y)));
      setIfChanged(node, "fill", classColor(p.label));
      setIfChanged(node, "class", wrong ? "point wrong" : "point");
    });
  }

  private drawCursor(): void {
    // The keyboard cursor shows while the plane has keyboard focus (not after a mouse click).
    if (!this.cursorAt || !this.svg.matches(":focus-visible")) {
      this.cursor.setAttribute("visibility", "hidden");
      return;
    }
    this.cursor.setAttribute("visibility", "visible");
    this.cursor.setAttribute("transform", `translate(${this.view.px(this.cursorAt.x).toFixed(1)},${this.view.py(this.cursorAt.y).toFixed(1)})`);
  }

  /** Pixel position inside the plot square of a pointer event. */
  private local(e: PointerEvent | MouseEvent): { x: number; y: number } {
    const r = this.svg.getBoundingClientRect();
    const sx = this.svg.viewBox.baseVal.width / r.width;
    const sy = this.svg.viewBox.baseVal.height / r.height;
    return { x: (e.clientX - r.left) * sx - MARGIN.left, y: (e.clientY - r.top) * sy - MARGIN.top };
  }

  /** Index of the point nearest pixel (x, y) within `radius` pixels, or -1. */
  private hit(x: number, y: number, radius: number): number {
    let best = -1;
    let bestD = radius * radius;
    this.points.forEach((p, i) => {
      const d = (this.view.px(p.x) - x) ** 2 + (this.view.py(p.y) - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  }

  private inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x <= PLOT_SIZE && y <= PLOT_SIZE;
  }

  private attachPointer(): void {
    this.svg.addEventListener("contextmenu", (e) => e.preventDefault());
    this.svg.addEventListener("pointerdown", (e) => {
      const { x, y } = this.local(e);
      if (!this.inside(x, y)) return;
      const i = this.hit(x, y, HIT_RADIUS);
      if (e.button === 2) {
        e.preventDefault();
        if (i >= 0) this.change(this.points.filter((_, j) => j !== i), "removed a point", true);
        return;
      }
      if (e.button !== 0) return;
      if (i >= 0) {
        this.drag = { index: i, pointerId: e.pointerId, moved: false };
        this.svg.setPointerCapture(e.pointerId);
        return;
      }
      const label = e.shiftKey ? (this.selected + 1) % MAX_CLASSES : this.selected;
      const p = { x: round(this.view.dx(x)), y: round(this.view.dy(y)), label };
      this.change([...this.points, p], `added a ${CLASS_SHAPES[label]} of class ${label}`, true);
    });
    this.svg.addEventListener("pointermove", (e) => {
      const { x, y } = this.local(e);
      if (!this.drag && this.inside(x, y)) this.events.onHover(this.view.dx(x), this.view.dy(y));
      if (!this.drag || e.pointerId !== this.drag.pointerId) return;
      const cx = Math.min(PLOT_SIZE, Math.max(0, x));
      const cy = Math.min(PLOT_SIZE, Math.max(0, y));
      const next = this.points.slice();
      const old = next[this.drag.index]!;
      next[this.drag.index] = { ...old, x: round(this.view.dx(cx)), y: round(this.view.dy(cy)) };
      this.drag.moved = true;
      this.change(next, "moving a point", false);
    });
    const end = (e: PointerEvent): void => {
      if (!this.drag || e.pointerId !== this.drag.pointerId) return;
      const moved = this.drag.moved;
      this.drag = null;
      if (moved) this.change(this.points, "moved a point", true);
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
  }

  private attachKeyboard(): void {
    this.svg.addEventListener("focus", () => {
      if (!this.cursorAt) {
        const b = this.view.box;
        this.cursorAt = { x: round((b.xMin + b.xMax) / 2), y: round((b.yMin + b.yMax) / 2) };
      }
      this.drawCursor();
    });
    this.svg.addEventListener("blur", () => this.cursor.setAttribute("visibility", "hidden"));
    this.svg.addEventListener("keydown", (e) => {
      const b = this.view.box;
      const step = ((b.xMax - b.xMin) / 40) * (e.shiftKey ? 5 : 1);
      const c = this.cursorAt ?? { x: (b.xMin + b.xMax) / 2, y: (b.yMin + b.yMax) / 2 };
      const move = (dx: number, dy: number): void => {
        this.cursorAt = { x: round(Math.min(b.xMax, Math.max(b.xMin, c.x + dx))), y: round(Math.min(b.yMax, Math.max(b.yMin, c.y + dy))) };
        this.drawCursor();
        this.events.onHover(this.cursorAt.x, this.cursorAt.y);
      };
      switch (e.key) {
        case "ArrowLeft":
          move(-step, 0);
          break;
        case "ArrowRight":
          move(step, 0);
          break;
        case "ArrowUp":
          move(0, step);
          break;
        case "ArrowDown":
          move(0, -step);
          break;
        case "Enter":
        case " ":
          this.change([...this.points, { x: c.x, y: c.y, label: this.selected }], `added a point of class ${this.selected} at ${c.x}, ${c.y}`, true);
          break;
        case "Delete":
        case "Backspace": {
          const i = this.hit(this.view.px(c.x), this.view.py(c.y), 24);
          if (i >= 0) this.change(this.points.filter((_, j) => j !== i), "removed the point nearest the cursor", true);
          break;
        }
        default:
          if (/^[1-4]$/.test(e.key)) this.events.onClassPicked(Number(e.key) - 1);
          else return;
      }
      e.preventDefault();
    });
  }

  private change(points: Point[], what: string, final: boolean): void {
    this.points = points;
    this.events.onPointsChanged(points, what, final);
  }
}

function setIfChanged(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function fmtTick(t: number): string {
  return Math.abs(t) >= 1000 || (Math.abs(t) < 0.01 && t !== 0) ? t.toExponential(0) : String(Number(t.toPrecision(4)));
}
