// notEqual: elementwise a ≠ b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const NE = (p: number, q: number): number => (p !== q ? 1 : 0);
const NotEqualOp = registerOp("NotEqual", null);

/**
 * Elementwise a ≠ b with NumPy broadcasting; the result is a bool tensor.
 * @example notEqual(tensor([1, 2]), tensor([1, 3])) // [false, true]
 */
export function notEqual(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(NotEqualOp, x, y, broadcastBinary("notEqual", x, y, NE, "bool"));
}
