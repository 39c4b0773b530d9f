// tanh: hyperbolic tangent elementwise. Gradient: dy · (1 − tanh²x).
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { sub } from "./sub.js";
import { checkFloat, mapUnary } from "./util.js";

const TanhOp = registerOp("Tanh", (dy, { output }) => [mul(dy, sub(1, mul(output, output)))]);

/**
 * Elementwise hyperbolic tangent.
 * @example tanh(tensor([0, 100])) // [0, 1]
 */
export function tanh(x: Tensor): Tensor {
  checkFloat("tanh", x);
  return runOp1(TanhOp, x, mapUnary(x, Math.tanh));
}
