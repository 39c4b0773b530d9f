// mul: a · b elementwise with broadcasting. Gradient: dy·b to a and dy·a to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_MUL, arith, binaryOperands } from "./util.js";

const MUL = (p: number, q: number): number => p * q;
const MulOp = registerOp("Mul", (dy, { inputs: [a, b] }, needs) => [
  needs[0] ? unbroadcast(mul(dy, b!), a!.shape) : null,
  needs[1] ? unbroadcast(mul(dy, a!), b!.shape) : null,
]);

/**
 * Elementwise a · b with NumPy broadcasting.
 * @example mul(tensor([1, 2, 3]), 2) // [2, 4, 6]
 */
export function mul(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp(MulOp, [x, y], arith("mul", ARITH_MUL, x, y, MUL));
}
