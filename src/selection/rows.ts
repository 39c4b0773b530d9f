// Row selection for the inputs model selection splits: plain arrays (of rows or labels) and flat typed matrices.
import { ShapeError, ValueError } from "../errors.js";
import { isFlatMatrix, type FlatMatrix, type MatrixInput } from "../preprocess/matrix.js";

/** What can be split by rows: an array (one entry per row) or a flat `{ data, shape }` matrix. */
export type RowsInput = readonly unknown[] | FlatMatrix | ArrayLike<unknown>;

/** The number of rows of an input. */
export function nRows(what: string, X: RowsInput | MatrixInput): number {
  if (typeof X === "object" && X !== null && !Array.isArray(X) && isFlatMatrix(X as MatrixInput)) {
    const { data, shape } = X as FlatMatrix;
    if (!Array.isArray(shape) || shape.length !== 2 || (shape[0] as number) * (shape[1] as number) !== data.length) {
      throw new ShapeError(`${what}: X.shape ${JSON.stringify(shape)} does not match X.data's ${data.length} values`);
    }
    return shape[0];
  }
  if (typeof X !== "object" || X === null || typeof (X as ArrayLike<unknown>).length !== "number") {
    throw new ValueError(`${what}: X must be an array of rows or { data, shape }`);
  }
  return (X as ArrayLike<unknown>).length;
}

/** The rows of X at the given indices, in that order, in the same form as X (arrays become plain arrays). */
export function takeRows<M>(X: M, index: readonly number[]): M {
  if (typeof X === "object" && X !== null && !Array.isArray(X) && isFlatMatrix(X as unknown as MatrixInput)) {
    const { data, shape } = X as unknown as FlatMatrix;
    const d = shape[1];
    const out = data instanceof Float32Array ? new Float32Array(index.length * d) : new Float64Array(index.length * d);
    index.forEach((r, i) => out.set(data.subarray(r * d, (r + 1) * d), i * d));
    return { data: out, shape: [index.length, d] } as unknown as M;
  }
  const arr = X as unknown as ArrayLike<unknown>;
  return index.map((r) => arr[r]) as unknown as M;
}
