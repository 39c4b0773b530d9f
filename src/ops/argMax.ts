// argMax: the index of the largest value along one axis, as int32. No gradient.
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { checkNonEmptyReduction, normalizeAxis, splitAxis } from "./reduceUtil.js";
import { checkNumeric } from "./util.js";

const ArgMaxOp = registerOp("ArgMax", null);

/**
 * Indices (int32) of the largest values along `axis` (default 0, as TensorFlow); the first one wins
 * a tie, and a NaN counts as larger than any number. Throws a ValueError when the axis is empty.
 * @example argMax(tensor([[1, 9, 3], [7, 2, 7]]), 1) // [1, 0]
 */
export function argMax(x: Tensor, axis = 0): Tensor {
  checkNumeric("argMax", x);
  const ax = normalizeAxis("argMax", axis, x.shape);
  checkNonEmptyReduction("argMax", x.shape, [ax]);
  const { outer, n, inner } = splitAxis(x.shape, ax);
  const v = x.dataSync();
  const out = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * n * inner + k;
      let best = 0;
      let bv = v[base] as number;
      if (bv === bv) {
        for (let j = 1; j < n; j++) {
          const c = v[base + j * inner] as number;
          if (c !== c) {
            best = j;
            break;
          }
          if (c > bv) {
            bv = c;
            best = j;
          }
        }
      }
      out[o * inner + k] = best;
    }
  }
  const shape = x.shape.filter((_, i) => i !== ax);
  return runOp1(ArgMaxOp, x, kernelTensor(out, shape, "int32"));
}
