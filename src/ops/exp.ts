// exp: e^x elementwise. Gradient: dy · e^x (the output).
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { checkFloat } from "./util.js";

const ExpOp = registerOp("Exp", (dy, { output }) => [mul(dy, output)]);

/**
 * Elementwise exponential.
 * @example exp(tensor([0, 1])) // [1, 2.7182817]
 */
export function exp(x: Tensor): Tensor {
  checkFloat("exp", x);
  const v = x.dataSync();
  const out = allocate(x.dtype, v.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(v[i] as number);
  return runOp1(ExpOp, x, kernelTensor(out, x.shape, x.dtype));
}
