// sub: a − b elementwise with broadcasting. Gradient: dy to a, −dy to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { addScaled, strideAgainst } from "./backwardUtil.js";
import { registerOp, runOp2 } from "./engine.js";
import { neg } from "./neg.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_SUB, arith, operandDtype, toTensor } from "./util.js";

const SUB = (p: number, q: number): number => p - q;
const SubOp = registerOp(
  "Sub",
  (dy, node, needs) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    return [
      needs[0] ? unbroadcast(dy, a.shape) : null,
      needs[1] ? unbroadcast(neg(dy), b.shape) : null,
    ];
  },
  (dy, node, sink) => {
    const sa = strideAgainst(node.inputs[0] as Tensor, dy);
    const sb = strideAgainst(node.inputs[1] as Tensor, dy);
    if (sa < 0 || sb < 0) return false;
    if (sink.needs[0]) addScaled(sink, 0, sa, dy, 1);
    if (sink.needs[1]) {
      const own = sink.needs[0] ? null : sink.reuse(1);
      if (own !== null) for (let k = 0; k < own.length; k++) own[k] = -(own[k] as number);
      else addScaled(sink, 1, sb, dy, -1);
    }
    return true;
  },
);

/**
 * Elementwise a − b with NumPy broadcasting.
 * @example sub(1, tensor([0.25, 0.75])) // [0.75, 0.25]
 */
export function sub(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const dtype = operandDtype(a, b);
  const x = toTensor(a, dtype);
  const y = toTensor(b, dtype);
  return runOp2(SubOp, x, y, arith("sub", ARITH_SUB, x, y, SUB));
}
