// relu: max(x, 0) elementwise. Gradient: dy where x > 0, else 0 (0 at x = 0, as TensorFlow).
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { checkNumeric, mapUnary } from "./util.js";
import { where } from "./where.js";

const POSITIVE = (v: number): number => (v > 0 ? 1 : 0);
const RELU = (v: number): number => (v < 0 ? 0 : v);
const ReluOp = registerOp("Relu", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  return [where(mapUnary(x, POSITIVE, "bool"), dy, 0)];
});

/**
 * Elementwise rectified linear unit, max(x, 0) (NaN stays NaN).
 * @example relu(tensor([-1, 2])) // [0, 2]
 */
export function relu(x: Tensor): Tensor {
  checkNumeric("relu", x);
  return runOp1(ReluOp, x, mapUnary(x, RELU));
}
