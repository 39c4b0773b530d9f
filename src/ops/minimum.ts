// minimum: the smaller of a and b elementwise, with broadcasting.
// Gradient: dy to a where a ≤ b (ties go to a, as TensorFlow), to b elsewhere; reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary, checkNumeric } from "./util.js";
import { where } from "./where.js";

const A_WINS = (p: number, q: number): number => (p <= q ? 1 : 0);
const MinimumOp = registerOp("Minimum", (dy, node, needs) => {
  const a = node.inputs[0] as Tensor;
  const b = node.inputs[1] as Tensor;
  const aWins = broadcastBinary("minimum", a, b, A_WINS, "bool");
  return [
      needs[0] ? unbroadcast(where(aWins, dy, 0), a.shape) : null,
      needs[1] ? unbroadcast(where(aWins, 0, dy), b.shape) : null,
    ];
});

/**
 * Elementwise minimum with NumPy broadcasting (NaN propagates).
 * @example minimum(tensor([1, 5]), 3) // [1, 3]
 */
export function minimum(a: TensorOrNumber, b: TensorOrNumber): Tensor {
    const [x, y] = binaryOperands(a, b);
    checkNumeric("minimum", x);
    return runOp2(MinimumOp, x, y, broadcastBinary("minimum", x, y, Math.min));
}
