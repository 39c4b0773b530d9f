// neg: −x elementwise. Gradient: −dy.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { mapUnary } from "./util.js";

const NegOp = registerOp("Neg", (dy) => [neg(dy)]);

/**
 * Elementwise negation.
 * @example neg(tensor([1, -2])) // [-1, 2]
 */
export function neg(x: Tensor): Tensor {
  return runOp(NegOp, [x], mapUnary(x, (v) => -v));
}
