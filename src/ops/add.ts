// add: a + b elementwise with broadcasting. Gradient: dy to each input, summed over broadcast axes.
import type { Tensor } from "../tensor/tensor.js";
import { addScaled, strideAgainst } from "./backwardUtil.js";
import { registerOp, runOp2 } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_ADD, arith, operandDtype, toTensor } from "./util.js";

const ADD = (p: number, q: number): number => p + q;
const AddOp = registerOp(
  "Add",
  (dy, node, needs) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    return [
      needs[0] ? unbroadcast(dy, a.shape) : null,
      needs[1] ? unbroadcast(dy, b.shape) : null,
    ];
  },
  (dy, node, sink) => {
    const sa = strideAgainst(node.inputs[0] as Tensor, dy);
    const sb = strideAgainst(node.inputs[1] as Tensor, dy);
    if (sa < 0 || sb < 0) return false;
    if (sink.needs[0]) addScaled(sink, 0, sa, dy, 1);
    if (sink.needs[1]) addScaled(sink, 1, sb, dy, 1);
    return true;
  },
);

/**
 * Elementwise a + b with NumPy broadcasting.
 * @example add(tensor([[1], [2]]), tensor([10, 20])) // [[11, 21], [12, 22]]
 */
export function add(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const dtype = operandDtype(a, b);
  const x = toTensor(a, dtype);
  const y = toTensor(b, dtype);
  return runOp2(AddOp, x, y, arith("add", ARITH_ADD, x, y, ADD));
}
