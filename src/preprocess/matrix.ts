// The two matrix forms the preprocessors accept (rows of numbers, or a flat typed array with its shape), read and rebuilt.
import { ShapeError, ValueError } from "../errors.js";

/** A dense row-major matrix given as a flat typed array and its shape [rows, columns]. */
export interface FlatMatrix<A extends Float64Array | Float32Array = Float64Array | Float32Array> {
  data: A;
  shape: readonly [number, number];
}

/** A matrix as rows of numbers or as a flat typed array with its shape. */
export type MatrixInput = readonly (readonly number[])[] | FlatMatrix;

/** The numbers of a matrix input, row-major, with its size (values checked finite). */
export interface DenseView {
  data: ArrayLike<number>;
  n: number;
  d: number;
}

/** True when X is the flat `{ data, shape }` form. */
export function isFlatMatrix(X: MatrixInput): X is FlatMatrix {
  return !Array.isArray(X) && typeof X === "object" && X !== null && "data" in X && "shape" in X;
}

/** Reads a matrix input into a row-major view, rejecting ragged rows and NaN or infinite values with their row and column. */
export function readMatrix(what: string, X: MatrixInput): DenseView {
  if (isFlatMatrix(X)) {
    const { data, shape } = X;
    if (!(data instanceof Float64Array || data instanceof Float32Array)) {
      throw new ValueError(`${what}: X.data must be a Float64Array or Float32Array`);
    }
    if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
      throw new ShapeError(`${what}: X.shape must be [rows, columns] of non-negative integers, got ${JSON.stringify(shape)}`);
    }
    const [n, d] = shape as [number, number];
    if (n * d !== data.length) {
      throw new ShapeError(`${what}: X.shape [${n}, ${d}] needs ${n * d} values but X.data has ${data.length}`);
    }
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i] as number)) badValue(what, data[i] as number, Math.floor(i / d), i % d);
    }
    return { data, n, d };
  }
  if (!Array.isArray(X)) throw new ValueError(`${what}: X must be an array of rows (number[][]) or { data, shape }`);
  const n = X.length;
  const first = X[0];
  const d = Array.isArray(first) ? first.length : 0;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row)) {
      throw new ShapeError(`${what}: X[${i}] is not an array: give X as rows of numbers`);
    }
    if (row.length !== d) {
      throw new ShapeError(`${what}: row ${i} of X has ${row.length} values but row 0 has ${d}: every row needs the same number of features`);
    }
    for (let j = 0; j < d; j++) {
      const v = row[j] as number;
      if (typeof v !== "number" || !Number.isFinite(v)) badValue(what, v, i, j);
      data[i * d + j] = v;
    }
  }
  return { data, n, d };
}

/** Builds the output in the same form as the input: rows for rows, the same typed-array class for a flat matrix. */
export function writeLike(X: MatrixInput, data: Float64Array, n: number, d: number): number[][] | FlatMatrix {
  if (isFlatMatrix(X)) {
    const out = X.data instanceof Float32Array ? new Float32Array(data) : data;
    return { data: out, shape: [n, d] };
  }
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(data.subarray(i * d, (i + 1) * d));
  return rows;
}

function badValue(what: string, v: unknown, i: number, j: number): never {
  throw new ValueError(
    `${what}: X has ${typeof v === "number" ? String(v) : typeof v} at row ${i}, column ${j} (0-based): remove or impute missing and infinite values first`,
  );
}
