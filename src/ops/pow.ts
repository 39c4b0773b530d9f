// pow: a^b elementwise with broadcasting. Gradient: dy·b·a^(b−1) to a and dy·a^b·ln a to b
// (taken as 0 where a ≤ 0, as TensorFlow does), each reduced to its input's shape.
import type { Tensor } from "../tensor/tensor.js";
import { isFloat } from "../tensor/dtype.js";
import { registerOp, runOp2 } from "./engine.js";
import { log } from "./log.js";
import { mul } from "./mul.js";
import { sub } from "./sub.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, binaryOperands, broadcastBinary, checkNumeric, mapUnary } from "./util.js";
import { where } from "./where.js";

const POSITIVE = (v: number): number => (v > 0 ? 1 : 0);

const PowOp = registerOp("Pow", (dy, node, needs) => {
  const a = node.inputs[0] as Tensor;
  const b = node.inputs[1] as Tensor;
  const output = node.output;
  if (!isFloat(a.dtype)) return [null, null];
  const da = needs[0] ? unbroadcast(mul(dy, mul(b, pow(a, sub(b, 1)))), a.shape) : null;
  if (!needs[1]) return [da, null];
  const positive = mapUnary(a, POSITIVE, "bool");
  const lnA = where(positive, log(where(positive, a, 1)), 0);
  const db = unbroadcast(mul(dy, mul(output, lnA)), b.shape);
  return [da, db];
});

/**
 * Elementwise a raised to the power b, with NumPy broadcasting.
 * @example pow(tensor([2, 3]), 2) // [4, 9]
 */
export function pow(a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  checkNumeric("pow", x);
  return runOp2(PowOp, x, y, broadcastBinary("pow", x, y, Math.pow));
}
