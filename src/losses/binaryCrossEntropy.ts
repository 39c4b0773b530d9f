// binaryCrossEntropy: the log loss of 0/1 labels, from probabilities (clipped to [ε, 1−ε] as
// TensorFlow does) or from logits (one fused, overflow-free kernel).
import { clipByValue } from "../ops/clipByValue.js";
import { log } from "../ops/log.js";
import { log1p } from "../ops/log1p.js";
import { mul } from "../ops/mul.js";
import { neg } from "../ops/neg.js";
import { sub } from "../ops/sub.js";
import { add } from "../ops/add.js";
import { ValueError } from "../errors.js";
import type { Tensor } from "../tensor/tensor.js";
import { type LossOptions, matchLabels, reduceLoss } from "./reduction.js";
import { sigmoidCrossEntropyWithLogits } from "./sigmoidCrossEntropyWithLogits.js";

/** Options of `binaryCrossEntropy`. */
export interface BinaryCrossEntropyOptions extends LossOptions {
  /** The predictions are logits z (probability σ(z)) rather than probabilities (default false). */
  fromLogits?: boolean;
  /** Probabilities are clipped to [ε, 1−ε] (default 1e-7, TensorFlow's); unused with logits. */
  epsilon?: number;
}

/**
 * Mean of −(y·log p + (1−y)·log(1−p)). With `fromLogits`, computed by the fused stable kernel
 * max(z, 0) − z·y + log(1 + e^(−|z|)), finite for any z; probabilities are clipped to [ε, 1−ε], so 0 and 1 give finite values and gradients.
 * @example binaryCrossEntropy(tensor([[1], [0]]), tensor([[0.9], [0.2]])) // ≈ 0.1643
 */
export function binaryCrossEntropy(labels: Tensor, predictions: Tensor, options: BinaryCrossEntropyOptions = {}): Tensor {
  const y = matchLabels("binaryCrossEntropy", labels, predictions);
  let perExample: Tensor;
  if (options.fromLogits ?? false) {
    perExample = sigmoidCrossEntropyWithLogits(y, predictions);
  } else {
    const eps = options.epsilon ?? 1e-7;
    if (!(eps > 0 && eps < 0.5)) throw new ValueError(`binaryCrossEntropy: epsilon must be in (0, 0.5), got ${eps}`);
    const p = clipByValue(predictions, eps, 1 - eps);
    perExample = neg(add(mul(y, log(p)), mul(sub(1, y), log1p(neg(p)))));
  }
  return reduceLoss("binaryCrossEntropy", perExample, options.reduction);
}
