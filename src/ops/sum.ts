// sum over axes (all by default), optionally keeping reduced dimensions. Gradient: broadcast dy back.
import { allocate } from "../tensor/dtype.js";
import { stridesOf } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { registerOp, runOp } from "./engine.js";
import { normalizeAxes } from "./util.js";
import { broadcastTo } from "./broadcastTo.js";
import { reshape } from "./reshape.js";

interface SumSaved {
  keptShape: number[];
}

const SumOp = registerOp("Sum", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const { keptShape } = node.saved as SumSaved;
  return [broadcastTo(reshape(dy, keptShape), x.shape)];
});

/** Output shape of reducing `shape` over `axes`, with the reduced axes kept as 1 and dropped. */
export function reducedShapes(shape: readonly number[], axes: readonly number[]): { kept: number[]; dropped: number[] } {
  const kept = shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const dropped = shape.filter((_, i) => !axes.includes(i));
  return { kept, dropped };
}

/** Reduces `x` over `axes` with `combine` (a running accumulator), starting from `init`. Shared by sum/max/min. */
export function reduceKernel(
  x: Tensor,
  axes: readonly number[],
  init: number,
  combine: (acc: number, v: number) => number,
): Float64Array {
  const { kept } = reducedShapes(x.shape, axes);
  let outSize = 1;
  for (const s of kept) outSize *= s;
  const acc = new Float64Array(outSize).fill(init);
  const v = x.dataSync();
  const rank = x.shape.length;
  if (rank === 0) {
    acc[0] = combine(init, v[0] as number);
    return acc;
  }
  const outStrides = stridesOf(kept);
  const map = x.shape.map((_, i) => (axes.includes(i) ? 0 : (outStrides[i] as number)));
  const counter = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < x.size; i++) {
    acc[o] = combine(acc[o] as number, v[i] as number);
    for (let ax = rank - 1; ax >= 0; ax--) {
      const c = (counter[ax] as number) + 1;
      if (c < (x.shape[ax] as number)) {
        counter[ax] = c;
        o += map[ax] as number;
        break;
      }
      counter[ax] = 0;
      o -= (map[ax] as number) * ((x.shape[ax] as number) - 1);
    }
  }
  return acc;
}

/**
 * Sums the elements of `x` over `axis` (all axes when omitted); `keepDims` keeps reduced axes as size 1.
 * Accumulates in float64 and rounds once to the output dtype.
 * @example sum(tensor([[1, 2], [3, 4]]), 0) // [4, 6]
 */
export function sum(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normalizeAxes("sum", axis, x.rank);
  const { kept, dropped } = reducedShapes(x.shape, axes);
  const dtype = x.dtype === "bool" ? "int32" : x.dtype;
  let out;
  if (axes.length === x.rank) {
    const v = x.dataSync();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    out = allocate(dtype, 1);
    out[0] = s;
  } else {
    const acc = reduceKernel(x, axes, 0, (a, b) => a + b);
    out = allocate(dtype, acc.length);
    out.set(acc);
  }
  return runOp(SumOp, [x], new Tensor(out, keepDims ? kept : dropped, dtype), { keptShape: kept } satisfies SumSaved);
}
