// sqrt: square root elementwise. Gradient: dy / (2·√x).
import type { Tensor } from "../tensor/tensor.js";
import { div } from "./div.js";
import { registerOp, runOp1 } from "./engine.js";
import { mul } from "./mul.js";
import { checkFloat, mapUnary } from "./util.js";

const SqrtOp = registerOp("Sqrt", (dy, { output }) => [div(dy, mul(output, 2))]);

/**
 * Elementwise square root (NaN for negative inputs, as IEEE).
 * @example sqrt(tensor([4, 9])) // [2, 3]
 */
export function sqrt(x: Tensor): Tensor {
  checkFloat("sqrt", x);
  return runOp1(SqrtOp, x, mapUnary(x, Math.sqrt));
}
