// logSumExp: ln Σ e^x over axes, computed as m + ln Σ e^(x − m) with m the maximum, so it never
// overflows. Gradient: dy · e^(x − out), i.e. dy times the softmax over the reduced axes.
import { allocate } from "../tensor/dtype.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";
import { exp } from "./exp.js";
import { mul } from "./mul.js";
import { checkNonEmptyReduction, reductionIndex } from "./reduceUtil.js";
import { reshape } from "./reshape.js";
import { sub } from "./sub.js";
import { reducedShapes } from "./sum.js";
import { checkFloat, normalizeAxes } from "./util.js";

interface LogSumExpSaved {
  keptShape: number[];
}

const LogSumExpOp = registerOp("LogSumExp", (dy, node) => {
  const x = node.inputs[0] as Tensor;
  const output = node.output;
  const saved = node.saved;
  const { keptShape } = saved as LogSumExpSaved;
  return [mul(reshape(dy, keptShape), exp(sub(x, reshape(output, keptShape))))];
});

/**
 * ln Σ e^x over `axis` (all axes when omitted), stable for large inputs: logSumExp([1000, 1000]) = 1000 + ln 2.
 * `keepDims` keeps reduced axes as size 1. Throws a ValueError when an axis reduced over is empty.
 * @example logSumExp(tensor([0, 0])) // 0.6931472
 */
export function logSumExp(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  checkFloat("logSumExp", x);
  const axes = normalizeAxes("logSumExp", axis, x.rank);
  checkNonEmptyReduction("logSumExp", x.shape, axes);
  const { kept, dropped } = reducedShapes(x.shape, axes);
  const v = x.dataSync();
  let outSize = 1;
  for (const s of kept) outSize *= s;
  const m = new Float64Array(outSize).fill(-Infinity);
  const s = new Float64Array(outSize);
  const out = allocate(x.dtype, outSize);
  if (outSize === 1) {
    let mx = -Infinity;
    for (let i = 0; i < v.length; i++) mx = Math.max(mx, v[i] as number);
    const shift = Number.isFinite(mx) ? mx : 0;
    let acc = 0;
    for (let i = 0; i < v.length; i++) acc += Math.exp((v[i] as number) - shift);
    out[0] = shift + Math.log(acc);
  } else {
    const idx = reductionIndex(x.shape, axes);
    for (let i = 0; i < v.length; i++) {
      const o = idx[i] as number;
      m[o] = Math.max(m[o] as number, v[i] as number);
    }
    for (let o = 0; o < outSize; o++) if (!Number.isFinite(m[o] as number)) m[o] = 0;
    for (let i = 0; i < v.length; i++) {
      const o = idx[i] as number;
      s[o] = (s[o] as number) + Math.exp((v[i] as number) - (m[o] as number));
    }
    for (let o = 0; o < outSize; o++) out[o] = (m[o] as number) + Math.log(s[o] as number);
  }
  return runOp1(LogSumExpOp, x, kernelTensor(out, keepDims ? kept : dropped, x.dtype), { keptShape: kept } satisfies LogSumExpSaved);
}
