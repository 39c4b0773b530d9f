// The playground's stand-in for src/kernels/registry.ts (swapped in by vite.config.ts): without
// WebAssembly SIMD the library's registry always picks the portable kernels (unless setKernels
// forced a choice), so this build leaves the WebAssembly and worker-pool kernels out.
import { portableKernels } from "../../../src/kernels/portable.js";
import type { DesignMatrix, ObjectiveKernels } from "../../../src/kernels/types.js";

let forced: ObjectiveKernels | null = null;

/** The kernels for a design matrix: the portable ones (or those forced by setKernels). */
export function kernelsFor(_X: DesignMatrix): ObjectiveKernels {
  return forced ?? portableKernels;
}

/** Forces every later fit to use kernels k; null restores the automatic choice. */
export function setKernels(k: ObjectiveKernels | null): void {
  forced = k;
}
