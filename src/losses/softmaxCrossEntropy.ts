// softmaxCrossEntropy: the cross-entropy of a distribution over classes (one-hot labels) and
// the softmax of logits, via the stable logSoftmax.
import { logSoftmax } from "../ops/logSoftmax.js";
import { mul } from "../ops/mul.js";
import { neg } from "../ops/neg.js";
import { sum } from "../ops/sum.js";
import { ShapeError } from "../errors.js";
import { fmtShape } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { type LossOptions, matchLabels, reduceLoss } from "./reduction.js";

/**
 * Mean over examples of −Σₖ yₖ·log softmax(z)ₖ, over the last axis. Finite for any finite logits.
 * @example softmaxCrossEntropy(oneHot(labels, 7), logits)
 */
export function softmaxCrossEntropy(oneHotLabels: Tensor, logits: Tensor, options: LossOptions = {}): Tensor {
  if (logits.rank < 1) throw new ShapeError(`softmaxCrossEntropy: logits must have a class axis, got shape ${fmtShape(logits.shape)}`);
  if (oneHotLabels.rank !== logits.rank) {
    throw new ShapeError(`softmaxCrossEntropy: labels ${fmtShape(oneHotLabels.shape)} and logits ${fmtShape(logits.shape)} have different shapes; one-hot encode the labels (or use sparseSoftmaxCrossEntropy)`);
  }
  const y = matchLabels("softmaxCrossEntropy", oneHotLabels, logits);
  const perExample = neg(sum(mul(y, logSoftmax(logits, -1)), -1));
  return reduceLoss("softmaxCrossEntropy", perExample, options.reduction);
}
