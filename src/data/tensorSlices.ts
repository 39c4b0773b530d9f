// The row source behind Dataset.fromTensorSlices: the rows along the first axis of one or more
// tensors. Rows and runs of consecutive rows are views (subarrays) of the tensors' storage.
import { ShapeError } from "../errors.js";
import type { DataArray } from "../tensor/dtype.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { type DatasetElement, type ElementKind, buildElement, componentName, flattenElement } from "./element.js";
import type { RowSource } from "./indexStream.js";

interface Part {
  values: DataArray;
  rowShape: readonly number[];
  rowSize: number;
  dtype: Tensor["dtype"];
}

/** The rows along axis 0 of the component tensors of an element structure. */
export class TensorSlicesSource implements RowSource {
  /** The number of rows (the common first dimension). */
  readonly length: number;
  private readonly kind: ElementKind;
  private readonly parts: Part[];
  /** The tensors of the last slice, reused when the same rows are asked again (tensors are immutable). */
  private last: { start: number; end: number; tensors: Tensor[] } | null = null;

  /** Takes the storage of every component of `structure` (a snapshot: later Variable assignments do not show). */
  constructor(structure: DatasetElement) {
    const { kind, parts } = flattenElement(structure, "Dataset.fromTensorSlices");
    if (parts.length === 0) throw new ShapeError("Dataset.fromTensorSlices: the structure holds no tensor");
    let n = -1;
    this.parts = parts.map((t, i) => {
      if (t.rank === 0) {
        throw new ShapeError(`Dataset.fromTensorSlices: component ${componentName(kind, i)} is a scalar; slicing needs rank ≥ 1`);
      }
      const rows = t.shape[0] as number;
      if (n >= 0 && rows !== n) {
        const shapes = parts.map((p, j) => `${componentName(kind, j)} ${fmtShape(p.shape)}`).join(", ");
        throw new ShapeError(`Dataset.fromTensorSlices: components differ in their first dimension (${shapes}); they must have the same number of rows`);
      }
      n = rows;
      const rowShape = t.shape.slice(1);
      return { values: t.dataSync(), rowShape, rowSize: rows === 0 ? 0 : t.size / rows, dtype: t.dtype };
    });
    this.length = n;
    this.kind = kind;
  }

  /** Row `i` as a view. */
  row(i: number): DatasetElement {
    const out: Tensor[] = this.parts.map(
      (p) => new Tensor(p.values.subarray(i * p.rowSize, (i + 1) * p.rowSize), p.rowShape, p.dtype),
    );
    return buildElement(this.kind, out);
  }

  /** Rows [start, end) as a view of the storage (the same tensors as last time when the rows are the same, e.g. a full batch each epoch). */
  slice(start: number, end: number): DatasetElement {
    const last = this.last;
    if (last !== null && last.start === start && last.end === end) return buildElement(this.kind, last.tensors);
    const out: Tensor[] = this.parts.map(
      (p) => new Tensor(p.values.subarray(start * p.rowSize, end * p.rowSize), [end - start, ...p.rowShape], p.dtype),
    );
    this.last = { start, end, tensors: out };
    return buildElement(this.kind, out);
  }

  /** The listed rows, copied into new storage. */
  gather(indices: Int32Array, count: number): DatasetElement {
    const out: Tensor[] = this.parts.map((p) => {
      const src = p.values;
      const w = p.rowSize;
      const dst = new (src.constructor as new (n: number) => DataArray)(count * w);
      if (w === 1) {
        for (let k = 0; k < count; k++) dst[k] = src[indices[k] as number] as number;
      } else {
        for (let k = 0; k < count; k++) {
          const r = (indices[k] as number) * w;
          dst.set(src.subarray(r, r + w), k * w);
        }
      }
      return new Tensor(dst, [count, ...p.rowShape], p.dtype);
    });
    return buildElement(this.kind, out);
  }
}
