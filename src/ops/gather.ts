// gather: pick slices of x along an axis by int32 indices. Gradient: dy summed back into the picked
// positions (an unsorted segment sum along the axis); none for the indices.
import { ShapeError, ValueError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { normalizeAxis, splitAxis } from "./reduceUtil.js";
import { segmentSumAlong } from "./unsortedSegmentSum.js";

const GatherOp = registerOp("Gather", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const indices = node.inputs[1] as Tensor;
  const saved = node.saved;
  const axis = saved as number;
  return [segmentSumAlong(dy, indices, x.shape[axis] as number, axis), null];
});

/** Converts gather/segment indices to an int32 tensor, or throws a ShapeError naming `op`. */
export function toIndexTensor(op: string, indices: Tensor | readonly number[]): Tensor {
  if (indices instanceof Tensor) {
    if (indices.dtype !== "int32") {
      throw new ShapeError(`${op}: indices must be int32, got ${indices.dtype} ${fmtShape(indices.shape)}; cast them with cast(x, "int32")`);
    }
    return indices;
  }
  for (const i of indices) {
    if (!Number.isInteger(i)) throw new ValueError(`${op}: indices must be integers, found ${i}`);
  }
  return new Tensor(Int32Array.from(indices), [indices.length], "int32");
}

/**
 * Gathers slices of `x` along `axis` (default 0) at `indices` (int32 tensor or number list); the
 * result has shape x.shape[:axis] + indices.shape + x.shape[axis+1:]. An index outside
 * [0, x.shape[axis]) throws a ValueError.
 * @example gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]) // [[5, 6], [1, 2]]
 */
export function gather(x: Tensor, indices: Tensor | readonly number[], axis = 0): Tensor {
  const idx = toIndexTensor("gather", indices);
  const ax = normalizeAxis("gather", axis, x.shape);
  const { outer, n, inner } = splitAxis(x.shape, ax);
  const iv = idx.dataSync();
  const k = iv.length;
  const v = x.dataSync();
  const out = allocate(x.dtype, outer * k * inner);
  for (let j = 0; j < k; j++) {
    const i = iv[j] as number;
    if (i < 0 || i >= n) {
      throw new ValueError(`gather: index ${i} is out of range [0, ${n}) for axis ${ax} of ${fmtShape(x.shape)}`);
    }
  }
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      const src = (o * n + (iv[j] as number)) * inner;
      out.set(v.subarray(src, src + inner), (o * k + j) * inner);
    }
  }
  const shape = [...x.shape.slice(0, ax), ...idx.shape, ...x.shape.slice(ax + 1)];
  return runOp2(GatherOp, x, idx, kernelTensor(out, shape, x.dtype), ax);
}
