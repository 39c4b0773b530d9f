// Creating tensors: from values, constant fills, and seeded random draws.
import { ShapeError, ValueError } from "../errors.js";
import { type DType, type DataArray, allocate, convert, dtypeOfArray } from "./dtype.js";
import { Rng, nextDefaultSeed } from "./random.js";
import { checkShape, fmtShape, sizeOf } from "./shape.js";
import { Tensor, type NestedArray } from "./tensor.js";

/** Values accepted by `tensor`: a number, boolean, nested arrays of them, or a typed array. */
export type TensorLike = number | boolean | NestedArray | readonly NestedArray[] | DataArray | readonly number[];

function inferShape(values: unknown, op: string): number[] {
  const shape: number[] = [];
  let v = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  // check that the nesting is rectangular
  const check = (x: unknown, axis: number, path: string): void => {
    if (axis === shape.length) {
      if (Array.isArray(x)) throw new ShapeError(`${op}: ragged nested array at ${path || "top"}: expected a value, found an array`);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[axis]) {
      throw new ShapeError(
        `${op}: ragged nested array at ${path || "top"}: expected length ${shape[axis]}, found ${Array.isArray(x) ? x.length : "a value"}`,
      );
    }
    for (let i = 0; i < x.length; i++) check(x[i], axis + 1, `${path}[${i}]`);
  };
  check(values, 0, "");
  return shape;
}

function flatten(values: unknown, out: number[]): void {
  if (Array.isArray(values)) for (const v of values) flatten(v, out);
  else if (typeof values === "boolean") out.push(values ? 1 : 0);
  else if (typeof values === "number") out.push(values);
  else throw new ValueError(`tensor: values must be numbers or booleans, found ${typeof values}`);
}

function firstLeaf(values: unknown): unknown {
  let v = values;
  while (Array.isArray(v)) v = v[0];
  return v;
}

/**
 * Creates a tensor from values (nested arrays, a typed array, a number or boolean).
 * @example tensor([[1, 2], [3, 4]]) // float32, shape [2, 2]
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  if (ArrayBuffer.isView(values)) {
    const arr = values as DataArray;
    const dt = dtype ?? dtypeOfArray(arr);
    const sh = shape ?? [arr.length];
    checkShape(sh, "tensor");
    if (sizeOf(sh) !== arr.length) {
      throw new ShapeError(`tensor: ${arr.length} values do not fill shape ${fmtShape(sh)}`);
    }
    const storage = dtypeOfArray(arr) === dt ? arr.slice() : convert(arr, dt);
    return new Tensor(storage, sh, dt);
  }
  const inferred = inferShape(values, "tensor");
  const flat: number[] = [];
  flatten(values, flat);
  const dt = dtype ?? (typeof firstLeaf(values) === "boolean" ? "bool" : "float32");
  const sh = shape ?? inferred;
  checkShape(sh, "tensor");
  if (sizeOf(sh) !== flat.length) {
    throw new ShapeError(`tensor: ${flat.length} values do not fill shape ${fmtShape(sh)}`);
  }
  return new Tensor(convert(flat, dt), sh, dt);
}

/** A rank-0 tensor. @example scalar(3.5) */
export function scalar(value: number | boolean, dtype?: DType): Tensor {
  return tensor(value, [], dtype);
}

/** A tensor of `shape` filled with `value`. @example fill([2, 3], 7) */
export function fill(shape: readonly number[], value: number | boolean, dtype?: DType): Tensor {
  checkShape(shape, "fill");
  const dt = dtype ?? (typeof value === "boolean" ? "bool" : "float32");
  const out = allocate(dt, sizeOf(shape));
  const v = typeof value === "boolean" ? (value ? 1 : 0) : value;
  out.fill(dt === "bool" ? (v !== 0 ? 1 : 0) : dt === "int32" ? Math.trunc(v) : v);
  return new Tensor(out, shape, dt);
}

/** A tensor of zeros. @example zeros([2, 1]) */
export function zeros(shape: readonly number[], dtype: DType = "float32"): Tensor {
  checkShape(shape, "zeros");
  return fill(shape, 0, dtype);
}

/** A tensor of ones. @example ones([3]) */
export function ones(shape: readonly number[], dtype: DType = "float32"): Tensor {
  checkShape(shape, "ones");
  return fill(shape, 1, dtype);
}

/** Zeros with the shape and dtype of `t`. */
export function zerosLike(t: Tensor): Tensor {
  return zeros(t.shape, t.dtype);
}

/** Ones with the shape and dtype of `t`. */
export function onesLike(t: Tensor): Tensor {
  return ones(t.shape, t.dtype);
}

/** Options of the seeded random creators. */
export interface RandomOptions {
  /** Seed of the generator: the same seed gives the same numbers on every platform. */
  seed?: number;
  /** float32 (default) or float64. */
  dtype?: "float32" | "float64";
}

/** Normally distributed values. @example randomNormal([2, 3], { mean: 0, stddev: 1, seed: 42 }) */
export function randomNormal(shape: readonly number[], options: RandomOptions & { mean?: number; stddev?: number } = {}): Tensor {
  checkShape(shape, "randomNormal");
  const { mean = 0, stddev = 1, dtype = "float32" } = options;
  const rng = new Rng(options.seed ?? nextDefaultSeed());
  const out = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = mean + stddev * rng.nextNormal();
  return new Tensor(out, shape, dtype);
}

/** Uniformly distributed values in [minval, maxval). @example randomUniform([4], { minval: -1, maxval: 1, seed: 1 }) */
export function randomUniform(shape: readonly number[], options: RandomOptions & { minval?: number; maxval?: number } = {}): Tensor {
  checkShape(shape, "randomUniform");
  const { minval = 0, maxval = 1, dtype = "float32" } = options;
  const rng = new Rng(options.seed ?? nextDefaultSeed());
  const out = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = minval + (maxval - minval) * rng.nextFloat();
  return new Tensor(out, shape, dtype);
}
