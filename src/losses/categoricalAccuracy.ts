// categoricalAccuracy: the fraction of rows whose largest prediction is at the labels' largest entry.
import { ShapeError, ValueError } from "../errors.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";

function argMaxRow(v: ArrayLike<number>, start: number, k: number): number {
  let best = start;
  for (let j = start + 1; j < start + k; j++) if ((v[j] as number) > (v[best] as number)) best = j;
  return best - start;
}

/**
 * The fraction of rows (over the last axis) where argmax(predictions) equals argmax(labels), with
 * labels one-hot (ties go to the first index, as TensorFlow's argmax), as a float32 scalar.
 * @example categoricalAccuracy(oneHot(y, 7), softmax(logits))
 */
export function categoricalAccuracy(labels: Tensor, predictions: Tensor): Tensor {
  if (!sameShape(labels.shape, predictions.shape) || predictions.rank < 1) {
    throw new ShapeError(`categoricalAccuracy: labels ${fmtShape(labels.shape)} and predictions ${fmtShape(predictions.shape)} must have the same shape [..., classes]; one-hot encode the labels`);
  }
  const k = predictions.shape[predictions.rank - 1] as number;
  const rows = k === 0 ? 0 : predictions.size / k;
  if (rows === 0) throw new ShapeError(`categoricalAccuracy: no predictions to score (shape ${fmtShape(predictions.shape)})`);
  const y = labels.dataSync();
  const p = predictions.dataSync();
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i] as number)) throw new ValueError(`categoricalAccuracy: prediction ${i} is NaN; check the model's output`);
  }
  let hits = 0;
  for (let r = 0; r < rows; r++) if (argMaxRow(y, r * k, k) === argMaxRow(p, r * k, k)) hits++;
  return new Tensor(Float32Array.of(hits / rows), [], "float32");
}
