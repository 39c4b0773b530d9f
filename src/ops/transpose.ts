// transpose: permute the axes (reversed by default). Gradient: transpose dy by the inverse permutation.
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape, stridesOf } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";

const TransposeOp = registerOp("Transpose", (dy, { saved }) => {
  const perm = saved as number[];
  const inverse = new Array<number>(perm.length);
  for (let i = 0; i < perm.length; i++) inverse[perm[i] as number] = i;
  return [transpose(dy, inverse)];
});

/**
 * Permutes the axes of `x`: output axis i is input axis perm[i] (default: the axes reversed).
 * @example transpose(tensor([[1, 2, 3], [4, 5, 6]])) // [[1, 4], [2, 5], [3, 6]]
 */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const rank = x.rank;
  const p = perm === undefined ? Array.from({ length: rank }, (_, i) => rank - 1 - i) : [...perm];
  const seen = new Array<boolean>(rank).fill(false);
  const valid = p.length === rank && p.every((a) => Number.isInteger(a) && a >= 0 && a < rank && !seen[a] && (seen[a] = true));
  if (!valid) {
    throw new ShapeError(`transpose: perm [${p.join(",")}] is not a permutation of the ${rank} axes of ${fmtShape(x.shape)}`);
  }
  const shape = p.map((a) => x.shape[a] as number);
  const inStrides = stridesOf(x.shape);
  const step = p.map((a) => inStrides[a] as number); // input stride of each output axis
  const v = x.dataSync();
  const out = allocate(x.dtype, x.size);
  if (rank === 2 && p[0] === 1) {
    const [r, c] = x.shape as [number, number];
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = v[i * c + j] as number;
  } else if (x.size > 0) {
    const counter = new Array<number>(rank).fill(0);
    let src = 0;
    for (let o = 0; o < out.length; o++) {
      out[o] = v[src] as number;
      for (let ax = rank - 1; ax >= 0; ax--) {
        const c = (counter[ax] as number) + 1;
        if (c < (shape[ax] as number)) {
          counter[ax] = c;
          src += step[ax] as number;
          break;
        }
        counter[ax] = 0;
        src -= (step[ax] as number) * ((shape[ax] as number) - 1);
      }
    }
  }
  return runOp1(TransposeOp, x, kernelTensor(out, shape, x.dtype), p);
}
