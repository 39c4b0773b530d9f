// logSoftmax along one axis: x − m − ln Σ e^(x − m) with m the maximum (finite for any finite input).
// Gradient: dy − e^out · Σ dy along the axis.
import { allocate } from "../tensor/dtype.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { exp } from "./exp.js";
import { mul } from "./mul.js";
import { normalizeAxis, splitAxis } from "./reduceUtil.js";
import { sub } from "./sub.js";
import { sum } from "./sum.js";
import { checkFloat } from "./util.js";

const LogSoftmaxOp = registerOp("LogSoftmax", (dy, { output, saved }) => [sub(dy, mul(exp(output), sum(dy, saved as number, true)))]);

/**
 * The logarithm of softmax along `axis` (default −1), computed stably: logSoftmax([0, 1000]) = [−1000, 0].
 * @example logSoftmax(tensor([0, 0])) // [-0.6931472, -0.6931472]
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  checkFloat("logSoftmax", x);
  const ax = normalizeAxis("logSoftmax", axis, x.shape);
  const { outer, n, inner } = splitAxis(x.shape, ax);
  const v = x.dataSync();
  const out = allocate(x.dtype, x.size);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * n * inner + k;
      let m = -Infinity;
      for (let j = 0; j < n; j++) m = Math.max(m, v[base + j * inner] as number);
      if (!Number.isFinite(m)) m = 0;
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.exp((v[base + j * inner] as number) - m);
      const shift = m + Math.log(s);
      for (let j = 0; j < n; j++) out[base + j * inner] = (v[base + j * inner] as number) - shift;
    }
  }
  return runOp1(LogSoftmaxOp, x, kernelTensor(out, x.shape, x.dtype), ax);
}
