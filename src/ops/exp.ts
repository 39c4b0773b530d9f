// exp: e^x elementwise. Gradient: dy · e^x (the output).
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { checkFloat } from "./util.js";

const ExpOp = registerOp(
  "Exp",
  (dy, { output }) => [mul(dy, output)],
  (dy, { output }, sink) => {
    const ov = output.dataSync();
    const own = sink.reuse(0);
    if (own !== null) {
      for (let k = 0; k < own.length; k++) own[k] = (own[k] as number) * (ov[k] as number);
      return true;
    }
    const dv = dy.dataSync();
    const g = sink.into(0);
    for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + (dv[k] as number) * (ov[k] as number);
    return true;
  },
);

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
