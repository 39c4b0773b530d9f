// sub: a − b elementwise with broadcasting. Gradient: dy to a, −dy to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { neg } from "./neg.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_SUB, arith, binaryOperands } from "./util.js";

const SUB = (p: number, q: number): number => p - q;
const SubOp = registerOp("Sub", (dy, { inputs: [a, b] }, needs) => [
  needs[0] ? unbroadcast(dy, a!.shape) : null,
  needs[1] ? unbroadcast(neg(dy), b!.shape) : null,
]);

/**
 * Elementwise a − b with NumPy broadcasting.
 * @example sub(1, tensor([0.25, 0.75])) // [0.75, 0.25]
 */
export function sub(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp(SubOp, [x, y], arith("sub", ARITH_SUB, x, y, SUB));
}
