// log: natural logarithm elementwise (log 0 = −∞, log of a negative = NaN, as IEEE). Gradient: dy / x.
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { div } from "./div.js";
import { checkFloat } from "./util.js";

const LogOp = registerOp(
  "Log",
  (dy, node) => [div(dy, node.inputs[0] as Tensor)],
  (dy, node, sink) => {
    const xv = (node.inputs[0] as Tensor).dataSync();
    const own = sink.reuse(0);
    if (own !== null) {
      for (let k = 0; k < own.length; k++) own[k] = (own[k] as number) / (xv[k] as number);
      return true;
    }
    const dv = dy.dataSync();
    const g = sink.into(0);
    for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + (dv[k] as number) / (xv[k] as number);
    return true;
  },
);

/**
 * Elementwise natural logarithm.
 * @example log(tensor([1, Math.E])) // [0, 1]
 */
export function log(x: Tensor): Tensor {
  checkFloat("log", x);
  const v = x.dataSync();
  const out = allocate(x.dtype, v.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.log(v[i] as number);
  return runOp1(LogOp, x, kernelTensor(out, x.shape, x.dtype));
}
