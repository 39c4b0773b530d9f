// The playground's stand-in for src/kernels/wasm/runtime.ts (swapped in by vite.config.ts): the
// kernels' WebAssembly runtime as on a platform without WebAssembly SIMD, where there is none. The
// library's own code then takes its fallbacks (design matrices are ordinary Float32Arrays, scans
// and kernels run in TypeScript), and no WebAssembly binary is bundled. The plane's problems are
// float64, which the library always fits with the portable kernels anyway.
import type { WasmRuntime } from "../../../src/kernels/wasm/runtime.js";

/** No runtime in this build. */
export function getRuntime(): WasmRuntime | null {
  return null;
}
