// min over axes (all by default), optionally keeping reduced dimensions. Gradient: see extremum.ts.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { extremumForward, extremumGrad } from "./extremum.js";

const MinOp = registerOp("Min", extremumGrad);

/**
 * The smallest element of `x` over `axis` (all axes when omitted); `keepDims` keeps reduced axes as
 * size 1. NaN propagates. The gradient is split equally among tied minima (TensorFlow's rule).
 * Throws a ValueError when an axis reduced over is empty.
 * @example min(tensor([[1, 5], [7, 2]]), 1) // [1, 2]
 */
export function min(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const { out, saved } = extremumForward("min", x, axis, keepDims);
  return runOp1(MinOp, x, out, saved);
}
