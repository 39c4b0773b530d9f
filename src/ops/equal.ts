// equal: elementwise a = b with broadcasting, giving a bool tensor (NaN compares unequal). No gradient.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const EQ = (p: number, q: number): number => (p === q ? 1 : 0);
const EqualOp = registerOp("Equal", null);

/**
 * Elementwise a = b with NumPy broadcasting; the result is a bool tensor.
 * @example equal(tensor([1, 2]), tensor([1, 3])) // [true, false]
 */
export function equal(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp2(EqualOp, x, y, broadcastBinary("equal", x, y, EQ, "bool"));
}
