// slice: a contiguous block of x, from `begin` with `size` elements per axis (-1: to the end).
// Gradient: dy padded with zeros back to x's shape.
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape, stridesOf } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { pad } from "./pad.js";

const SliceOp = registerOp("Slice", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const saved = node.saved;
  const begin = saved as number[];
  return [pad(dy, begin.map((b, i) => [b, (x.shape[i] as number) - b - (dy.shape[i] as number)] as [number, number]))];
});

/**
 * The block of `x` starting at `begin` with `size` elements on each axis; a size of -1 (or a
 * missing entry) takes the rest of the axis, a missing begin entry is 0.
 * @example slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [2, -1]) // [[2, 3], [5, 6]]
 */
export function slice(x: Tensor, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  const rank = x.rank;
  const b = typeof begin === "number" ? [begin] : [...begin];
  const s = size === undefined ? [] : typeof size === "number" ? [size] : [...size];
  const fail = (why: string): never => {
    throw new ShapeError(
      `slice: begin [${b.join(",")}] and size [${s.join(",")}] do not fit a tensor of shape ${fmtShape(x.shape)}: ${why}`,
    );
  };
  if (b.length > rank || s.length > rank) fail(`more entries than the ${rank} axes`);
  const start: number[] = [];
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) {
    const dim = x.shape[i] as number;
    const bi = b[i] ?? 0;
    if (!Number.isInteger(bi) || bi < 0 || bi > dim) fail(`begin ${bi} on axis ${i} is outside [0, ${dim}]`);
    const si = s[i] ?? -1;
    const len = si === -1 ? dim - bi : si;
    if (!Number.isInteger(len) || len < 0 || bi + len > dim) fail(`size ${si} on axis ${i} runs past its length ${dim}`);
    start.push(bi);
    shape.push(len);
  }
  let outSize = 1;
  for (const d of shape) outSize *= d;
  const out = allocate(x.dtype, outSize);
  const v = x.dataSync();
  if (rank === 0) out[0] = v[0] as number;
  else if (outSize > 0) {
    const inStrides = stridesOf(x.shape);
    const row = shape[rank - 1] as number;
    const rows = outSize / row;
    const counter = new Array<number>(rank - 1).fill(0);
    for (let r = 0; r < rows; r++) {
      let src = start[rank - 1] as number;
      for (let ax = 0; ax < rank - 1; ax++) src += ((counter[ax] as number) + (start[ax] as number)) * (inStrides[ax] as number);
      out.set(v.subarray(src, src + row), r * row);
      for (let ax = rank - 2; ax >= 0; ax--) {
        const c = (counter[ax] as number) + 1;
        if (c < (shape[ax] as number)) {
          counter[ax] = c;
          break;
        }
        counter[ax] = 0;
      }
    }
  }
  return runOp1(SliceOp, x, kernelTensor(out, shape, x.dtype), start);
}
