// reshape: the same values under another shape (one dimension may be -1); x itself when the
// shape is unchanged (a snapshot of a Variable). Gradient: reshape back.
import { ShapeError } from "../errors.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";

const ReshapeOp = registerOp("Reshape", (dy, node) => [reshape(dy, (node.inputs[0] as Tensor).shape)]);

/**
 * Gives `x` a new shape with the same number of elements; one dimension may be -1 (inferred).
 * @example reshape(tensor([1, 2, 3, 4]), [2, -1]) // shape [2, 2]
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) {
    // A plain tensor is immutable: return it. A Variable can change later: return a snapshot.
    return x.constructor === Tensor ? x : runOp1(ReshapeOp, x, kernelTensor(x.dataSync(), x.shape, x.dtype));
  }
  const target: number[] = [];
  for (let i = 0; i < shape.length; i++) target.push(shape[i] as number);
  const unknown = target.indexOf(-1);
  let known = 1;
  for (let i = 0; i < target.length; i++) if (i !== unknown) known *= target[i] as number;
  if (unknown >= 0) {
    if (target.indexOf(-1, unknown + 1) >= 0 || known === 0 || x.size % known !== 0) {
      throw new ShapeError(`reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) to ${fmtShape(shape)}`);
    }
    target[unknown] = (x.size / known) | 0;
  }
  let size = 1;
  for (const s of target) {
    if (!Number.isInteger(s) || s < 0) size = NaN;
    size *= s;
  }
  if (size !== x.size) {
    throw new ShapeError(`reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) to ${fmtShape(shape)}`);
  }
  // Storage is never written in place (Variable.assign replaces it), so sharing it is safe.
  return runOp1(ReshapeOp, x, kernelTensor(x.dataSync(), target, x.dtype));
}
