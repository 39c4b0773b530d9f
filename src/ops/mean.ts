// mean over axes (all by default), optionally keeping reduced dimensions. Gradient: dy / n broadcast back.
import { allocate, isFloat } from "../tensor/dtype.js";
import { Tensor } from "../tensor/tensor.js";
import { broadcastTo } from "./broadcastTo.js";
import { div } from "./div.js";
import { registerOp, runOp } from "./engine.js";
import { checkNonEmptyReduction } from "./reduceUtil.js";
import { reshape } from "./reshape.js";
import { reduceKernel, reducedShapes } from "./sum.js";
import { normalizeAxes } from "./util.js";

interface MeanSaved {
  keptShape: number[];
  count: number;
}

const MeanOp = registerOp("Mean", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const { keptShape, count } = node.saved as MeanSaved;
  return [broadcastTo(reshape(div(dy, count), keptShape), x.shape)];
});

/**
 * The arithmetic mean of `x` over `axis` (all axes when omitted); `keepDims` keeps reduced axes as
 * size 1. Float inputs keep their dtype; int32 and bool inputs give float32. Accumulates in float64.
 * Throws a ValueError when an axis reduced over is empty (NumPy would warn and return NaN).
 * @example mean(tensor([[1, 2], [3, 4]]), 1) // [1.5, 3.5]
 */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normalizeAxes("mean", axis, x.rank);
  checkNonEmptyReduction("mean", x.shape, axes);
  const { kept, dropped } = reducedShapes(x.shape, axes);
  const dtype = isFloat(x.dtype) ? x.dtype : "float32";
  let count = 1;
  for (const a of axes) count *= x.shape[a] as number;
  let out;
  if (axes.length === x.rank) {
    const v = x.dataSync();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    out = allocate(dtype, 1);
    out[0] = s / count;
  } else {
    const acc = reduceKernel(x, axes, 0, (a, b) => a + b);
    out = allocate(dtype, acc.length);
    for (let i = 0; i < acc.length; i++) out[i] = (acc[i] as number) / count;
  }
  return runOp(MeanOp, [x], new Tensor(out, keepDims ? kept : dropped, dtype), { keptShape: kept, count } satisfies MeanSaved);
}
