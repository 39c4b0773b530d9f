// unsortedSegmentSum: sums slices of data into numSegments buckets chosen by int32 ids (the
// scatter-add that is gather's gradient). Gradient: gather dy at the ids; none for the ids.
import { ShapeError, ValueError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { gather, toIndexTensor } from "./gather.js";

const UnsortedSegmentSumOp = registerOp("UnsortedSegmentSum", (dy, node) => {
  const ids = node.inputs[1] as Tensor;
  const saved = node.saved;
  return [gather(dy, ids, saved as number), null];
});

/**
 * Scatter-add along `axis`: `data` has shape pre + ids.shape + post (pre = the first `axis` dims),
 * the result pre + [numSegments] + post, with result[.., s, ..] = Σ over ids[j] = s of data[.., j, ..].
 */
export function segmentSumAlong(data: Tensor, ids: Tensor, numSegments: number, axis: number): Tensor {
  const r = ids.rank;
  const fits = data.rank >= axis + r && ids.shape.every((d, i) => d === data.shape[axis + i]);
  if (!fits) {
    throw new ShapeError(
      `unsortedSegmentSum: segment ids ${fmtShape(ids.shape)} do not match data ${fmtShape(data.shape)} at axis ${axis}`,
    );
  }
  if (!Number.isInteger(numSegments) || numSegments < 0) {
    throw new ValueError(`unsortedSegmentSum: numSegments must be a non-negative integer, got ${numSegments}`);
  }
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= data.shape[i] as number;
  let inner = 1;
  for (let i = axis + r; i < data.rank; i++) inner *= data.shape[i] as number;
  const iv = ids.dataSync();
  const k = iv.length;
  for (let j = 0; j < k; j++) {
    const s = iv[j] as number;
    if (s < 0 || s >= numSegments) {
      throw new ValueError(`unsortedSegmentSum: segment id ${s} is out of range [0, ${numSegments})`);
    }
  }
  const v = data.dataSync();
  const acc = new Float64Array(outer * numSegments * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      const dst = (o * numSegments + (iv[j] as number)) * inner;
      const src = (o * k + j) * inner;
      for (let t = 0; t < inner; t++) acc[dst + t] = (acc[dst + t] as number) + (v[src + t] as number);
    }
  }
  const out = allocate(data.dtype, acc.length);
  out.set(acc);
  const shape = [...data.shape.slice(0, axis), numSegments, ...data.shape.slice(axis + r)];
  return runOp2(UnsortedSegmentSumOp, data, ids, kernelTensor(out, shape, data.dtype), axis);
}

/**
 * Sums the slices of `data` whose segment id is equal: ids (int32, shape a prefix of data's shape)
 * pick one of `numSegments` output rows for each slice; empty segments are 0. An id outside
 * [0, numSegments) throws a ValueError.
 * @example unsortedSegmentSum(tensor([1, 2, 3]), [0, 1, 0], 2) // [4, 2]
 */
export function unsortedSegmentSum(data: Tensor, segmentIds: Tensor | readonly number[], numSegments: number): Tensor {
  return segmentSumAlong(data, toIndexTensor("unsortedSegmentSum", segmentIds), numSegments, 0);
}
