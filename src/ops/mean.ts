// mean over axes (all by default), optionally keeping reduced dimensions. Gradient: dy / n broadcast back.
import { allocate, isFloat } from "../tensor/dtype.js";
import { broadcastIndex } from "../tensor/shape.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { isRecording, registerOp, runOp1 } from "./engine.js";
import { meanGrad } from "./meanGrad.js";
import { checkNonEmptyReduction } from "./reduceUtil.js";
import { onesShape, reduceKernel, reducedShapes } from "./sum.js";
import { SCALAR_SHAPE, normalizeAxes } from "./util.js";

interface MeanSaved {
  keptShape: readonly number[];
  /** The reduced axes; undefined for all of them. */
  axes: number[] | undefined;
  count: number;
}

const ADD = (a: number, b: number): number => a + b;

const MeanOp = registerOp(
  "Mean",
  (dy, node) => {
    const x = node.inputs[0] as Tensor;
    const { keptShape, axes, count } = node.saved as MeanSaved;
    return [meanGrad(dy, keptShape, x.shape, axes, count)];
  },
  (dy, node, sink) => {
    const x = node.inputs[0] as Tensor;
    const { keptShape, count } = node.saved as MeanSaved;
    const dv = dy.dataSync();
    const g = sink.into(0);
    if (dv.length === 1) {
      const q = (dv[0] as number) / count;
      for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + q;
    } else {
      const idx = broadcastIndex(keptShape, x.shape);
      for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + (dv[idx[k] as number] as number) / count;
    }
    return true;
  },
);

/**
 * The arithmetic mean of `x` over `axis` (all axes when omitted); `keepDims` keeps reduced axes as
 * size 1. Float inputs keep their dtype; int32 and bool inputs give float32. Accumulates in float64.
 * Throws a ValueError when an axis reduced over is empty (NumPy would warn and return NaN).
 * @example mean(tensor([[1, 2], [3, 4]]), 1) // [1.5, 3.5]
 */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const dtype = isFloat(x.dtype) ? x.dtype : "float32";
  if (axis === undefined) {
    if (x.size === 0) checkNonEmptyReduction("mean", x.shape, x.shape.map((_, i) => i));
    const v = x.dataSync();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    const out = allocate(dtype, 1);
    out[0] = s / v.length;
    const out_ = kernelTensor(out, keepDims ? onesShape(x.rank) : SCALAR_SHAPE, dtype);
    if (!isRecording()) return out_;
    return runOp1(MeanOp, x, out_, { keptShape: onesShape(x.rank), axes: undefined, count: v.length } satisfies MeanSaved);
  }
  const axes = normalizeAxes("mean", axis, x.rank);
  checkNonEmptyReduction("mean", x.shape, axes);
  const { kept, dropped } = reducedShapes(x.shape, axes);
  let count = 1;
  for (const a of axes) count *= x.shape[a] as number;
  const acc = reduceKernel(x, axes, 0, ADD);
  const out = allocate(dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = (acc[i] as number) / count;
  return runOp1(MeanOp, x, kernelTensor(out, keepDims ? kept : dropped, dtype), { keptShape: kept, axes, count } satisfies MeanSaved);
}
