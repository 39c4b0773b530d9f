// The Tensor: typed-array storage, a shape and a dtype. Immutable from the outside; ops make new tensors.
import { ShapeError } from "../errors.js";
import { type DType, type DataArray, dtypeOfArray } from "./dtype.js";
import { checkShape, fmtShape, sizeOf } from "./shape.js";
import { formatTensor } from "./format.js";

/** A nested array of numbers or booleans, as returned by `arraySync()`. */
export type NestedArray = number | boolean | NestedArray[];

let nextTensorId = 0;
/** Ids handed out so far, made on first use (most tensors never need one; a field would cost every tensor 8 bytes). */
const tensorIds = new WeakMap<Tensor, number>();
let trusted = false;

/**
 * Wraps the output of an op kernel without validating it (the op has already checked it). `shape`
 * must be a fresh array or another tensor's shape, never a caller's array: it is shared, not copied.
 * Internal: ops use it to keep per-op overhead small; everyone else uses `new Tensor`.
 */
export function kernelTensor(values: DataArray, shape: readonly number[], dtype: DType): Tensor {
  trusted = true;
  return new Tensor(values, shape, dtype);
}

/**
 * An n-dimensional array of one dtype, stored row-major in a typed array.
 * (Fields are `declare`d and set in the constructor: class-field initialisers would cost more than
 * the rest of a small op.)
 */
export class Tensor {
  /** The dimensions, outermost first; `[]` for a scalar. Read-only: never mutate it (it may be shared between tensors). */
  declare readonly shape: readonly number[];
  /** The data type. */
  declare readonly dtype: DType;
  /** The storage; replaced (never resized) only by `Variable.assign`. */
  declare protected values: DataArray;
  /** @internal Gradient-tape bookkeeping: the stamp of the backward pass that last reached this tensor. */
  declare _tapeMark: number;
  /** @internal Gradient-tape bookkeeping: the gradient accumulated for this tensor during that pass. */
  declare _tapeGrad: Tensor | null;
  /** @internal Gradient-tape bookkeeping: the stamp of the pass whose `_tapeGrad` storage this tensor owns (may add into). */
  declare _tapeOwn: number;

  /** Wraps `values` (not copied) as a tensor of `shape` (copied); the typed array must match `dtype`. */
  constructor(values: DataArray, shape: readonly number[], dtype: DType = dtypeOfArray(values)) {
    if (trusted) trusted = false;
    else {
      checkShape(shape, "Tensor");
      const size = sizeOf(shape);
      if (values.length !== size) {
        throw new ShapeError(`Tensor: ${values.length} values do not fill shape ${fmtShape(shape)} (${size} elements)`);
      }
      if (dtypeOfArray(values) !== dtype) {
        throw new ShapeError(`Tensor: storage ${values.constructor.name} does not hold dtype ${dtype}`);
      }
      // A private copy, as a packed array of small integers: every tensor's shape then has the same
      // array layout, which keeps shape comparisons in the ops monomorphic (and fast).
      const own: number[] = [];
      for (let i = 0; i < shape.length; i++) own.push((shape[i] as number) | 0);
      shape = own;
    }
    this.shape = shape;
    this.dtype = dtype;
    this.values = values;
    this._tapeMark = 0;
    this._tapeGrad = null;
    this._tapeOwn = 0;
  }

  /** A unique id (given on first use), e.g. to key a map by tensor. */
  get id(): number {
    let id = tensorIds.get(this);
    if (id === undefined) {
      id = nextTensorId++;
      tensorIds.set(this, id);
    }
    return id;
  }

  /** The number of elements. */
  get size(): number {
    return this.values.length;
  }

  /** The number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** The values as a flat typed array, row-major. Treat it as read-only: it is the tensor's storage. */
  dataSync(): DataArray {
    return this.values;
  }

  /** The values as nested JavaScript arrays (a number or boolean for a scalar). */
  arraySync(): NestedArray {
    const v = this.values;
    const isBool = this.dtype === "bool";
    const at = (i: number): number | boolean => (isBool ? v[i] !== 0 : (v[i] as number));
    if (this.shape.length === 0) return at(0);
    const build = (axis: number, offset: number, stride: number): NestedArray[] => {
      const dim = this.shape[axis] as number;
      const inner = stride / (dim === 0 ? 1 : dim);
      const out: NestedArray[] = [];
      for (let i = 0; i < dim; i++) {
        out.push(axis === this.shape.length - 1 ? at(offset + i) : build(axis + 1, offset + i * inner, inner));
      }
      return out;
    };
    return build(0, 0, this.size);
  }

  /** A readable rendering: dtype, shape and the values, summarised when large. */
  toString(): string {
    return formatTensor(this.values, this.shape, this.dtype, this.constructor.name);
  }
}
