// log1p: ln(1 + x) elementwise, accurate for small x. Gradient: dy / (1 + x).
import type { Tensor } from "../tensor/tensor.js";
import { add } from "./add.js";
import { registerOp, runOp1 } from "./engine.js";
import { div } from "./div.js";
import { checkFloat, mapUnary } from "./util.js";

const Log1pOp = registerOp("Log1p", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  return [div(dy, add(x, 1))];
});

/**
 * Elementwise ln(1 + x), accurate near 0.
 * @example log1p(tensor([0, 1e-10])) // [0, 1e-10]
 */
export function log1p(x: Tensor): Tensor {
  checkFloat("log1p", x);
  return runOp1(Log1pOp, x, mapUnary(x, Math.log1p));
}
