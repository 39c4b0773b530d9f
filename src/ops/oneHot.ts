// oneHot: int32 indices → float32 rows with onValue at each index and offValue elsewhere. No gradient.
import { ShapeError, ValueError } from "../errors.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";

const OneHotOp = registerOp("OneHot", null);

/**
 * One-hot encodes int32 `indices` into float32 of shape [...indices.shape, depth]; an index outside
 * [0, depth) gives a row of `offValue` (TensorFlow's rule, so −1 can mark "no class").
 * @example oneHot(tensor([0, 2], undefined, "int32"), 3) // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(indices: Tensor, depth: number, onValue = 1, offValue = 0): Tensor {
  if (indices.dtype !== "int32") {
    throw new ShapeError(`oneHot: indices must be int32, got ${indices.dtype} ${fmtShape(indices.shape)}; cast them with cast(x, "int32")`);
  }
  if (!Number.isInteger(depth) || depth < 0) {
    throw new ValueError(`oneHot: depth must be a non-negative integer, got ${depth}`);
  }
  const iv = indices.dataSync();
  const out = new Float32Array(indices.size * depth);
  if (offValue !== 0) out.fill(offValue);
  for (let i = 0; i < iv.length; i++) {
    const c = iv[i] as number;
    if (c >= 0 && c < depth) out[i * depth + c] = onValue;
  }
  return runOp1(OneHotOp, indices, kernelTensor(out, [...indices.shape, depth], "float32"));
}
