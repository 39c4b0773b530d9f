// concat: join tensors along an existing axis. Gradient: the matching slice of dy to each input.
import { ShapeError, ValueError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { normalizeAxis, splitAxis } from "./reduceUtil.js";
import { slice } from "./slice.js";

const ConcatOp = registerOp("Concat", (dy, { inputs, saved }) => {
  const axis = saved as number;
  let at = 0;
  return inputs.map((x) => {
    const begin = x.shape.map((_, i) => (i === axis ? at : 0));
    at += x.shape[axis] as number;
    return slice(dy, begin, x.shape);
  });
});

/**
 * Joins tensors of one dtype along `axis` (default 0); all other dimensions must match.
 * @example concat([tensor([[1, 2]]), tensor([[3, 4]])], 0) // [[1, 2], [3, 4]]
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw new ValueError("concat: needs at least one tensor, got an empty list");
  if (first.rank === 0) throw new ShapeError("concat: cannot concatenate scalars (rank 0); reshape them to [1] first");
  const ax = normalizeAxis("concat", axis, first.shape);
  let total = 0;
  for (const t of tensors) {
    const compatible = t.rank === first.rank && t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!compatible || t.dtype !== first.dtype) {
      throw new ShapeError(
        `concat: cannot join ${first.dtype} ${fmtShape(first.shape)} and ${t.dtype} ${fmtShape(t.shape)} along axis ${ax}: dtypes and all other dimensions must match`,
      );
    }
    total += t.shape[ax] as number;
  }
  const shape = first.shape.map((d, i) => (i === ax ? total : d));
  const { outer, inner } = splitAxis(shape, ax);
  const out = allocate(first.dtype, outer * total * inner);
  let at = 0;
  for (const t of tensors) {
    const chunk = (t.shape[ax] as number) * inner;
    const v = t.dataSync();
    for (let o = 0; o < outer; o++) out.set(v.subarray(o * chunk, o * chunk + chunk), o * total * inner + at);
    at += chunk;
  }
  return runOp(ConcatOp, tensors, kernelTensor(out, shape, first.dtype), ax);
}
