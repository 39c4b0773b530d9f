// broadcastTo: repeat x along broadcast axes to a target shape. Gradient: sum dy back to x's shape.
import { allocate } from "../tensor/dtype.js";
import { broadcastIndex, broadcastShapes, checkShape, fmtShape, sameShape, sizeOf } from "../tensor/shape.js";
import { ShapeError } from "../errors.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { unbroadcast } from "./unbroadcast.js";

const BroadcastToOp = registerOp("BroadcastTo", (dy, node) => [unbroadcast(dy, (node.inputs[0] as Tensor).shape)]);

/**
 * Broadcasts `x` to `shape` (NumPy rules; x's shape must broadcast to exactly `shape`).
 * @example broadcastTo(tensor([1, 2]), [3, 2]) // [[1,2],[1,2],[1,2]]
 */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) {
    // A plain tensor is immutable: return it. A Variable can change later: return a snapshot.
    return x.constructor === Tensor ? x : runOp1(BroadcastToOp, x, kernelTensor(x.dataSync(), x.shape, x.dtype));
  }
  if (x.size === 1 && x.rank <= shape.length) {
    // A single value broadcasts to any shape of at least its rank: fill.
    checkShape(shape, "broadcastTo");
    const own: number[] = [];
    let n = 1;
    for (let i = 0; i < shape.length; i++) {
      own.push(shape[i] as number);
      n *= shape[i] as number;
    }
    const o = allocate(x.dtype, n);
    const v0 = x.dataSync()[0] as number;
    for (let i = 0; i < n; i++) o[i] = v0;
    return runOp1(BroadcastToOp, x, kernelTensor(o, own, x.dtype));
  }
  const out = broadcastShapes(x.shape, shape, "broadcastTo");
  if (!sameShape(out, shape)) {
    throw new ShapeError(`broadcastTo: shape ${fmtShape(x.shape)} cannot be broadcast to ${fmtShape(shape)}`);
  }
  const v = x.dataSync();
  let o;
  if (x.size === 1) {
    o = allocate(x.dtype, sizeOf(out));
    o.fill(v[0] as number);
  } else {
    const idx = broadcastIndex(x.shape, out);
    o = allocate(x.dtype, idx.length);
    for (let i = 0; i < idx.length; i++) o[i] = v[idx[i] as number] as number;
  }
  return runOp1(BroadcastToOp, x, kernelTensor(o, out, x.dtype));
}
