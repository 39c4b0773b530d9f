// max over axes (all by default), optionally keeping reduced dimensions. Gradient: see extremum.ts.
import type { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { extremumForward, extremumGrad } from "./extremum.js";

const MaxOp = registerOp("Max", extremumGrad);

/**
 * The largest element of `x` over `axis` (all axes when omitted); `keepDims` keeps reduced axes as
 * size 1. NaN propagates. The gradient is split equally among tied maxima (TensorFlow's rule).
 * Throws a ValueError when an axis reduced over is empty.
 * @example max(tensor([[1, 5], [7, 2]]), 1) // [5, 7]
 */
export function max(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const { out, saved } = extremumForward("max", x, axis, keepDims);
  return runOp1(MaxOp, x, out, saved);
}
