// softplus: ln(1 + e^x), computed as max(x, 0) + ln(1 + e^(−|x|)) so it never overflows. Gradient: dy · σ(x).
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { sigmoid } from "./sigmoid.js";
import { checkFloat, mapUnary } from "./util.js";

const SoftplusOp = registerOp("Softplus", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  return [mul(dy, sigmoid(x))];
});

/** ln(1 + e^x) of a number, finite and exact for large |x|. */
export function softplusScalar(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Elementwise ln(1 + e^x), stable: softplus(1e4) = 1e4 and softplus(−1e4) = e^(−1e4) = 0.
 * @example softplus(tensor([0, 1000])) // [0.6931472, 1000]
 */
export function softplus(x: Tensor): Tensor {
  checkFloat("softplus", x);
  return runOp1(SoftplusOp, x, mapUnary(x, softplusScalar));
}
