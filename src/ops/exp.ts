// exp: e^x elementwise. Gradient: dy · e^x (the output).
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { mul } from "./mul.js";
import { checkFloat, mapUnary } from "./util.js";

const ExpOp = registerOp("Exp", (dy, { output }) => [mul(dy, output)]);

/**
 * Elementwise exponential.
 * @example exp(tensor([0, 1])) // [1, 2.7182817]
 */
export function exp(x: Tensor): Tensor {
  checkFloat("exp", x);
  return runOp(ExpOp, [x], mapUnary(x, Math.exp));
}
