// add: a + b elementwise with broadcasting. Gradient: dy to each input, summed over broadcast axes.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary } from "./util.js";

const AddOp = registerOp("Add", (dy, { inputs: [a, b] }) => [unbroadcast(dy, a!.shape), unbroadcast(dy, b!.shape)]);

/**
 * Elementwise a + b with NumPy broadcasting.
 * @example add(tensor([[1], [2]]), tensor([10, 20])) // [[11, 21], [12, 22]]
 */
export function add(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp(AddOp, [x, y], broadcastBinary("add", x, y, (p, q) => p + q));
}
