// Shared helpers of the reducing ops (mean, max, min, logSumExp, softmax, argMax): index maps and checks.
import { ShapeError, ValueError } from "../errors.js";
import { fmtShape, stridesOf } from "../tensor/shape.js";

/**
 * For reducing `shape` over `axes`: the flat output index of every input element, in row-major
 * input order. The output is laid out as the input shape with the reduced axes removed.
 */
export function reductionIndex(shape: readonly number[], axes: readonly number[]): Int32Array {
  const rank = shape.length;
  let size = 1;
  for (const s of shape) size *= s;
  const idx = new Int32Array(size);
  if (rank === 0 || size === 0) return idx;
  const kept = shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const outStrides = stridesOf(kept);
  const step = shape.map((_, i) => (axes.includes(i) ? 0 : (outStrides[i] as number)));
  const counter = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < size; i++) {
    idx[i] = o;
    for (let ax = rank - 1; ax >= 0; ax--) {
      const c = (counter[ax] as number) + 1;
      if (c < (shape[ax] as number)) {
        counter[ax] = c;
        o += step[ax] as number;
        break;
      }
      counter[ax] = 0;
      o -= (step[ax] as number) * ((shape[ax] as number) - 1);
    }
  }
  return idx;
}

/** Splits `shape` around one (non-negative) axis into the sizes before it, along it, and after it. */
export function splitAxis(shape: readonly number[], axis: number): { outer: number; n: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i] as number;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i] as number;
  return { outer, n: shape[axis] as number, inner };
}

/** Normalises a single axis (negative counts from the end); throws a ShapeError naming `op` when out of range. */
export function normalizeAxis(op: string, axis: number, shape: readonly number[]): number {
  const rank = shape.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ShapeError(`${op}: axis ${axis} is out of range for a tensor of shape ${fmtShape(shape)} (rank ${rank})`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Throws a ValueError naming `op` when some output element would reduce over no elements
 * (an empty axis), where a max, min or mean has no value.
 */
export function checkNonEmptyReduction(op: string, shape: readonly number[], axes: readonly number[]): void {
  let reduced = 1;
  let rest = 1;
  for (let i = 0; i < shape.length; i++) {
    if (axes.includes(i)) reduced *= shape[i] as number;
    else rest *= shape[i] as number;
  }
  if (reduced === 0 && rest > 0) {
    throw new ValueError(
      `${op}: cannot reduce over an empty axis of shape ${fmtShape(shape)} (axes [${axes.join(",")}]): ${op} of no elements is undefined; check the input is not empty`,
    );
  }
}
