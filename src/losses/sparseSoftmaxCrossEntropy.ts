// sparseSoftmaxCrossEntropy: softmax cross-entropy with class indices as labels.
import { ShapeError, ValueError } from "../errors.js";
import { cast } from "../ops/cast.js";
import { oneHot } from "../ops/oneHot.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import type { LossOptions } from "./reduction.js";
import { softmaxCrossEntropy } from "./softmaxCrossEntropy.js";

/**
 * Mean over examples of −log softmax(z)[label]: `labels` holds class indices (shape of logits
 * without the last axis, or with a trailing 1), each in [0, classes).
 * @example sparseSoftmaxCrossEntropy(tensor([0, 2], [2], "int32"), logits)
 */
export function sparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor, options: LossOptions = {}): Tensor {
  if (logits.rank < 1) throw new ShapeError(`sparseSoftmaxCrossEntropy: logits must have a class axis, got shape ${fmtShape(logits.shape)}`);
  const k = logits.shape[logits.rank - 1] as number;
  const rowShape = logits.shape.slice(0, -1);
  const shapeOk = sameShape(labels.shape, rowShape) || (labels.shape[labels.rank - 1] === 1 && sameShape(labels.shape.slice(0, -1), rowShape));
  if (!shapeOk) {
    throw new ShapeError(`sparseSoftmaxCrossEntropy: labels ${fmtShape(labels.shape)} do not match logits ${fmtShape(logits.shape)}; expected one class index per row, shape ${fmtShape(rowShape)}`);
  }
  const v = labels.dataSync();
  for (let i = 0; i < v.length; i++) {
    const c = v[i] as number;
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new ValueError(`sparseSoftmaxCrossEntropy: label ${c} at index ${i} is not a class index in [0, ${k}) (${k} logits per row)`);
    }
  }
  const idx = labels.dtype === "int32" ? labels : cast(labels, "int32");
  const flat = new Tensor(idx.dataSync(), rowShape, "int32");
  return softmaxCrossEntropy(oneHot(flat, k), logits, options);
}
