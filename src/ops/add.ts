// add: a + b elementwise with broadcasting. Gradient: dy to each input, summed over broadcast axes.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_ADD, arith, binaryOperands } from "./util.js";

const ADD = (p: number, q: number): number => p + q;
const AddOp = registerOp("Add", (dy, { inputs: [a, b] }, needs) => [
  needs[0] ? unbroadcast(dy, a!.shape) : null,
  needs[1] ? unbroadcast(dy, b!.shape) : null,
]);

/**
 * Elementwise a + b with NumPy broadcasting.
 * @example add(tensor([[1], [2]]), tensor([10, 20])) // [[11, 21], [12, 22]]
 */
export function add(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  return runOp(AddOp, [x, y], arith("add", ARITH_ADD, x, y, ADD));
}
