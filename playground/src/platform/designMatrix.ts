// The playground's stand-in for src/kernels/wasm/design-matrix.ts (swapped in by vite.config.ts):
// this build has no WebAssembly memory, so a design matrix is an ordinary Float32Array and there is
// nothing to free — what the library's module does on a platform without WebAssembly SIMD.
import { ValueError } from "../../../src/errors.js";

/** A zero-filled n × d Float32Array for X (row-major); an ordinary array in this build. */
export function allocDesignMatrix(n: number, d: number): Float32Array {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(d) || d < 0) {
    throw new ValueError(`allocDesignMatrix: n = ${n} and d = ${d} must be non-negative integers`);
  }
  return new Float32Array(n * d);
}

/** Nothing to free in this build (no WebAssembly copies exist). */
export function releaseDesignMatrix(_X: Float32Array | Float64Array | Int32Array): void {}
