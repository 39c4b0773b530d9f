// sigmoidGrad: dy · y · (1 − y), the backward step of sigmoid given its output y, fused into one
// kernel (as TensorFlow's SigmoidGrad). Its own gradient, for second derivatives: ddx·dy·(1 − 2y)
// to y and ddx·y·(1 − y) to dy.
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { mul } from "./mul.js";
import { sub } from "./sub.js";

const SigmoidGradOp = registerOp("SigmoidGrad", (ddx, node, needs) => {
  const y = node.inputs[0] as Tensor;
  const dy = node.inputs[1] as Tensor;
  return [
    needs[0] ? mul(ddx, mul(dy, sub(1, mul(y, 2)))) : null,
    needs[1] ? sigmoidGrad(y, ddx) : null,
  ];
});

/** dy · y · (1 − y) elementwise, for y = sigmoid(x) and dy of y's shape (internal: sigmoid's gradient). */
export function sigmoidGrad(y: Tensor, dy: Tensor): Tensor {
  const yv = y.dataSync();
  const dv = dy.dataSync();
  const out = allocate(y.dtype, yv.length);
  for (let i = 0; i < out.length; i++) {
    const s = yv[i] as number;
    out[i] = (dv[i] as number) * s * (1 - s);
  }
  return runOp2(SigmoidGradOp, y, dy, kernelTensor(out, y.shape, y.dtype));
}
