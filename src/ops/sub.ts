// sub: a − b elementwise with broadcasting. Gradient: dy to a, −dy to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { neg } from "./neg.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const SubOp = registerOp("Sub", (dy, { inputs: [a, b] }) => [unbroadcast(dy, a!.shape), unbroadcast(neg(dy), b!.shape)]);

/**
 * Elementwise a − b with NumPy broadcasting.
 * @example sub(1, tensor([0.25, 0.75])) // [0.75, 0.25]
 */
export function sub(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp(SubOp, [x, y], broadcastBinary("sub", x, y, (p, q) => p - q));
}
