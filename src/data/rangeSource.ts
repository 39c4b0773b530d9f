// The row source behind Dataset.range: the int32 numbers start, start + step, … below stop.
import { Tensor } from "../tensor/tensor.js";
import type { DatasetElement } from "./element.js";
import type { RowSource } from "./indexStream.js";

const SCALAR: readonly number[] = Object.freeze([]);

/** An arithmetic progression of int32 values, one scalar per row. */
export class RangeSource implements RowSource {
  /** The number of values. */
  readonly length: number;
  private readonly start: number;
  private readonly step: number;

  /** The values start, start + step, … that lie before `stop`. */
  constructor(start: number, stop: number, step: number) {
    this.start = start;
    this.step = step;
    this.length = Math.max(0, Math.ceil((stop - start) / step));
  }

  /** Value `i` as an int32 scalar. */
  row(i: number): DatasetElement {
    const v = new Int32Array(1);
    v[0] = this.start + i * this.step;
    return new Tensor(v, SCALAR, "int32");
  }

  /** Values [start, end) as an int32 vector. */
  slice(start: number, end: number): DatasetElement {
    const v = new Int32Array(end - start);
    const s = this.step;
    let x = this.start + start * s;
    for (let k = 0; k < v.length; k++, x += s) v[k] = x;
    return new Tensor(v, [v.length], "int32");
  }

  /** The listed values as an int32 vector. */
  gather(indices: Int32Array, count: number): DatasetElement {
    const v = new Int32Array(count);
    const { start, step } = this;
    if (start === 0 && step === 1) v.set(indices.subarray(0, count));
    else for (let k = 0; k < count; k++) v[k] = start + (indices[k] as number) * step;
    return new Tensor(v, [count], "int32");
  }
}
