// Class colours and marker shapes (shape as well as colour, so the classes differ without colour too).

/** Number of classes the plane offers. */
export const MAX_CLASSES = 4;

/** RGB of each class (blue, orange, green, purple). */
export const CLASS_RGB: readonly (readonly [number, number, number])[] = [
  [37, 99, 235],
  [234, 88, 12],
  [22, 163, 74],
  [147, 51, 234],
];

/** CSS colour of a class. */
export function classColor(c: number): string {
  const [r, g, b] = CLASS_RGB[c] ?? [100, 100, 100];
  return `rgb(${r} ${g} ${b})`;
}

/** Names of the marker shapes, for labels read aloud. */
export const CLASS_SHAPES: readonly string[] = ["circle", "square", "triangle", "diamond"];

/** SVG path of the marker of class c centred on (x, y), radius r. */
export function markerPath(c: number, x: number, y: number, r: number): string {
  const f = (v: number): string => v.toFixed(1);
  switch (c % MAX_CLASSES) {
    case 0:
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 1: {
      const s = r * 0.88;
      return `M${f(x - s)},${f(y - s)}h${f(2 * s)}v${f(2 * s)}h${f(-2 * s)}Z`;
    }
    case 2: {
      const s = r * 1.2;
      return `M${f(x)},${f(y - s)}L${f(x + s * 0.95)},${f(y + s * 0.7)}L${f(x - s * 0.95)},${f(y + s * 0.7)}Z`;
    }
    default: {
      const s = r * 1.2;
      return `M${f(x)},${f(y - s)}L${f(x + s)},${f(y)}L${f(x)},${f(y + s)}L${f(x - s)},${f(y)}Z`;
    }
  }
}
