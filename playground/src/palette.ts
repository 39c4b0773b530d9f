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

/**
 * The marker of each class drawn around the current point, radius 6 px: a circle, a square, a
 * triangle and a diamond (relative path commands; index.html's class picker shows the same shapes).
 */
const MARKERS: readonly string[] = ["m-6,0a6,6 0 1,0 12,0a6,6 0 1,0-12,0z", "m-5.3-5.3h10.6v10.6h-10.6z", "m0-7.2l6.8,12.2h-13.6z", "m0-7.2l7.2,7.2-7.2,7.2-7.2-7.2z"];

/** SVG path of the marker of class c centred on pixel (x, y). */
export function markerPath(c: number, x: number, y: number): string {
  return `M${x.toFixed(1)},${y.toFixed(1)}${MARKERS[c % MAX_CLASSES]}`;
}
