// Shared helpers of the op kernels: argument coercion, dtype checks, broadcasting elementwise loops.
import { ShapeError } from "../errors.js";
import { type DType, type DataArray, allocate } from "../tensor/dtype.js";
import { broadcastIndex, broadcastShapes, fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";

/** A tensor, or a JavaScript number taken as a scalar of the other operand's dtype. */
export type TensorOrNumber = Tensor | number;

/** The shape of every scalar an op makes, shared (shapes are never mutated). */
export const SCALAR_SHAPE: readonly number[] = [];
const scalarCache: Record<DType, Map<number, Tensor>> = {
  float32: new Map(),
  float64: new Map(),
  int32: new Map(),
  bool: new Map(),
};

/**
 * Converts a number to a scalar tensor of `dtype`; passes tensors through. Scalars of constants
 * are cached (tensors are immutable), so `mul(x, 2)` in a loop allocates nothing for the 2.
 */
export function toTensor(x: TensorOrNumber, dtype: DType): Tensor {
  if (x instanceof Tensor) return x;
  const cache = scalarCache[dtype];
  const hit = Object.is(x, -0) ? undefined : cache.get(x);
  if (hit !== undefined) return hit;
  const v = allocate(dtype, 1);
  v[0] = dtype === "bool" ? (x !== 0 ? 1 : 0) : x;
  const t = kernelTensor(v, SCALAR_SHAPE, dtype);
  if (cache.size >= 1024) cache.clear();
  if (!Object.is(x, -0)) cache.set(x, t);
  return t;
}

/** The dtype that numbers take in a binary op: that of the tensor operand (float32 when both are numbers). */
export function operandDtype(a: TensorOrNumber, b: TensorOrNumber): DType {
  return a instanceof Tensor ? a.dtype : b instanceof Tensor ? b.dtype : "float32";
}

/** Coerces the two operands of a binary op; numbers take the dtype of the tensor operand. */
export function binaryOperands(a: TensorOrNumber, b: TensorOrNumber): [Tensor, Tensor] {
  const dtype = a instanceof Tensor ? a.dtype : b instanceof Tensor ? b.dtype : "float32";
  return [toTensor(a, dtype), toTensor(b, dtype)];
}

/** Throws a ShapeError naming `op` unless both tensors have the same dtype. */
export function checkSameDtype(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw new ShapeError(
      `${op}: dtypes differ: ${a.dtype} ${fmtShape(a.shape)} vs ${b.dtype} ${fmtShape(b.shape)}; cast one of them first`,
    );
  }
}

/** Throws a ShapeError naming `op` unless `t` is float32 or float64. */
export function checkFloat(op: string, t: Tensor): void {
  if (t.dtype !== "float32" && t.dtype !== "float64") {
    throw new ShapeError(`${op}: expects a float32 or float64 tensor, got ${t.dtype} ${fmtShape(t.shape)}; cast it first`);
  }
}

/** Throws a ShapeError naming `op` when `t` is a bool tensor (arithmetic needs float32, float64 or int32). */
export function checkNumeric(op: string, t: Tensor): void {
  if (t.dtype === "bool") {
    throw new ShapeError(`${op}: expects a numeric tensor, got bool ${fmtShape(t.shape)}; cast it first`);
  }
}

/** Codes of the arithmetic kernels that `arith` runs without a per-element function call. */
export const ARITH_ADD = 0;
/** a − b (see `arith`). */
export const ARITH_SUB = 1;
/** a · b (see `arith`). */
export const ARITH_MUL = 2;
/** a / b (see `arith`). */
export const ARITH_DIV = 3;

/**
 * Elementwise + − × ÷ (by `code`) with NumPy broadcasting: equal shapes and a one-element operand
 * run tight loops of their own (the common cases in training loops); the rest goes through
 * `broadcastBinary` with `f`. The result has `outDtype` (default: the inputs').
 */
