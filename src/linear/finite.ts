// A fast scan for the first NaN or infinity in a typed array (one monomorphic loop per array type:
// the validation of a large X in place then costs about a memory pass, not a generic element loop).
import { firstNonFiniteInKernelMemory } from "../kernels/wasm/design-matrix.js";

function scan32(a: Float32Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}

function scan64(a: Float64Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}

/** Index of the first NaN or ±Infinity in a, or −1 when every entry is finite. */
export function firstNonFinite(a: Float32Array | Float64Array): number {
  if (a instanceof Float64Array) return scan64(a);
  // An allocDesignMatrix X is scanned by the kernels' SIMD code (about four times faster).
  return firstNonFiniteInKernelMemory(a) ?? scan32(a);
}

/**
 * Copies float64 src into float32 dst (same length), rounding each value, and returns the index of
 * the first entry that is not finite after rounding (NaN, ±Infinity, or beyond the float32 range),
 * or −1. One pass (a plain loop: faster than TypedArray.set into a shared WebAssembly memory).
 */
export function copyToFloat32(src: Float64Array, dst: Float32Array): number {
  let bad = -1;
  for (let k = 0; k < src.length; k++) {
    const f = Math.fround(src[k]!);
    dst[k] = f;
    if (f - f !== 0 && bad < 0) bad = k;
  }
  return bad;
}
