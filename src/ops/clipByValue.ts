// clipByValue: x limited to [lo, hi]. Gradient: dy where lo ≤ x ≤ hi, 0 outside (as TensorFlow).
import { ValueError } from "../errors.js";
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { checkNumeric, mapUnary } from "./util.js";
import { where } from "./where.js";

const ClipByValueOp = registerOp("ClipByValue", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const saved = node.saved;
  const [lo, hi] = saved as [number, number];
  return [where(mapUnary(x, (v) => (v >= lo && v <= hi ? 1 : 0), "bool"), dy, 0)];
});

/**
 * Clips every element to [lo, hi] (NaN stays NaN). Throws a ValueError when lo > hi or either is NaN.
 * @example clipByValue(tensor([-2, 0.5, 3]), 0, 1) // [0, 0.5, 1]
 */
export function clipByValue(x: Tensor, lo: number, hi: number): Tensor {
  checkNumeric("clipByValue", x);
  if (!(lo <= hi)) throw new ValueError(`clipByValue: the bounds must satisfy lo ≤ hi, got lo = ${lo}, hi = ${hi}`);
  return runOp1(ClipByValueOp, x, mapUnary(x, (v) => (v < lo ? lo : v > hi ? hi : v)), [lo, hi]);
}
