// unbroadcast: the gradient rule for broadcasting — sum a gradient back down to an input's shape.
import { sameShape } from "../tensor/shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { reshape } from "./reshape.js";
import { sum } from "./sum.js";

/** Sums `grad` (shape of a broadcast result) over the axes that broadcasting added or stretched, giving `shape`. */
export function unbroadcast(grad: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(grad.shape, shape)) return grad;
  const lead = grad.rank - shape.length;
  const axes: number[] = [];
  let stretched = false;
  for (let i = 0; i < grad.rank; i++) {
    if (i < lead) axes.push(i);
    else if (shape[i - lead] === 1 && grad.shape[i] !== 1) {
      axes.push(i);
      stretched = true;
    }
  }
  // Same rank: keeping the reduced axes gives `shape`; only leading axes added: dropping them does.
  if (lead === 0) return sum(grad, axes, true);
  if (!stretched) return sum(grad, axes);
  return reshape(sum(grad, axes), shape);
}
