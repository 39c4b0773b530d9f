// The single-threaded WebAssembly SIMD kernels (float32 X), usable in browsers and in Node.
import { portableKernels } from "../portable.js";
import type { ObjectiveKernels } from "../types.js";
import { createWasmKernels } from "./kernels.js";
import { SingleThreadRunner } from "./runner.js";
import { getRuntime } from "./runtime.js";

let runner: SingleThreadRunner | null | undefined;

/** The single-thread runner on the process-wide runtime, or null without WebAssembly SIMD. */
export function singleThreadRunner(): SingleThreadRunner | null {
  if (runner !== undefined && runner !== null) return runner;
  const rt = getRuntime();
  runner = rt === null ? null : new SingleThreadRunner(rt);
  return runner;
}

/** True when the WebAssembly SIMD kernels can run here (compiled and ready). */
export function wasmSimdAvailable(): boolean {
  return getRuntime() !== null;
}

/**
 * Fused objective kernels in WebAssembly SIMD on one thread, for Float32Array X (float64 arithmetic
 * on float32 data). Float64Array X, or a platform without WebAssembly SIMD, runs the portable kernels.
 * X, y and rowWeight are copied into WebAssembly memory once per array object and reused while that
 * object lives: do not modify them in place between calls (pass new arrays instead). `fast` is the
 * float32-arithmetic variant of the binary loss-gradient and Hessian-vector kernels.
 */
export const wasmKernels: ObjectiveKernels = createWasmKernels("wasm-simd", singleThreadRunner, portableKernels);
