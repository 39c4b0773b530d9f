// meanGrad: dy / n spread over the reduced axes, the backward step of mean fused into one kernel.
// Its own gradient, for second derivatives: the mean of ddx over the same axes, in dy's shape.
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { broadcastIndex } from "../tensor/shape.js";
import { div } from "./div.js";
import { registerOp, runOp1 } from "./engine.js";
import { reshape } from "./reshape.js";
import { sum } from "./sum.js";

interface MeanGradSaved {
  axes: readonly number[] | undefined;
  count: number;
}

const MeanGradOp = registerOp("MeanGrad", (ddx, node) => {
  const dy = node.inputs[0] as Tensor;
  const { axes, count } = node.saved as MeanGradSaved;
  return [reshape(div(sum(ddx, axes), count), dy.shape)];
});

/**
 * The gradient of `mean` (internal): dy (the reduced shape, with or without the kept axes) divided
 * by `count` and broadcast back to `shape` (the mean's input), whose `axes` (undefined: all) were reduced.
 */
export function meanGrad(
  dy: Tensor,
  keptShape: readonly number[],
  shape: readonly number[],
  axes: readonly number[] | undefined,
  count: number,
): Tensor {
  const v = dy.dataSync();
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i] as number;
  const out = allocate(dy.dtype, size);
  if (v.length === 1) {
    const g = (v[0] as number) / count;
    for (let i = 0; i < size; i++) out[i] = g;
  } else {
    const idx = broadcastIndex(keptShape, shape);
    for (let i = 0; i < size; i++) out[i] = (v[idx[i] as number] as number) / count;
  }
  return runOp1(MeanGradOp, dy, kernelTensor(out, shape, dy.dtype), { axes, count } satisfies MeanGradSaved);
}
