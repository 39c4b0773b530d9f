// softmax along one axis: e^(x − m) / Σ e^(x − m) with m the maximum (never overflows).
// Gradient: out · (dy − Σ dy·out) along the axis.
import { allocate } from "../tensor/dtype.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { normalizeAxis, splitAxis } from "./reduceUtil.js";
import { sub } from "./sub.js";
import { sum } from "./sum.js";
import { checkFloat } from "./util.js";

const SoftmaxOp = registerOp("Softmax", (dy, { output, saved }) => [mul(output, sub(dy, sum(mul(dy, output), saved as number, true)))]);

/**
 * Softmax along `axis` (default −1, the last): non-negative values that sum to 1 along the axis.
 * @example softmax(tensor([[0, Math.log(3)]])) // [[0.25, 0.75]]
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  checkFloat("softmax", x);
  const ax = normalizeAxis("softmax", axis, x.shape);
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
      for (let j = 0; j < n; j++) {
        const e = Math.exp((v[base + j * inner] as number) - m);
        out[base + j * inner] = e;
        s += e;
      }
      for (let j = 0; j < n; j++) out[base + j * inner] = (out[base + j * inner] as number) / s;
    }
  }
  return runOp1(SoftmaxOp, x, kernelTensor(out, x.shape, x.dtype), ax);
}
