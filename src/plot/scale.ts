// Axis scales (linear and base-10 logarithmic), "nice" tick positions and tick labels.
import { ValueError } from "../errors.js";

/** Maps data values in [d0, d1] to pixels in [r0, r1] (linearly, or linearly in log10 when log is true). */
export class Scale {
  private readonly a: number;
  private readonly b: number;
  constructor(
    readonly d0: number,
    readonly d1: number,
    readonly r0: number,
    readonly r1: number,
    readonly log = false,
  ) {
    if (log && !(d0 > 0 && d1 > 0)) throw new ValueError(`a log scale needs a positive domain, got [${d0}, ${d1}]: use a linear scale`);
    const t0 = log ? Math.log10(d0) : d0;
    const t1 = log ? Math.log10(d1) : d1;
    this.a = t1 === t0 ? 0 : (r1 - r0) / (t1 - t0);
    this.b = r0 - this.a * t0;
  }
  /** Pixel position of a data value. */
  map(v: number): number {
    return this.a * (this.log ? Math.log10(v) : v) + this.b;
  }
  /** Data value at a pixel position. */
  invert(p: number): number {
    const t = (p - this.b) / this.a;
    return this.log ? 10 ** t : t;
  }
}

/** A data range widened by a fraction of its length on both sides (a degenerate range gets ±1, or ±10% of its value). */
export function padRange(lo: number, hi: number, fraction: number): [number, number] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new ValueError(`cannot draw a range [${lo}, ${hi}]: the values must be finite`);
  if (hi === lo) {
    const h = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - h, hi + h];
  }
  const p = (hi - lo) * fraction;
  return [lo - p, hi + p];
}

/** Tick values at 1, 2 or 5 × 10^k inside [lo, hi], about `count` of them, with the step used. */
export function niceTicks(lo: number, hi: number, count = 6): { values: number[]; step: number } {
  const span = hi - lo;
  if (!(span > 0)) return { values: [lo], step: 1 };
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  const values: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let i = first; i <= last; i++) values.push(cleanZero(i * step));
  return { values, step };
}

/** Log-axis ticks inside [lo, hi]: powers of ten, with 2 and 5 multiples when the range is short. */
export function logTicks(lo: number, hi: number): number[] {
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.ceil(Math.log10(hi));
  const inRange = (v: number): boolean => v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
  const decades: number[] = [];
  for (let e = e0; e <= e1; e++) if (inRange(10 ** e)) decades.push(Number(`1e${e}`));
  if (decades.length >= 3) {
    const stride = Math.ceil(decades.length / 8);
    return decades.filter((_, i) => i % stride === 0);
  }
  const more: number[] = [];
  for (let e = e0; e <= e1; e++) for (const m of [1, 2, 5]) if (inRange(m * 10 ** e)) more.push(Number(`${m}e${e}`));
  if (more.length >= 2) return more;
  return niceTicks(lo, hi, 4).values.filter((v) => v > 0);
}

/** A tick label: enough decimals for the step, exponent form for very large or small values. */
export function formatTick(v: number, step?: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = v.toExponential().split("e") as [string, string];
    const mant = Number(Number(m).toPrecision(3));
    return `${mant}e${Number(e)}`;
  }
  if (step !== undefined) {
    const dec = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
    return v.toFixed(dec);
  }
  return String(Number(v.toPrecision(6)));
}

function cleanZero(v: number): number {
  const r = Number(v.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}