export function arith(op: string, code: number, a: Tensor, b: Tensor, f: (x: number, y: number) => number, outDtype: DType = a.dtype): Tensor {
  if (a.dtype !== b.dtype) checkSameDtype(op, a, b);
  const av = a.dataSync();
  const bv = b.dataSync();
  let shape: readonly number[];
  let out: DataArray;
  if (sameShape(a.shape, b.shape)) {
    shape = a.shape;
    out = allocate(outDtype, av.length);
    const n = out.length;
    if (code === ARITH_ADD) for (let i = 0; i < n; i++) out[i] = (av[i] as number) + (bv[i] as number);
    else if (code === ARITH_SUB) for (let i = 0; i < n; i++) out[i] = (av[i] as number) - (bv[i] as number);
    else if (code === ARITH_MUL) for (let i = 0; i < n; i++) out[i] = (av[i] as number) * (bv[i] as number);
    else for (let i = 0; i < n; i++) out[i] = (av[i] as number) / (bv[i] as number);
  } else if (b.size === 1 && b.rank <= a.rank) {
    shape = a.shape;
    out = allocate(outDtype, av.length);
    const n = out.length;
    const q = bv[0] as number;
    if (code === ARITH_ADD) for (let i = 0; i < n; i++) out[i] = (av[i] as number) + q;
    else if (code === ARITH_SUB) for (let i = 0; i < n; i++) out[i] = (av[i] as number) - q;
    else if (code === ARITH_MUL) for (let i = 0; i < n; i++) out[i] = (av[i] as number) * q;
    else for (let i = 0; i < n; i++) out[i] = (av[i] as number) / q;
  } else if (a.size === 1 && a.rank <= b.rank) {
    shape = b.shape;
    out = allocate(outDtype, bv.length);
    const n = out.length;
    const p = av[0] as number;
    if (code === ARITH_ADD) for (let i = 0; i < n; i++) out[i] = p + (bv[i] as number);
    else if (code === ARITH_SUB) for (let i = 0; i < n; i++) out[i] = p - (bv[i] as number);
    else if (code === ARITH_MUL) for (let i = 0; i < n; i++) out[i] = p * (bv[i] as number);
    else for (let i = 0; i < n; i++) out[i] = p / (bv[i] as number);
  } else return broadcastBinary(op, a, b, f, outDtype);
  return kernelTensor(out, shape, outDtype);
}

/** Applies `f` elementwise with NumPy broadcasting; the result has dtype `outDtype` (default: the inputs'). */
export function broadcastBinary(
  op: string,
  a: Tensor,
  b: Tensor,
  f: (x: number, y: number) => number,
  outDtype: DType = a.dtype,
): Tensor {
  checkSameDtype(op, a, b);
  const av = a.dataSync();
  const bv = b.dataSync();
  if (sameShape(a.shape, b.shape)) {
    const out = allocate(outDtype, a.size);
    for (let i = 0; i < out.length; i++) out[i] = f(av[i] as number, bv[i] as number);
    return kernelTensor(out, a.shape, outDtype);
  }
  const shape = b.size === 1 && b.rank <= a.rank ? a.shape : a.size === 1 && a.rank <= b.rank ? b.shape : broadcastShapes(a.shape, b.shape, op);
  const out = allocate(outDtype, shapeSize(shape));
  if (b.size === 1 && shape.length === a.shape.length) {
    const y = bv[0] as number;
    for (let i = 0; i < out.length; i++) out[i] = f(av[i] as number, y);
  } else if (a.size === 1 && shape.length === b.shape.length) {
    const x = av[0] as number;
    for (let i = 0; i < out.length; i++) out[i] = f(x, bv[i] as number);
  } else {
    const ia = broadcastIndex(a.shape, shape);
    const ib = broadcastIndex(b.shape, shape);
    for (let i = 0; i < out.length; i++) out[i] = f(av[ia[i] as number] as number, bv[ib[i] as number] as number);
  }
  return kernelTensor(out, shape, outDtype);
}

/** Applies `f` to every element; the result has dtype `outDtype` (default: the input's). */
export function mapUnary(t: Tensor, f: (x: number) => number, outDtype: DType = t.dtype): Tensor {
  const v = t.dataSync();
  const out: DataArray = allocate(outDtype, t.size);
  for (let i = 0; i < out.length; i++) out[i] = f(v[i] as number);
  return kernelTensor(out, t.shape, outDtype);
}

function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Normalises an axis argument (number, list, or undefined = all) to sorted, unique, non-negative axes. */
export function normalizeAxes(op: string, axis: number | readonly number[] | undefined, rank: number): number[] {
  if (axis === undefined) {
    const all: number[] = [];
    for (let i = 0; i < rank; i++) all.push(i);
    return all;
  }
  if (typeof axis === "number" && Number.isInteger(axis) && axis >= -rank && axis < Math.max(rank, 1)) {
    return [axis < 0 ? axis + rank : axis];
  }
  const list: readonly number[] = typeof axis === "number" ? [axis] : axis;
  const out: number[] = [];
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as number;
    if (!Number.isInteger(a) || a < -rank || a >= Math.max(rank, 1)) {
      throw new ShapeError(`${op}: axis ${a} is out of range for a tensor of rank ${rank}`);
    }
    const n = a < 0 ? a + rank : a;
    if (out.length > 0 && n <= (out[out.length - 1] as number)) sorted = false;
    out.push(n);
  }
  if (sorted) return out;
  const unique = [...new Set(out)];
  unique.sort((x, y) => x - y);
  return unique;
}
