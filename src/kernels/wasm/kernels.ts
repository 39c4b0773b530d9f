// ObjectiveKernels on the WebAssembly SIMD module: copies the small per-call vectors into the
// module's memory, runs the block kernel through a BlockRunner (this thread or a pool), reduces the
// block partials in block order, and copies the results out. X, y and rowWeight are pinned: copied
// when a problem object (BinaryData / MultinomialData) is first seen, reused while the solver calls
// again with the same object. Decision calls copy X every time (unless it is an allocDesignMatrix
// array). Float64Array X, a platform without WebAssembly SIMD, and a problem too large for a 4 GiB
// memory go to the fallback kernels.
import { ShapeError } from "../../errors.js";
import { KERNEL_BLOCK_ROWS } from "../types.js";
import type { BinaryData, DesignMatrix, MultinomialData, ObjectiveKernels } from "../types.js";
import { ArenaFullError } from "./arena.js";
import type { BlockRunner } from "./runner.js";
import type { WasmRuntime } from "./runtime.js";

function need(ok: boolean, kernel: string, what: string): void {
  if (!ok) throw new ShapeError(`${kernel}: ${what}`);
}

function checkX(kernel: string, X: DesignMatrix, n: number, d: number): void {
  need(Number.isInteger(n) && n >= 0 && Number.isInteger(d) && d >= 0, kernel, `n = ${n} and d = ${d} must be non-negative integers`);
  need(X.length >= n * d, kernel, `X has ${X.length} entries, fewer than n·d = ${n}·${d}`);
}

function checkLen(kernel: string, a: ArrayLike<number>, len: number, name: string): void {
  need(a.length >= len, kernel, `${name} has length ${a.length}, needs ${len}`);
}

const blocksOf = (n: number): number => Math.ceil(n / KERNEL_BLOCK_ROWS);

/** Problem objects whose arrays have been copied (pinned) already. */
const seen = new WeakSet<object>();

/** True the first time a problem object is seen (its arrays must be copied afresh). */
function firstSight(data: object): boolean {
  if (seen.has(data)) return false;
  seen.add(data);
  return true;
}

/** Runs body with a list that collects temporary allocations, freed afterwards. */
function withTemps<T>(rt: WasmRuntime, body: (tmp: (ptr: number) => number) => T): T {
  const temps: number[] = [];
  try {
    return body((ptr) => {
      temps.push(ptr);
      return ptr;
    });
  } finally {
    for (const p of temps) rt.release(p);
  }
}

/** Calls body; when the WebAssembly memory cannot hold the problem, calls fallback instead. */
function orFallback<T>(body: () => T, fallback: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArenaFullError) return fallback();
    throw e;
  }
}

/**
 * Builds ObjectiveKernels on the WASM module, with their float32-arithmetic variant as `fast`.
 * `runnerFor()` returns the runner to use (null when WebAssembly SIMD is unavailable: the fallback
 * kernels run instead).
 */
export function createWasmKernels(name: string, runnerFor: () => BlockRunner | null, fallback: ObjectiveKernels): ObjectiveKernels {
  const fast = build(`${name} f32`, runnerFor, fallback, true);
  return { ...build(name, runnerFor, fallback, false), fast };
}

