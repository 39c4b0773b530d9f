// Helpers of the ops' first-order backward steps on storage (see BackwardFn in engine.ts).
import { sameShape } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import type { GradSink } from "./engine.js";

/**
 * How an input of an elementwise op lines up with the output gradient `dy`: 1 when it has dy's
 * shape, 0 when it is a single value of no higher rank (broadcast to every element), −1 otherwise
 * (general broadcasting, which the backward steps leave to the op's GradFn). Element k of dy then
 * goes with element k·stride of the input.
 */
export function strideAgainst(x: Tensor, dy: Tensor): number {
  if (sameShape(x.shape, dy.shape)) return 1;
  if (x.size === 1 && x.rank <= dy.rank) return 0;
  return -1;
}

/** Adds scale·dy to input i's gradient, summed into one value when `stride` is 0 (dy passes through as it is when scale is 1 and stride 1). */
export function addScaled(sink: GradSink, i: number, stride: number, dy: Tensor, scale: number): void {
  if (stride === 1 && scale === 1) {
    sink.add(i, dy);
    return;
  }
  const buf = sink.into(i);
  const dv = dy.dataSync();
  if (stride === 1) for (let k = 0; k < dv.length; k++) buf[k] = (buf[k] as number) + scale * (dv[k] as number);
  else {
    let s = 0;
    for (let k = 0; k < dv.length; k++) s += dv[k] as number;
    buf[0] = (buf[0] as number) + scale * s;
  }
}
