// mul: a · b elementwise with broadcasting. Gradient: dy·b to a and dy·a to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { strideAgainst } from "./backwardUtil.js";
import { registerOp, runOp2 } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_MUL, arith, operandDtype, toTensor } from "./util.js";

const MUL = (p: number, q: number): number => p * q;
const MulOp = registerOp(
  "Mul",
  (dy, node, needs) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    return [
      needs[0] ? unbroadcast(mul(dy, b), a.shape) : null,
      needs[1] ? unbroadcast(mul(dy, a), b.shape) : null,
    ];
  },
  (dy, node, sink) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    const sa = strideAgainst(a, dy);
    const sb = strideAgainst(b, dy);
    if (sa < 0 || sb < 0) return false;
    const dv = dy.dataSync();
    const av = a.dataSync();
    const bv = b.dataSync();
    if (sink.needs[0]) {
      const g = sink.into(0);
      for (let k = 0; k < dv.length; k++) g[k * sa] = (g[k * sa] as number) + (dv[k] as number) * (bv[k * sb] as number);
    }
    if (sink.needs[1]) {
      const g = sink.into(1);
      for (let k = 0; k < dv.length; k++) g[k * sb] = (g[k * sb] as number) + (dv[k] as number) * (av[k * sa] as number);
    }
    return true;
  },
);

/**
 * Elementwise a · b with NumPy broadcasting.
 * @example mul(tensor([1, 2, 3]), 2) // [2, 4, 6]
 */
export function mul(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const dtype = operandDtype(a, b);
  const x = toTensor(a, dtype);
  const y = toTensor(b, dtype);
  return runOp2(MulOp, x, y, arith("mul", ARITH_MUL, x, y, MUL));
}
