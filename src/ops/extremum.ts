// The shared forward kernel and gradient of the max and min reductions.
import { allocate } from "../tensor/dtype.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { cast } from "./cast.js";
import { div } from "./div.js";
import { equal } from "./equal.js";
import type { OpNode } from "./engine.js";
import { mul } from "./mul.js";
import { checkNonEmptyReduction } from "./reduceUtil.js";
import { reshape } from "./reshape.js";
import { reduceKernel, reducedShapes, sum } from "./sum.js";
import { checkNumeric, normalizeAxes } from "./util.js";

/** What max/min keep for their gradient. */
export interface ExtremumSaved {
  axes: number[];
  keptShape: number[];
}

/** Reduces `x` with Math.max or Math.min (NaN propagates); returns the output tensor and its saved values. */
export function extremumForward(
  op: "max" | "min",
  x: Tensor,
  axis: number | readonly number[] | undefined,
  keepDims: boolean,
): { out: Tensor; saved: ExtremumSaved } {
  checkNumeric(op, x);
  const axes = normalizeAxes(op, axis, x.rank);
  checkNonEmptyReduction(op, x.shape, axes);
  const { kept, dropped } = reducedShapes(x.shape, axes);
  const isMax = op === "max";
  let out;
  if (axes.length === x.rank) {
    const v = x.dataSync();
    let m = isMax ? -Infinity : Infinity;
    if (isMax) for (let i = 0; i < v.length; i++) m = Math.max(m, v[i] as number);
    else for (let i = 0; i < v.length; i++) m = Math.min(m, v[i] as number);
    out = allocate(x.dtype, 1);
    out[0] = m;
  } else {
    const acc = reduceKernel(x, axes, isMax ? -Infinity : Infinity, isMax ? Math.max : Math.min);
    out = allocate(x.dtype, acc.length);
    out.set(acc);
  }
  return { out: kernelTensor(out, keepDims ? kept : dropped, x.dtype), saved: { axes, keptShape: kept } };
}

/**
 * Gradient of max/min: dy split equally among the elements equal to the extremum (as TensorFlow's
 * reduce_max gradient does), written with ops so that it can be differentiated again.
 */
export function extremumGrad(dy: Tensor, node: OpNode): Tensor[] {
  const x = node.inputs[0] as Tensor;
  const { axes, keptShape } = node.saved as ExtremumSaved;
  const hits = cast(equal(x, reshape(node.output, keptShape)), x.dtype);
  const count = sum(hits, axes, true);
  return [mul(div(hits, count), reshape(dy, keptShape))];
}
