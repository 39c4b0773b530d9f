// greater: elementwise a > b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const GT = (p: number, q: number): number => (p > q ? 1 : 0);
const GreaterOp = registerOp("Greater", null);

/**
 * Elementwise a > b with NumPy broadcasting; the result is a bool tensor.
 * @example greater(tensor([1, 5]), 2) // [false, true]
 */
export function greater(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(GreaterOp, x, y, broadcastBinary("greater", x, y, GT, "bool"));
}
