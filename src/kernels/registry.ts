// Chooses the fused objective kernels for a design matrix: Float32Array X gets the WebAssembly SIMD
// kernels (on a worker pool under Node) where WebAssembly SIMD runs; Float64Array X, and platforms
// without it, get the portable kernels. setKernels forces one choice.
import { threadedKernels } from "./pool/load.js";
import { portableKernels } from "./portable.js";
import { wasmSimdAvailable } from "./wasm/simd-kernels.js";
import type { DesignMatrix, ObjectiveKernels } from "./types.js";

let forced: ObjectiveKernels | null = null;

/** The kernels to use for a problem whose design matrix is X (honours setKernels). */
export function kernelsFor(X: DesignMatrix): ObjectiveKernels {
  if (forced !== null) return forced;
  if (X instanceof Float32Array && wasmSimdAvailable()) return threadedKernels;
  return portableKernels;
}

/** Forces every later fit to use kernels k (for tests and benchmarks); null restores the automatic choice. */
export function setKernels(k: ObjectiveKernels | null): void {
  forced = k;
}
