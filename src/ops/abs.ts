// abs: |x| elementwise. Gradient: dy · sign(x) (0 at x = 0, as TensorFlow).
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { checkNumeric, mapUnary } from "./util.js";

const AbsOp = registerOp("Abs", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  return [mul(dy, mapUnary(x, Math.sign))];
});

/**
 * Elementwise absolute value.
 * @example abs(tensor([-2, 3])) // [2, 3]
 */
export function abs(x: Tensor): Tensor {
  checkNumeric("abs", x);
  return runOp1(AbsOp, x, mapUnary(x, Math.abs));
}
