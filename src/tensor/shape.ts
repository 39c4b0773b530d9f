// Shapes: sizes, strides and NumPy broadcasting.
import { ShapeError } from "../errors.js";

/** Number of elements of a tensor of this shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Row-major strides of a shape, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

/** Formats a shape as `[2,3]` for messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/** True when both shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Checks that a shape is a list of non-negative integers; `op` names the caller in the error. */
export function checkShape(shape: readonly number[], op: string): void {
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) {
      throw new ShapeError(`${op}: invalid shape ${fmtShape(shape)}: dimensions must be non-negative integers`);
    }
  }
}

/** The NumPy broadcast of two shapes; throws a ShapeError naming `op` and both shapes when they do not broadcast. */
export function broadcastShapes(a: readonly number[], b: readonly number[], op: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da === db || db === 1) out.push(da);
    else if (da === 1) out.push(db);
    else {
      throw new ShapeError(
        `${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} do not broadcast (dimension ${i - rank} is ${da} vs ${db})`,
      );
    }
  }
  return out;
}

/**
 * For an input of shape `inShape` broadcast to `outShape`, the input's strides laid over the
 * output's axes (0 on broadcast axes). Used to walk the output in row-major order.
 */
export function broadcastStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const inStrides = stridesOf(inShape);
  const offset = outShape.length - inShape.length;
  const out = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < inShape.length; i++) {
    out[offset + i] = inShape[i] === 1 ? 0 : (inStrides[i] as number);
  }
  return out;
}

/**
 * The flat input index of every output element when `inShape` is broadcast to `outShape`,
 * in row-major output order.
 */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const size = sizeOf(outShape);
  const idx = new Int32Array(size);
  const rank = outShape.length;
  if (rank === 0) return idx;
  const bs = broadcastStrides(inShape, outShape);
  const counter = new Array<number>(rank).fill(0);
  let flat = 0;
  for (let o = 0; o < size; o++) {
    idx[o] = flat;
    for (let ax = rank - 1; ax >= 0; ax--) {
      const c = (counter[ax] as number) + 1;
      if (c < (outShape[ax] as number)) {
        counter[ax] = c;
        flat += bs[ax] as number;
        break;
      }
      counter[ax] = 0;
      flat -= (bs[ax] as number) * ((outShape[ax] as number) - 1);
    }
  }
  return idx;
}
