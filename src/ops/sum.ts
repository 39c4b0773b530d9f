// sum over axes (all by default), optionally keeping reduced dimensions. Gradient: broadcast dy back.
import { allocate } from "../tensor/dtype.js";
import { broadcastIndex, sizeOf, stridesOf } from "../tensor/shape.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { isRecording, registerOp, runOp1 } from "./engine.js";
import { SCALAR_SHAPE, normalizeAxes } from "./util.js";
import { broadcastTo } from "./broadcastTo.js";
import { reshape } from "./reshape.js";

interface SumSaved {
  keptShape: readonly number[];
}

const ADD = (a: number, b: number): number => a + b;

const onesShapes: (readonly number[])[] = [];

/** A shape of `rank` ones (the kept shape of a full reduction), shared per rank (shapes are never mutated). */
export function onesShape(rank: number): readonly number[] {
  let s = onesShapes[rank];
  if (s === undefined) {
    const made: number[] = [];
    for (let i = 0; i < rank; i++) made.push(1);
    s = made;
    if (rank < 16) onesShapes[rank] = s;
  }
  return s;
}

const SumOp = registerOp(
  "Sum",
  (dy, node) => {
    const x = node.inputs[0] as Tensor;
    const { keptShape } = node.saved as SumSaved;
    // A one-element dy (a full reduction) broadcasts as it is; otherwise put the reduced axes back first.
    return [broadcastTo(dy.size === 1 ? dy : reshape(dy, keptShape), x.shape)];
  },
  (dy, node, sink) => {
    const x = node.inputs[0] as Tensor;
    const { keptShape } = node.saved as SumSaved;
    const dv = dy.dataSync();
    const g = sink.into(0);
    if (dv.length === 1) {
      const q = dv[0] as number;
      for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + q;
    } else {
      const idx = broadcastIndex(keptShape, x.shape);
      for (let k = 0; k < g.length; k++) g[k] = (g[k] as number) + (dv[idx[k] as number] as number);
    }
    return true;
  },
);

/** Output shape of reducing `shape` over `axes` (sorted, unique), the reduced axes dropped. */
function droppedShape(shape: readonly number[], axes: readonly number[]): number[] {
  const out: number[] = [];
  let a = 0;
  for (let i = 0; i < shape.length; i++) {
    if (a < axes.length && axes[a] === i) a++;
    else out.push(shape[i] as number);
  }
  return out;
}

/** Output shape of reducing `shape` over `axes` (sorted, unique), the reduced axes kept as 1. */
function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  const out: number[] = [];
  let a = 0;
  for (let i = 0; i < shape.length; i++) {
    if (a < axes.length && axes[a] === i) {
      a++;
      out.push(1);
    } else out.push(shape[i] as number);
  }
  return out;
}

/** Output shape of reducing `shape` over `axes` (sorted, unique, as normalizeAxes gives), with the reduced axes kept as 1 and dropped. */
export function reducedShapes(shape: readonly number[], axes: readonly number[]): { kept: number[]; dropped: number[] } {
  return { kept: keptShape(shape, axes), dropped: droppedShape(shape, axes) };
}

/** Reduces `x` over `axes` with `combine` (a running accumulator), starting from `init`. Shared by sum/max/min. */
export function reduceKernel(
  x: Tensor,
  axes: readonly number[],
  init: number,
  combine: (acc: number, v: number) => number,
): Float64Array {
  const kept = keptShape(x.shape, axes);
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
 * Accumulates in float64 and rounds once to the output dtype; the sum of no elements is 0.
 * @example sum(tensor([[1, 2], [3, 4]]), 0) // [4, 6]
 */
export function sum(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const dtype = x.dtype === "bool" ? "int32" : x.dtype;
  if (axis === undefined || (x.rank === 1 && (axis === 0 || axis === -1))) {
    const v = x.dataSync();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    const out = allocate(dtype, 1);
    out[0] = s;
    const out_ = kernelTensor(out, keepDims ? onesShape(x.rank) : SCALAR_SHAPE, dtype);
    if (!isRecording()) return out_;
    return runOp1(SumOp, x, out_, { keptShape: onesShape(x.rank) } satisfies SumSaved);
  }
  const axes = normalizeAxes("sum", axis, x.rank);
  const dropped = droppedShape(x.shape, axes);
  // The kept shape is needed only for keepDims or by the gradient (when a tape records).
  const recording = isRecording();
  const kept = keepDims || recording ? keptShape(x.shape, axes) : dropped;
  let out;
  if (axes.length === x.rank) {
    const v = x.dataSync();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] as number;
    out = allocate(dtype, 1);
    out[0] = s;
  } else {
    out = allocate(dtype, sizeOf(dropped));
    const v = x.dataSync();
    const k = axes.length;
    let prefix = true;
    let suffix = true;
    for (let i = 0; i < k; i++) {
      if (axes[i] !== i) prefix = false;
      if (axes[i] !== x.rank - k + i) suffix = false;
    }
    if (prefix || suffix) {
      // The reduced axes are the leading (or trailing) ones: sum strided (or contiguous) runs.
      const inner = prefix ? out.length : v.length / Math.max(out.length, 1);
      const outer = prefix ? v.length / Math.max(out.length, 1) : out.length;
      if (prefix) {
        for (let j = 0; j < inner; j++) {
          let s = 0;
          for (let o = 0; o < outer; o++) s += v[o * inner + j] as number;
          out[j] = s;
        }
      } else {
        for (let o = 0; o < outer; o++) {
          let s = 0;
          for (let j = 0; j < inner; j++) s += v[o * inner + j] as number;
          out[o] = s;
        }
      }
    } else out.set(reduceKernel(x, axes, 0, ADD));
  }
  const result = kernelTensor(out, keepDims ? kept : dropped, dtype);
  return recording ? runOp1(SumOp, x, result, { keptShape: kept } satisfies SumSaved) : result;
}
