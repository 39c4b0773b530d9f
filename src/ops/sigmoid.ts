// sigmoid: 1 / (1 + e^(−x)), computed without overflow. Gradient: dy · σ(x) · (1 − σ(x)).
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { sigmoidGrad } from "./sigmoidGrad.js";
import { checkFloat } from "./util.js";

const SigmoidOp = registerOp(
  "Sigmoid",
  (dy, { output }) => [sigmoidGrad(output, dy)],
  (dy, { output }, sink) => {
    const yv = output.dataSync();
    const own = sink.reuse(0);
    if (own !== null) {
      for (let k = 0; k < own.length; k++) {
        const s = yv[k] as number;
        own[k] = (own[k] as number) * s * (1 - s);
      }
      return true;
    }
    const dv = dy.dataSync();
    const g = sink.into(0);
    for (let k = 0; k < g.length; k++) {
      const s = yv[k] as number;
      g[k] = (g[k] as number) + (dv[k] as number) * s * (1 - s);
    }
    return true;
  },
);

/** The logistic function of a number, stable for large |x|. */
export function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Elementwise logistic sigmoid, finite and exact in the tails.
 * @example sigmoid(tensor([0, 100])) // [0.5, 1]
 */
export function sigmoid(x: Tensor): Tensor {
  checkFloat("sigmoid", x);
  const v = x.dataSync();
  const out = allocate(x.dtype, v.length);
  for (let i = 0; i < out.length; i++) out[i] = sigmoidScalar(v[i] as number);
  return runOp1(SigmoidOp, x, kernelTensor(out, x.shape, x.dtype));
}
