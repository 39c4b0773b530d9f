// less: elementwise a < b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const LT = (p: number, q: number): number => (p < q ? 1 : 0);
const LessOp = registerOp("Less", null);

/**
 * Elementwise a < b with NumPy broadcasting; the result is a bool tensor.
 * @example less(tensor([1, 5]), 2) // [true, false]
 */
export function less(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(LessOp, x, y, broadcastBinary("less", x, y, LT, "bool"));
}
