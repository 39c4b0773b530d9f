// div: a / b elementwise with broadcasting. Gradient: dy/b to a and −dy·a/b² to b, reduced to each shape.
import type { Tensor } from "../tensor/tensor.js";
import { isFloat } from "../tensor/dtype.js";
import { ShapeError } from "../errors.js";
import { fmtShape } from "../tensor/shape.js";
import { strideAgainst } from "./backwardUtil.js";
import { registerOp, runOp2 } from "./engine.js";
import { mul } from "./mul.js";
import { neg } from "./neg.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, ARITH_DIV, arith, checkSameDtype, operandDtype, toTensor } from "./util.js";

const DIV = (p: number, q: number): number => p / q;
const DivOp = registerOp(
  "Div",
  (dy, node, needs) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    return [
      needs[0] ? unbroadcast(div(dy, b), a.shape) : null,
      needs[1] ? unbroadcast(neg(div(mul(dy, a), mul(b, b))), b.shape) : null,
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
      for (let k = 0; k < dv.length; k++) g[k * sa] = (g[k * sa] as number) + (dv[k] as number) / (bv[k * sb] as number);
    }
    if (sink.needs[1]) {
      const g = sink.into(1);
      for (let k = 0; k < dv.length; k++) {
        const q = bv[k * sb] as number;
        g[k * sb] = (g[k * sb] as number) - ((dv[k] as number) * (av[k * sa] as number)) / (q * q);
      }
    }
    return true;
  },
);

/**
 * Elementwise a / b with NumPy broadcasting (true division: int32 operands give float64, as in TensorFlow).
 * @example div(tensor([1, 2, 3]), 2) // [0.5, 1, 1.5]
 */
export function div(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const dtype = operandDtype(a, b);
  const x = toTensor(a, dtype);
  const y = toTensor(b, dtype);
  checkSameDtype("div", x, y);
  if (!isFloat(x.dtype)) {
    if (x.dtype === "bool") {
      throw new ShapeError(`div: cannot divide bool tensors ${fmtShape(x.shape)} and ${fmtShape(y.shape)}; cast them first`);
    }
    return runOp2(DivOp, x, y, arith("div", ARITH_DIV, x, y, DIV, "float64"));
  }
  return runOp2(DivOp, x, y, arith("div", ARITH_DIV, x, y, DIV));
}
