// The GradSink of a first-order backward pass: gradients accumulate in place (`+=`) into storage
// that the pass owns. A gradient that arrives first is kept as it is (often the upstream gradient
// passed through, as by add); it is copied only when a second one must be added to it.
import type { GradSink } from "../ops/engine.js";
import { type DataArray, allocate } from "../tensor/dtype.js";
import { sameShape } from "../tensor/shape.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";

/** A GradSink pointed at one node at a time (one per pass, so that a step allocates nothing for it). */
export class PassSink implements GradSink {
  /** The stamp of the pass: `t._tapeOwn === stamp` means t's gradient storage belongs to the pass and to t alone. */
  declare readonly stamp: number;
  /** The tensors whose gradients the caller asked for: their storage is never handed over. */
  declare readonly sources: readonly Tensor[];
  declare needs: readonly boolean[];
  declare inputs: readonly Tensor[];
  declare output: Tensor | null;

  /** A sink for the backward pass `stamp` towards `sources`. */
  constructor(stamp: number, sources: readonly Tensor[]) {
    this.stamp = stamp;
    this.sources = sources;
    this.needs = [];
    this.inputs = [];
    this.output = null;
  }

  into(i: number): DataArray {
    return ownedGrad(this.inputs[i] as Tensor, this.stamp);
  }

  add(i: number, g: Tensor): void {
    const x = this.inputs[i] as Tensor;
    if (x._tapeGrad === null) {
      x._tapeGrad = g;
      // the output's gradient is now shared: it must not be handed over any more
      const out = this.output;
      if (out !== null && out._tapeGrad === g) out._tapeOwn = 0;
      return;
    }
    const buf = ownedGrad(x, this.stamp);
    const v = g.dataSync();
    for (let k = 0; k < buf.length; k++) buf[k] = (buf[k] as number) + (v[k] as number);
  }

  reuse(i: number): DataArray | null {
    const out = this.output as Tensor;
    const x = this.inputs[i] as Tensor;
    const g = out._tapeGrad;
    if (g === null || out._tapeOwn !== this.stamp || x._tapeGrad !== null || x.dtype !== out.dtype || !sameShape(x.shape, out.shape)) return null;
    for (let k = 0; k < this.sources.length; k++) if (this.sources[k] === out) return null;
    out._tapeOwn = 0;
    x._tapeGrad = g;
    x._tapeOwn = this.stamp;
    return g.dataSync();
  }
}

/** The storage of x's gradient in pass `stamp`, made private to x first when it is new or shared. */
function ownedGrad(x: Tensor, stamp: number): DataArray {
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
