// neg: −x elementwise. Gradient: −dy.
import { allocate } from "../tensor/dtype.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { addScaled } from "./backwardUtil.js";
import { registerOp, runOp1 } from "./engine.js";
import { mapUnary } from "./util.js";

const NEG = (v: number): number => -v;
const NegOp = registerOp(
  "Neg",
  (dy) => [neg(dy)],
  (dy, _node, sink) => {
    const own = sink.reuse(0);
    if (own !== null) for (let k = 0; k < own.length; k++) own[k] = -(own[k] as number);
    else addScaled(sink, 0, 1, dy, -1);
    return true;
  },
);

/**
 * Elementwise negation.
 * @example neg(tensor([1, -2])) // [-1, 2]
 */
export function neg(x: Tensor): Tensor {
  if (x.dtype === "bool") return runOp1(NegOp, x, mapUnary(x, NEG));
  const v = x.dataSync();
  const out = allocate(x.dtype, v.length);
  for (let i = 0; i < out.length; i++) out[i] = -(v[i] as number);
  return runOp1(NegOp, x, kernelTensor(out, x.shape, x.dtype));
}
