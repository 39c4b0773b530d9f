// Shared by the losses: how per-example losses are reduced, and how labels are matched to predictions.
import { ShapeError, ValueError } from "../errors.js";
import { cast } from "../ops/cast.js";
import { mean } from "../ops/mean.js";
import { reshape } from "../ops/reshape.js";
import { sum } from "../ops/sum.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";

/** How a loss reduces its per-example values: their mean (default), their sum, or none (one value per example). */
export type Reduction = "mean" | "sum" | "none";

/** Options shared by the losses. */
export interface LossOptions {
  /** How per-example losses are combined (default "mean", as Keras). */
  reduction?: Reduction;
}

/** Applies `reduction` to per-example losses. */
export function reduceLoss(op: string, perExample: Tensor, reduction: Reduction | undefined): Tensor {
  switch (reduction ?? "mean") {
    case "mean":
      return mean(perExample);
    case "sum":
      return sum(perExample);
    case "none":
      return perExample;
    default:
      throw new ValueError(`${op}: reduction must be "mean", "sum" or "none", got ${String(reduction)}`);
  }
}

/**
 * Labels matched to `predictions`: cast to their float dtype and, when they only differ by a
 * trailing axis of 1 (labels [n] for predictions [n, 1], or the reverse), reshaped to their shape.
 * Any other shape difference is a ShapeError naming `op` and both shapes.
 */
export function matchLabels(op: string, labels: Tensor, predictions: Tensor): Tensor {
  if (predictions.dtype !== "float32" && predictions.dtype !== "float64") {
    throw new ShapeError(`${op}: predictions must be float32 or float64, got ${predictions.dtype} ${fmtShape(predictions.shape)}`);
  }
  let y = labels;
  if (!sameShape(y.shape, predictions.shape)) {
    const dropOne = (s: readonly number[]): readonly number[] => (s.length > 0 && s[s.length - 1] === 1 ? s.slice(0, -1) : s);
    if (sameShape(dropOne(y.shape), dropOne(predictions.shape))) y = reshape(y, predictions.shape);
    else {
      throw new ShapeError(`${op}: labels ${fmtShape(labels.shape)} and predictions ${fmtShape(predictions.shape)} have different shapes; give one label per prediction`);
    }
  }
  return y.dtype === predictions.dtype ? y : cast(y, predictions.dtype);
}
