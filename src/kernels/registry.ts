// Chooses the fused objective kernels for a design matrix. Today every X gets the portable kernels;
// faster implementations (WASM SIMD, a worker pool) register here. setKernels forces one choice.
import { portableKernels } from "./portable.js";
import type { DesignMatrix, ObjectiveKernels } from "./types.js";

let forced: ObjectiveKernels | null = null;

/** The kernels to use for a problem whose design matrix is X (honours setKernels). */
export function kernelsFor(X: DesignMatrix): ObjectiveKernels {
  if (forced !== null) return forced;
  void X;
  return portableKernels;
}

/** Forces every later fit to use kernels k (for tests and benchmarks); null restores the automatic choice. */
export function setKernels(k: ObjectiveKernels | null): void {
  forced = k;
}
