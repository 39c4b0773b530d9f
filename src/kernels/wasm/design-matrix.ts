// Design matrices allocated directly in the kernels' WebAssembly memory, so a fit holds one copy of X.
import { ValueError } from "../../errors.js";
import { getRuntime } from "./runtime.js";

/**
 * A zero-filled n × d Float32Array for X (row-major). Where the WebAssembly kernels run on a shared
 * memory (Node, cross-origin-isolated browsers) it lives in that memory and the kernels use it without
 * copying; elsewhere it is an ordinary array. Keep the returned array itself referenced while in use:
 * its memory is reclaimed when it is garbage-collected (views made with subarray do not keep it).
 */
export function allocDesignMatrix(n: number, d: number): Float32Array {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(d) || d < 0) {
    throw new ValueError(`allocDesignMatrix: n = ${n} and d = ${d} must be non-negative integers`);
  }
  const rt = getRuntime();
  if (rt !== null && rt.shared) {
    try {
      return rt.allocView(n * d);
    } catch {
      // the WebAssembly memory cannot grow that far: an ordinary array (the kernels fall back)
    }
  }
  return new Float32Array(n * d);
}

/**
 * The first `length` entries of an allocDesignMatrix array X, as an array of that length: in the
 * kernels' memory without a copy (the rest of X's memory is freed), or a copy when X is an ordinary
 * array. X must not be used afterwards.
 */
export function shrinkDesignMatrix(X: Float32Array, length: number): Float32Array {
  if (!Number.isInteger(length) || length < 0 || length > X.length) {
    throw new ValueError(`shrinkDesignMatrix: length = ${length} must be an integer in [0, ${X.length}]`);
  }
  return getRuntime()?.shrinkView(X, length) ?? (length === X.length ? X : X.slice(0, length));
}

/**
 * Index of the first NaN or ±Infinity in an allocDesignMatrix array, scanned with WebAssembly SIMD
 * (−1 when all are finite); undefined when X does not live in the kernels' memory.
 */
export function firstNonFiniteInKernelMemory(X: Float32Array): number | undefined {
  const rt = getRuntime();
  const ptr = rt?.viewAddress(X);
  if (rt === null || rt === undefined || ptr === undefined) return undefined;
  return rt.exports.firstNonFiniteF32(ptr, X.length);
}

/**
 * Frees, now rather than at garbage collection, the WebAssembly copy the kernels keep of an array
 * (X, y or rowWeight), or the memory of an allocDesignMatrix array — which must not be used afterwards.
 */
export function releaseDesignMatrix(X: Float32Array | Float64Array | Int32Array): void {
  getRuntime()?.unpin(X);
}
