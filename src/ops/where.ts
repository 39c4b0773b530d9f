// where: elementwise choice cond ? a : b, with NumPy broadcasting of all three.
// Gradient: dy where cond to a, dy where not cond to b (each reduced to its shape); none for cond.
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { broadcastIndex, broadcastShapes, fmtShape, sameShape, sizeOf } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";
import { type TensorOrNumber, binaryOperands, checkSameDtype } from "./util.js";

const WhereOp = registerOp("Where", (dy, node, needs) => {
  const cond = node.inputs[0] as Tensor;
  const a = node.inputs[1] as Tensor;
  const b = node.inputs[2] as Tensor;
  return [
    null,
    needs[1] ? unbroadcast(where(cond, dy, 0), a.shape) : null,
    needs[2] ? unbroadcast(where(cond, 0, dy), b.shape) : null,
  ];
});

/**
 * Picks `a` where `cond` (a bool tensor) is true and `b` elsewhere; all three broadcast together.
 * @example where(tensor([true, false]), tensor([1, 2]), 0) // [1, 0]
 */
export function where(cond: Tensor, a: TensorOrNumber, b: TensorOrNumber): Tensor {
  const [x, y] = binaryOperands(a, b);
  if (cond.dtype !== "bool") {
    throw new ShapeError(`where: the condition must be a bool tensor, got ${cond.dtype} ${fmtShape(cond.shape)}; compare first (e.g. greater(x, 0))`);
  }
  checkSameDtype("where", x, y);
  const cv = cond.dataSync();
  const xv = x.dataSync();
  const yv = y.dataSync();
  let out;
  let shape: readonly number[];
  if (sameShape(cond.shape, x.shape) && sameShape(cond.shape, y.shape)) {
    shape = cond.shape;
    out = allocate(x.dtype, cond.size);
    for (let i = 0; i < out.length; i++) out[i] = cv[i] !== 0 ? (xv[i] as number) : (yv[i] as number);
  } else {
    let s: number[];
    try {
      s = broadcastShapes(broadcastShapes(cond.shape, x.shape, "where"), y.shape, "where");
    } catch {
      throw new ShapeError(
        `where: shapes do not broadcast: cond ${fmtShape(cond.shape)}, a ${fmtShape(x.shape)}, b ${fmtShape(y.shape)}`,
      );
    }
    shape = s;
    out = allocate(x.dtype, sizeOf(s));
    const ic = broadcastIndex(cond.shape, s);
    const ix = broadcastIndex(x.shape, s);
    const iy = broadcastIndex(y.shape, s);
    for (let i = 0; i < out.length; i++) {
      out[i] = cv[ic[i] as number] !== 0 ? (xv[ix[i] as number] as number) : (yv[iy[i] as number] as number);
    }
  }
  return runOp(WhereOp, [cond, x, y], kernelTensor(out, shape, x.dtype));
}
