// log: natural logarithm elementwise (log 0 = −∞, log of a negative = NaN, as IEEE). Gradient: dy / x.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { div } from "./div.js";
import { checkFloat, mapUnary } from "./util.js";

const LogOp = registerOp("Log", (dy, { inputs: [x] }) => [div(dy, x!)]);

/**
 * Elementwise natural logarithm.
 * @example log(tensor([1, Math.E])) // [0, 1]
 */
export function log(x: Tensor): Tensor {
  checkFloat("log", x);
  return runOp(LogOp, [x], mapUnary(x, Math.log));
}
