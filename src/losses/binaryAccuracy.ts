// binaryAccuracy: the fraction of 0/1 labels matched by probabilities thresholded at `threshold`.
import { ShapeError, ValueError } from "../errors.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";

/**
 * The fraction of elements where `labels` equals (probabilities > threshold ? 1 : 0), as a float32
 * scalar (TensorFlow's binary_accuracy). Labels [n] against predictions [n, 1] are accepted.
 * @example binaryAccuracy(tensor([[1], [0]]), tensor([[0.8], [0.6]])) // 0.5
 */
export function binaryAccuracy(labels: Tensor, probabilities: Tensor, threshold = 0.5): Tensor {
  if (labels.size !== probabilities.size || !(sameShape(labels.shape, probabilities.shape) || trailingOne(labels.shape, probabilities.shape))) {
    throw new ShapeError(`binaryAccuracy: labels ${fmtShape(labels.shape)} and probabilities ${fmtShape(probabilities.shape)} have different shapes`);
  }
  if (labels.size === 0) throw new ShapeError("binaryAccuracy: no predictions to score (size 0)");
  const y = labels.dataSync();
  const p = probabilities.dataSync();
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i] as number)) throw new ValueError(`binaryAccuracy: prediction ${i} is NaN; check the model's output`);
  }
  let hits = 0;
  for (let i = 0; i < y.length; i++) if ((y[i] as number) === ((p[i] as number) > threshold ? 1 : 0)) hits++;
  return new Tensor(Float32Array.of(hits / y.length), [], "float32");
}

function trailingOne(a: readonly number[], b: readonly number[]): boolean {
  const drop = (s: readonly number[]): readonly number[] => (s[s.length - 1] === 1 ? s.slice(0, -1) : s);
  return sameShape(drop(a), drop(b));
}