/** The kernels on one runner; float32: the binary loss-gradient and Hessian-vector kernels in float32 arithmetic. */
function build(name: string, runnerFor: () => BlockRunner | null, fallback: ObjectiveKernels, float32: boolean): ObjectiveKernels {
  const pick = (X: DesignMatrix): BlockRunner | null => (X instanceof Float32Array ? runnerFor() : null);

  return {
    name,

    binaryLossGrad(data: BinaryData, w, fitIntercept, grad, hessDiag) {
      const runner = pick(data.X);
      if (runner === null) return fallback.binaryLossGrad(data, w, fitIntercept, grad, hessDiag);
      const { X, n, d, y, rowWeight } = data;
      const k = "binaryLossGrad";
      checkX(k, X, n, d);
      checkLen(k, y, n, "y");
      checkLen(k, rowWeight, n, "rowWeight");
      checkLen(k, w, d + 1, "w");
      checkLen(k, grad, d + 1, "grad");
      if (hessDiag !== undefined) checkLen(k, hessDiag, n, "hessDiag");
      const rt = runner.runtime;
      return orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const nb = blocksOf(n);
            const stride = d + 2;
            const fresh = firstSight(data);
            const xp = rt.pin(X, fresh);
            const yp = rt.pin(y, fresh);
            const rp = rt.pin(rowWeight, fresh);
            const wp = tmp(rt.copyIn(w, d + 1));
            const pp = tmp(rt.alloc(nb * stride * 8));
            const op = tmp(rt.alloc(stride * 8));
            const hp = hessDiag !== undefined ? tmp(rt.alloc(n * 8)) : 0;
            const [fn, scratch] = float32 ? (["binaryLossGradF32", rt.exports.scratchBytesF32(d)] as const) : ([k, rt.exports.scratchBytes(d, 1)] as const);
            runner.run(fn, [xp, n, d, yp, rp, wp, fitIntercept ? 1 : 0, hp, pp], nb, n * d, scratch);
            rt.exports.reduceBlocks(pp, nb, stride, op);
            const o = rt.f64(op, stride);
            grad.set(o.subarray(0, d + 1));
            if (hessDiag !== undefined) rt.copyOut(hp, hessDiag, n);
            return o[d + 1]!;
          }),
        () => fallback.binaryLossGrad(data, w, fitIntercept, grad, hessDiag),
      );
    },

    binaryHessVec(data: BinaryData, hessDiag, fitIntercept, v, out) {
      const runner = pick(data.X);
      if (runner === null) return fallback.binaryHessVec(data, hessDiag, fitIntercept, v, out);
      const { X, n, d } = data;
      const k = "binaryHessVec";
      checkX(k, X, n, d);
      checkLen(k, hessDiag, n, "hessDiag");
      checkLen(k, v, d + 1, "v");
      checkLen(k, out, d + 1, "out");
      const rt = runner.runtime;
      orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const nb = blocksOf(n);
            const stride = d + 2;
            const xp = rt.pin(X, firstSight(data));
            const hp = tmp(rt.copyIn(hessDiag, n));
            const vp = tmp(rt.copyIn(v, d + 1));
            const pp = tmp(rt.alloc(nb * stride * 8));
            const op = tmp(rt.alloc(stride * 8));
            const [fn, scratch] = float32 ? (["binaryHessVecF32", rt.exports.scratchBytesF32(d)] as const) : ([k, rt.exports.scratchBytes(d, 1)] as const);
            runner.run(fn, [xp, n, d, hp, vp, fitIntercept ? 1 : 0, pp], nb, n * d, scratch);
            rt.exports.reduceBlocks(pp, nb, stride, op);
            out.set(rt.f64(op, d + 1));
          }),
        () => fallback.binaryHessVec(data, hessDiag, fitIntercept, v, out),
      );
    },

    binaryDecision(X, n, d, w, fitIntercept, out) {
      const runner = pick(X);
      if (runner === null) return fallback.binaryDecision(X, n, d, w, fitIntercept, out);
      const k = "binaryDecision";
      checkX(k, X, n, d);
      checkLen(k, w, d + (fitIntercept ? 1 : 0), "w");
      checkLen(k, out, n, "out");
      const rt = runner.runtime;
      orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const xp = rt.pin(X, true);
            const wp = tmp(rt.alloc((d + 1) * 8));
            const wv = rt.f64(wp, d + 1);
            wv.set(w.subarray(0, Math.min(w.length, d + 1)));
            const op = tmp(rt.alloc(n * 8));
            runner.run(k, [xp, n, d, wp, fitIntercept ? 1 : 0, op], blocksOf(n), n * d, rt.exports.scratchBytes(d, 1));
            rt.copyOut(op, out, n);
          }),
        () => fallback.binaryDecision(X, n, d, w, fitIntercept, out),
      );
    },

    multinomialLossGrad(data: MultinomialData, W, fitIntercept, grad, prob) {
      const runner = pick(data.X);
      if (runner === null) return fallback.multinomialLossGrad(data, W, fitIntercept, grad, prob);
      const { X, n, d, K, y, rowWeight } = data;
      const k = "multinomialLossGrad";
      checkX(k, X, n, d);
      need(Number.isInteger(K) && K >= 1, k, `K = ${K} must be a positive integer`);
      checkLen(k, y, n, "y");
      checkLen(k, rowWeight, n, "rowWeight");
      const size = K * (d + 1);
      checkLen(k, W, size, "W");
      checkLen(k, grad, size, "grad");
      if (prob !== undefined) checkLen(k, prob, n * K, "prob");
      const rt = runner.runtime;
      return orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const nb = blocksOf(n);
            const stride = size + 1;
            const fresh = firstSight(data);
            const xp = rt.pin(X, fresh);
            const labels = rt.pinLabels(y, fresh);
            need(n === 0 || (labels.min >= 0 && labels.max < K), k, `y holds class indices ${labels.min}..${labels.max}, outside 0..${K - 1}`);
            const rp = rt.pin(rowWeight, fresh);
            const Wp = tmp(rt.copyIn(W, size));
            const pp = tmp(rt.alloc(nb * stride * 8));
            const op = tmp(rt.alloc(stride * 8));
            const prp = prob !== undefined ? tmp(rt.alloc(n * K * 8)) : 0;
            runner.run(k, [xp, n, d, K, labels.ptr, rp, Wp, fitIntercept ? 1 : 0, prp, pp], nb, n * d * K, rt.exports.scratchBytes(d, K));
            rt.exports.reduceBlocks(pp, nb, stride, op);
            const o = rt.f64(op, stride);
            grad.set(o.subarray(0, size));
            if (prob !== undefined) rt.copyOut(prp, prob, n * K);
            return o[size]!;
          }),
        () => fallback.multinomialLossGrad(data, W, fitIntercept, grad, prob),
      );
    },

    multinomialHessVec(data: MultinomialData, prob, fitIntercept, V, out) {
      const runner = pick(data.X);
      if (runner === null) return fallback.multinomialHessVec(data, prob, fitIntercept, V, out);
      const { X, n, d, K, rowWeight } = data;
      const k = "multinomialHessVec";
      checkX(k, X, n, d);
      need(Number.isInteger(K) && K >= 1, k, `K = ${K} must be a positive integer`);
      checkLen(k, rowWeight, n, "rowWeight");
      checkLen(k, prob, n * K, "prob");
      const size = K * (d + 1);
      checkLen(k, V, size, "V");
      checkLen(k, out, size, "out");
      const rt = runner.runtime;
      orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const nb = blocksOf(n);
            const stride = size + 1;
            const fresh = firstSight(data);
            const xp = rt.pin(X, fresh);
            const rp = rt.pin(rowWeight, fresh);
            const prp = tmp(rt.copyIn(prob, n * K));
            const Vp = tmp(rt.copyIn(V, size));
            const pp = tmp(rt.alloc(nb * stride * 8));
            const op = tmp(rt.alloc(stride * 8));
            runner.run(k, [xp, n, d, K, rp, prp, Vp, fitIntercept ? 1 : 0, pp], nb, n * d * K, rt.exports.scratchBytes(d, K));
            rt.exports.reduceBlocks(pp, nb, stride, op);
            out.set(rt.f64(op, size));
          }),
        () => fallback.multinomialHessVec(data, prob, fitIntercept, V, out),
      );
    },

    multinomialDecision(X, n, d, K, W, fitIntercept, out) {
      const runner = pick(X);
      if (runner === null) return fallback.multinomialDecision(X, n, d, K, W, fitIntercept, out);
      const k = "multinomialDecision";
      checkX(k, X, n, d);
      need(Number.isInteger(K) && K >= 1, k, `K = ${K} must be a positive integer`);
      const size = K * (d + 1);
      checkLen(k, W, size, "W");
      checkLen(k, out, n * K, "out");
      const rt = runner.runtime;
      orFallback(
        () =>
          withTemps(rt, (tmp) => {
            const xp = rt.pin(X, true);
            const Wp = tmp(rt.copyIn(W, size));
            const op = tmp(rt.alloc(n * K * 8));
            runner.run(k, [xp, n, d, K, Wp, fitIntercept ? 1 : 0, op], blocksOf(n), n * d * K, rt.exports.scratchBytes(d, K));
            rt.copyOut(op, out, n * K);
          }),
        () => fallback.multinomialDecision(X, n, d, K, W, fitIntercept, out),
      );
    },
  };
}
