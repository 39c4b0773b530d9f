// sigmoidCrossEntropyWithLogits: the elementwise log loss of labels y and logits z in one stable
// kernel, max(z, 0) − z·y + log(1 + e^(−|z|)), as tf.nn.sigmoid_cross_entropy_with_logits.
// Gradient: dy·(σ(z) − y) for the logits and −dy·z for the labels (written with ops, so it differentiates again).
import { ShapeError } from "../errors.js";
import { registerOp, runOp } from "../ops/engine.js";
import { mul } from "../ops/mul.js";
import { neg } from "../ops/neg.js";
import { sigmoid } from "../ops/sigmoid.js";
import { sub } from "../ops/sub.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";

const SigmoidCrossEntropyWithLogitsOp = registerOp(
  "SigmoidCrossEntropyWithLogits",
  (dy, { inputs: [y, z] }) => [mul(dy, neg(z!)), mul(dy, sub(sigmoid(z!), y!))],
  (dy, { inputs: [y, z] }, sink) => {
    const yv = y!.dataSync();
    const zv = z!.dataSync();
    const dv = dy.dataSync();
    if (sink.needs[0]) {
      const g = sink.into(0);
      for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) - (dv[k] as number) * (zv[k] as number);
    }
    if (sink.needs[1]) {
      const g = sink.into(1);
      for (let k = 0; k < g.length; k++) {
        const zk = zv[k] as number;
        // σ(z) without overflow for large |z|
        const s = zk >= 0 ? 1 / (1 + Math.exp(-zk)) : Math.exp(zk) / (1 + Math.exp(zk));
        g[k] = (g[k] as number) + (dv[k] as number) * (s - (yv[k] as number));
      }
    }
    return true;
  },
);

/**
 * Elementwise −(y·log σ(z) + (1−y)·log(1−σ(z))) for logits z, finite for any finite z
 * (labels and logits of the same shape and float dtype).
 * @example sigmoidCrossEntropyWithLogits(tensor([1, 0]), tensor([1e4, 1e4])) // [0, 1e4]
 */
export function sigmoidCrossEntropyWithLogits(labels: Tensor, logits: Tensor): Tensor {
  if (!sameShape(labels.shape, logits.shape) || labels.dtype !== logits.dtype || (logits.dtype !== "float32" && logits.dtype !== "float64")) {
    throw new ShapeError(
      `sigmoidCrossEntropyWithLogits: labels ${labels.dtype} ${fmtShape(labels.shape)} and logits ${logits.dtype} ${fmtShape(logits.shape)} must have the same shape and float dtype`,
    );
  }
  const y = labels.dataSync();
  const z = logits.dataSync();
  const out = allocate(logits.dtype, z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i] as number;
    out[i] = (zi > 0 ? zi : 0) - zi * (y[i] as number) + Math.log1p(Math.exp(-Math.abs(zi)));
  }
  return runOp(SigmoidCrossEntropyWithLogitsOp, [labels, logits], new Tensor(out, logits.shape, logits.dtype));
}
