// Reading the inputs of LogisticRegression: X in any of its accepted forms into one row-major
// typed array (NaN and infinities rejected with their row and column), labels into sorted classes
// and class indices, and sample weights.
import { ShapeError, ValueError } from "../errors.js";
import type { DesignMatrix } from "../kernels/types.js";
import { allocDesignMatrix } from "../kernels/wasm/design-matrix.js";
import { copyToFloat32, firstNonFinite } from "./finite.js";
import type { Precision } from "./options.js";

/** A class label: a number or a string. */
export type ClassLabel = number | string;

/** A matrix given as a flat Float32Array/Float64Array with its shape [n, d]. */
export interface TypedMatrix {
  readonly data: Float32Array | Float64Array;
  readonly shape: readonly number[];
}

/** Anything with a shape and a dataSync() (e.g. a Tensor). */
export interface TensorLikeMatrix {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/** The accepted forms of X: rows of numbers, a flat typed array with its shape, or a 2-D tensor. */
export type Matrix = readonly (readonly number[])[] | TypedMatrix | TensorLikeMatrix;

/** The accepted forms of y: an array of numbers or of strings, a typed array, or a 1-D tensor. */
export type Labels = readonly ClassLabel[] | ArrayLike<number> | TensorLikeMatrix;

/** X read into row-major storage. */
export interface DenseMatrix {
  X: DesignMatrix;
  n: number;
  d: number;
  /** True when X is a new array made by readMatrix (free it with releaseDesignMatrix when done); false when it is the caller's own. */
  owned: boolean;
}

/** n·d above which precision "auto" stores X as float32. */
export const FLOAT64_MAX_ELEMENTS = 1_000_000;

function describe(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v;
}

function badValue(where: string, v: unknown, i: number, j: number): never {
  throw new ValueError(`${where}: X has ${describe(v)} at row ${i}, column ${j}; every feature value must be a finite number (impute or drop missing values first)`);
}

function storage(precision: Precision, n: number, d: number): Float32ArrayConstructor | Float64ArrayConstructor {
  const f64 = precision === "float64" || (precision === "auto" && n * d <= FLOAT64_MAX_ELEMENTS);
  return f64 ? Float64Array : Float32Array;
}

/** New n × d storage; float32 goes straight into the kernels' WebAssembly memory, so a fit holds one copy of X. */
function allocate(Ctor: Float32ArrayConstructor | Float64ArrayConstructor, n: number, d: number): Float32Array | Float64Array {
  return Ctor === Float32Array ? allocDesignMatrix(n, d) : new Float64Array(n * d);
}

function checkShape(where: string, shape: unknown): [number, number] {
  if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new ShapeError(`${where}: X.shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`);
  }
  if (shape.length !== 2) {
    throw new ShapeError(`${where}: X must be 2-D (n rows × d features), got shape [${shape.join(", ")}]; for one feature give each row as a one-element array`);
  }
  return [shape[0] as number, shape[1] as number];
}

function checkSize(where: string, n: number, d: number): void {
  if (n === 0) throw new ShapeError(`${where}: X has no rows; give at least one sample`);
  if (d === 0) throw new ShapeError(`${where}: X has ${n} rows but no features (shape [${n}, 0])`);
}

/** A value that does not fit the float32 storage chosen for X. */
class Float32Overflow extends ValueError {
  constructor(where: string, v: number, i: number, j: number) {
    super(
      `${where}: X has ${v} at row ${i}, column ${j}, beyond the float32 range (±3.4e38) of precision "float32"; rescale the feature (e.g. StandardScaler) or use precision "float64"`,
    );
  }
}

/**
 * Reads X into a Float64Array or Float32Array (per `precision`), rejecting ragged rows and non-finite values.
 * A value beyond the float32 range makes "auto" fall back to float64 (and is an error under "float32").
 */
export function readMatrix(where: string, X: unknown, precision: Precision): DenseMatrix {
  try {
    return readMatrixAs(where, X, precision);
  } catch (e) {
    if (e instanceof Float32Overflow && precision === "auto") return readMatrixAs(where, X, "float64");
    throw e;
  }
}

