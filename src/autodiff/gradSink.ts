// The GradSink of a first-order backward pass: gradients accumulate in place (`+=`) into storage
// that the pass owns. A gradient that arrives first is kept as it is (often the upstream gradient
// passed through, as by add); it is copied only when a second one must be added to it.
import type { GradSink } from "../ops/engine.js";
import { type DataArray, allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";

/** A GradSink pointed at one node's inputs at a time (one per pass, so that a step allocates nothing for it). */
export class PassSink implements GradSink {
  /** The stamp of the pass: `t._tapeOwn === stamp` means t's gradient storage belongs to the pass and to t alone. */
  declare readonly stamp: number;
  declare needs: readonly boolean[];
  declare inputs: readonly Tensor[];

  /** A sink for the backward pass `stamp`. */
  constructor(stamp: number) {
    this.stamp = stamp;
    this.needs = [];
    this.inputs = [];
  }

  into(i: number): DataArray {
    return ownedGrad(this.inputs[i] as Tensor, this.stamp);
  }

  add(i: number, g: Tensor): void {
    const x = this.inputs[i] as Tensor;
    if (x._tapeGrad === null) {
      x._tapeGrad = g;
      return;
    }
    const buf = ownedGrad(x, this.stamp);
    const v = g.dataSync();
    for (let k = 0; k < buf.length; k++) buf[k] = (buf[k] as number) + (v[k] as number);
  }
}

/** The storage of x's gradient in pass `stamp`, made private to x first when it is new or shared. */
export function ownedGrad(x: Tensor, stamp: number): DataArray {
  const g = x._tapeGrad;
  if (g !== null && x._tapeOwn === stamp) return g.dataSync();
  const buf = allocate(x.dtype, x.size);
  if (g !== null) {
    const v = g.dataSync();
    for (let k = 0; k < buf.length; k++) buf[k] = v[k] as number;
  }
  x._tapeGrad = kernelTensor(buf, x.shape, x.dtype);
  x._tapeOwn = stamp;
  return buf;
}
