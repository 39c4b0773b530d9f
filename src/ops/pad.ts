// pad: surround x with a constant, [before, after] elements on each axis. Gradient: slice dy back out.
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape, stridesOf } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { slice } from "./slice.js";

const PadOp = registerOp("Pad", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const saved = node.saved;
  const paddings = saved as [number, number][];
  return [slice(dy, paddings.map((p) => p[0]), x.shape)];
});

/**
 * Pads `x` with `constantValue`: paddings[i] = [before, after] elements added on axis i.
 * @example pad(tensor([1, 2]), [[1, 2]]) // [0, 1, 2, 0, 0]
 */
export function pad(x: Tensor, paddings: readonly (readonly [number, number])[], constantValue = 0): Tensor {
  const rank = x.rank;
  const ok =
    paddings.length === rank &&
    paddings.every((p) => p.length === 2 && Number.isInteger(p[0]) && Number.isInteger(p[1]) && p[0] >= 0 && p[1] >= 0);
  if (!ok) {
    throw new ShapeError(
      `pad: paddings ${JSON.stringify(paddings)} must give [before, after] (non-negative integers) for each of the ${rank} axes of ${fmtShape(x.shape)}`,
    );
  }
  const pads = paddings.map((p) => [p[0], p[1]] as [number, number]);
  const shape = x.shape.map((s, i) => s + (pads[i] as [number, number])[0] + (pads[i] as [number, number])[1]);
  let size = 1;
  for (const s of shape) size *= s;
  const out = allocate(x.dtype, size);
  if (constantValue !== 0) out.fill(constantValue);
  copyBlock(x, out, shape, pads.map((p) => p[0]));
  return runOp1(PadOp, x, kernelTensor(out, shape, x.dtype), pads);
}

/** Writes all of `x` into `out` (of shape `outShape`) starting at `offset` on each axis. */
function copyBlock(x: Tensor, out: ReturnType<typeof allocate>, outShape: readonly number[], offset: readonly number[]): void {
  const rank = x.rank;
  const v = x.dataSync();
  if (x.size === 0) return;
  if (rank === 0) {
    out[0] = v[0] as number;
    return;
  }
  const outStrides = stridesOf(outShape);
  const row = x.shape[rank - 1] as number;
  const rows = x.size / row;
  const counter = new Array<number>(rank - 1).fill(0);
  for (let r = 0; r < rows; r++) {
    let dst = offset[rank - 1] as number;
    for (let ax = 0; ax < rank - 1; ax++) dst += ((counter[ax] as number) + (offset[ax] as number)) * (outStrides[ax] as number);
    out.set(v.subarray(r * row, r * row + row), dst);
    for (let ax = rank - 2; ax >= 0; ax--) {
      const c = (counter[ax] as number) + 1;
      if (c < (x.shape[ax] as number)) {
        counter[ax] = c;
        break;
      }
      counter[ax] = 0;
    }
  }
}
