// square: x² elementwise. Gradient: 2·x·dy.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { checkNumeric, mapUnary } from "./util.js";

const SQUARE = (v: number): number => v * v;
const SquareOp = registerOp("Square", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  return [mul(dy, mul(x, 2))];
});

/**
 * Elementwise square.
 * @example square(tensor([-2, 3])) // [4, 9]
 */
export function square(x: Tensor): Tensor {
  checkNumeric("square", x);
  return runOp1(SquareOp, x, mapUnary(x, SQUARE));
}
