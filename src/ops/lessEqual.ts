// lessEqual: elementwise a ≤ b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const LE = (p: number, q: number): number => (p <= q ? 1 : 0);
const LessEqualOp = registerOp("LessEqual", null);

/**
 * Elementwise a ≤ b with NumPy broadcasting; the result is a bool tensor.
 * @example lessEqual(tensor([2, 5]), 2) // [true, false]
 */
export function lessEqual(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(LessEqualOp, x, y, broadcastBinary("lessEqual", x, y, LE, "bool"));
}
