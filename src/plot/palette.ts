// Colour-blind-safe class colours (Okabe & Ito) and one marker shape per class, so classes differ in two ways.

/** Okabe–Ito colours, in the order classes receive them. */
export const CLASS_COLORS: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** The colour of the class at position i (cycling after eight). */
export function classColor(i: number): string {
  return CLASS_COLORS[i % CLASS_COLORS.length] as string;
}

/** The marker of the class at position i, as path data centred on (0, 0) with radius about r. */
export function markerPath(i: number, r: number): string {
  const f = (v: number): string => String(Math.round(v * 100) / 100);
  switch (i % 6) {
    case 0: // circle
      return `M${f(-r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
    case 1: {
      const s = r * 0.88; // square
      return `M${f(-s)} ${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
    }
    case 2: {
      const s = r * 1.25; // triangle up
      return `M0 ${f(-s)}L${f(s * 0.95)} ${f(s * 0.7)}H${f(-s * 0.95)}Z`;
    }
    case 3: {
      const s = r * 1.25; // diamond
      return `M0 ${f(-s)}L${f(s)} 0L0 ${f(s)}L${f(-s)} 0Z`;
    }
    case 4: {
      const s = r * 1.25; // triangle down
      return `M0 ${f(s)}L${f(s * 0.95)} ${f(-s * 0.7)}H${f(-s * 0.95)}Z`;
    }
    default: {
      const s = r * 1.15;
      const t = r * 0.4; // plus
      return `M${f(-t)} ${f(-s)}H${f(t)}V${f(-t)}H${f(s)}V${f(t)}H${f(t)}V${f(s)}H${f(-t)}V${f(t)}H${f(-s)}V${f(-t)}H${f(-t)}Z`;
    }
  }
}

/** Mixes a #rrggbb colour with white: amount 0 gives white, 1 the colour itself. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = (shift: number): string => {
    const c = (n >> shift) & 255;
    const v = Math.round(255 + (c - 255) * amount);
    return v.toString(16).padStart(2, "0");
  };
  return `#${ch(16)}${ch(8)}${ch(0)}`;
}
