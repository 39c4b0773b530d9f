// greaterEqual: elementwise a ≥ b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const GE = (p: number, q: number): number => (p >= q ? 1 : 0);
const GreaterEqualOp = registerOp("GreaterEqual", null);

/**
 * Elementwise a ≥ b with NumPy broadcasting; the result is a bool tensor.
 * @example greaterEqual(tensor([1, 2]), 2) // [false, true]
 */
export function greaterEqual(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(GreaterEqualOp, x, y, broadcastBinary("greaterEqual", x, y, GE, "bool"));
}
