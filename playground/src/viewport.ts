// The mapping between data coordinates and the plane's pixels, and "nice" axis ticks.
import type { Box } from "./linearModel.js";
import type { Point } from "./types.js";

/** A data box drawn into a square of `size` pixels (y grows upwards in data, downwards in pixels). */
export class Viewport {
  constructor(
    readonly box: Box,
    readonly size: number,
  ) {}

  /** Box that holds the points with a margin, with equal x and y spans (so angles look right). */
  static fit(points: readonly Point[], size: number): Viewport {
    if (points.length === 0) return new Viewport({ xMin: -5, xMax: 5, yMin: -5, yMax: 5 }, size);
    let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
    for (const p of points) {
      xMin = Math.min(xMin, p.x);
      xMax = Math.max(xMax, p.x);
      yMin = Math.min(yMin, p.y);
      yMax = Math.max(yMax, p.y);
    }
    const span = Math.max(xMax - xMin, yMax - yMin, 1) * 1.3;
    const cx = (xMin + xMax) / 2;
    const cy = (yMin + yMax) / 2;
    return new Viewport({ xMin: cx - span / 2, xMax: cx + span / 2, yMin: cy - span / 2, yMax: cy + span / 2 }, size);
  }

  /** Pixel x of data x. */
  px(x: number): number {
    return ((x - this.box.xMin) / (this.box.xMax - this.box.xMin)) * this.size;
  }

  /** Pixel y of data y. */
  py(y: number): number {
    return ((this.box.yMax - y) / (this.box.yMax - this.box.yMin)) * this.size;
  }

  /** Data x of pixel x. */
  dx(px: number): number {
    return this.box.xMin + (px / this.size) * (this.box.xMax - this.box.xMin);
  }

  /** Data y of pixel y. */
  dy(py: number): number {
    return this.box.yMax - (py / this.size) * (this.box.yMax - this.box.yMin);
  }
}

/** Round tick positions (1, 2 or 5 × 10^k apart) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return out;
}