function readMatrixAs(where: string, X: unknown, precision: Precision): DenseMatrix {
  if (Array.isArray(X)) {
    const n = X.length;
    const first: unknown = X[0];
    if (n > 0 && !Array.isArray(first)) {
      throw new ShapeError(`${where}: X must be 2-D (an array of rows), but X[0] is ${describe(first)}; for one feature write [[x0], [x1], …]`);
    }
    const d = n > 0 ? (first as unknown[]).length : 0;
    checkSize(where, n, d);
    const out = allocate(storage(precision, n, d), n, d);
    for (let i = 0; i < n; i++) {
      const row: unknown = X[i];
      if (!Array.isArray(row)) throw new ShapeError(`${where}: X[${i}] is ${describe(row)}, not an array of numbers`);
      if (row.length !== d) throw new ShapeError(`${where}: row ${i} of X has ${row.length} values but row 0 has ${d}; every row needs the same number of features`);
      for (let j = 0; j < d; j++) {
        const v: unknown = row[j];
        if (typeof v !== "number" || !Number.isFinite(v)) badValue(where, v, i, j);
        out[i * d + j] = v as number;
        if (!Number.isFinite(out[i * d + j]!)) throw new Float32Overflow(where, v as number, i, j);
      }
    }
    return { X: out, n, d, owned: true };
  }
  if (typeof X !== "object" || X === null) {
    throw new ValueError(`${where}: X is ${describe(X)}; give rows of numbers (number[][]), { data: Float64Array | Float32Array, shape: [n, d] }, or a 2-D tensor`);
  }
  let values: ArrayLike<number>;
  let n: number;
  let d: number;
  if ("data" in X && "shape" in X) {
    const data: unknown = (X as TypedMatrix).data;
    if (!(data instanceof Float64Array || data instanceof Float32Array)) {
      throw new ValueError(`${where}: X.data must be a Float64Array or Float32Array`);
    }
    [n, d] = checkShape(where, (X as TypedMatrix).shape);
    values = data;
  } else if ("shape" in X && "dataSync" in X && typeof (X as TensorLikeMatrix).dataSync === "function") {
    [n, d] = checkShape(where, (X as TensorLikeMatrix).shape);
    values = (X as TensorLikeMatrix).dataSync();
  } else {
    throw new ValueError(`${where}: X is an object without data and shape; give rows of numbers (number[][]), { data, shape: [n, d] }, or a 2-D tensor`);
  }
  if (values.length !== n * d) throw new ShapeError(`${where}: X.shape [${n}, ${d}] needs ${n * d} values but X holds ${values.length}`);
  checkSize(where, n, d);
  const Ctor = storage(precision, n, d);
  // A typed array already of the storage type is used as it is (an allocDesignMatrix array is then never copied).
  const out = values instanceof Ctor ? (values as Float32Array | Float64Array) : allocate(Ctor, n, d);
  if (out === values) {
    const bad = firstNonFinite(out);
    if (bad >= 0) badValue(where, out[bad], Math.floor(bad / d), bad % d);
    return { X: out, n, d, owned: false };
  }
  // A typed array is converted and checked by tight loops; the element loop below only runs to name a bad value.
  if (values instanceof Float64Array && out instanceof Float32Array) {
    if (copyToFloat32(values, out) < 0) return { X: out, n, d, owned: true };
  } else if (values instanceof Float32Array) {
    out.set(values);
    if (firstNonFinite(values) < 0) return { X: out, n, d, owned: true };
  }
  for (let k = 0; k < n * d; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) badValue(where, v, Math.floor(k / d), k % d);
    if (out !== values) {
      out[k] = v;
      if (!Number.isFinite(out[k]!)) throw new Float32Overflow(where, v, Math.floor(k / d), k % d);
    }
  }
  return { X: out, n, d, owned: out !== values };
}

/** Reads labels into an array of numbers or strings (one kind only), checking the length. */
export function readLabels(where: string, y: unknown, n: number): ClassLabel[] {
  let arr: ArrayLike<unknown>;
  if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    arr = y as ArrayLike<unknown>;
  } else if (typeof y === "object" && y !== null && "dataSync" in y && "shape" in y) {
    const t = y as TensorLikeMatrix;
    if (t.shape.length !== 1 && !(t.shape.length === 2 && t.shape[1] === 1)) {
      throw new ShapeError(`${where}: y must be 1-D (one label per row), got shape [${t.shape.join(", ")}]`);
    }
    arr = t.dataSync();
  } else {
    throw new ValueError(`${where}: y is ${describe(y)}; give an array of labels (numbers or strings), a typed array, or a 1-D tensor`);
  }
  if (arr.length !== n) throw new ShapeError(`${where}: y has ${arr.length} labels but X has ${n} rows; give one label per row`);
  const out: ClassLabel[] = new Array<ClassLabel>(arr.length);
  let kind: "number" | "string" | undefined;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new ValueError(`${where}: y[${i}] is ${v}; numeric labels must be finite`);
    } else if (typeof v !== "string") {
      throw new ValueError(`${where}: y[${i}] is ${describe(v)}; labels must be numbers or strings`);
    }
    const k = typeof v as "number" | "string";
    if (kind === undefined) kind = k;
    else if (k !== kind) throw new ValueError(`${where}: y mixes numbers and strings (y[${i}] is ${describe(v)}); give every label as the same kind`);
    out[i] = v as ClassLabel;
  }
  return out;
}

/** Sorted distinct labels (numbers ascending, strings by UTF-16 code unit). */
export function sortedClasses(labels: readonly ClassLabel[]): ClassLabel[] {
  const distinct = [...new Set(labels)];
  if (distinct.length > 0 && typeof distinct[0] === "number") return (distinct as number[]).sort((a, b) => a - b);
  return (distinct as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Index of each label in classes (labels must all be among them). */
export function encodeLabels(labels: readonly ClassLabel[], classes: readonly ClassLabel[]): Int32Array {
  const map = new Map<ClassLabel, number>();
  classes.forEach((c, k) => map.set(c, k));
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = map.get(labels[i]!)!;
  return out;
}

/** Reads sample weights: length n, finite, ≥ 0, not all zero. */
export function readSampleWeight(where: string, sw: unknown, n: number): Float64Array {
  if (!(Array.isArray(sw) || ArrayBuffer.isView(sw))) {
    throw new ValueError(`${where}: sampleWeight must be an array or typed array of ${n} numbers, got ${describe(sw)}`);
  }
  const arr = sw as ArrayLike<unknown>;
  if (arr.length !== n) throw new ShapeError(`${where}: sampleWeight has ${arr.length} values but X has ${n} rows; give one weight per row`);
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new ValueError(`${where}: sampleWeight[${i}] is ${describe(v)}; sample weights must be finite numbers ≥ 0`);
    }
    out[i] = v;
    total += v;
  }
  if (!(total > 0)) throw new ValueError(`${where}: every sample weight is 0; at least one row must have a positive weight`);
  return out;
}
