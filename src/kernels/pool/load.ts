// Browser-safe entry to the worker pool: the Node-only pool module is loaded by a dynamic import
// that only runs under Node (and that bundlers leave alone), so browser builds never import
// worker_threads. `threadedKernels` uses the pool once it is loaded, the one-thread WASM kernels
// before that and on other platforms; both give bit-identical results, so the switch is invisible.
import { ValueError } from "../../errors.js";
import type { DesignMatrix, ObjectiveKernels } from "../types.js";
import { wasmKernels } from "../wasm/simd-kernels.js";
import { getRuntime } from "../wasm/runtime.js";
import type { KernelPool, KernelPoolOptions } from "./types.js";

type NodePoolModule = typeof import("./node-pool.js");

const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
/** Module specifier kept in a variable so that bundlers do not follow it into browser builds. */
const NODE_POOL = "./node-pool.js";

let nodePool: NodePoolModule | undefined;
const loading: Promise<NodePoolModule | undefined> = isNode
  ? (import(/* @vite-ignore */ NODE_POOL) as Promise<NodePoolModule>).then(
      (m) => (nodePool = m),
      () => undefined,
    )
  : Promise.resolve(undefined);

/**
 * Creates a pool of WebAssembly SIMD kernels on `threads` threads, the caller's included (Node only;
 * rejects with a ValueError elsewhere). Results are bit-identical whatever the thread count; calls
 * too small to pay for threads run on the caller. Idle workers do not keep the process alive.
 */
export async function createKernelPool(options: KernelPoolOptions = {}): Promise<KernelPool> {
  const m = await loading;
  if (m === undefined) throw new ValueError("createKernelPool: worker threads are only available under Node; use wasmKernels");
  return m.createNodeKernelPool(options);
}

/** Work (≈ multiply-adds per call) from which the shared default pool is started. */
const START_POOL_WORK = 1 << 20;

let defaultPool: KernelPool | undefined;

function pick(X: DesignMatrix, work: number): ObjectiveKernels {
  if (defaultPool !== undefined) return defaultPool;
  if (X instanceof Float32Array && work >= START_POOL_WORK && nodePool !== undefined && getRuntime()?.shared === true) {
    defaultPool = nodePool.createNodeKernelPool();
    return defaultPool;
  }
  return wasmKernels;
}

/** Kernels that dispatch every call to variant(pick(X, work)). */
function dispatching(nameOf: () => string, variant: (k: ObjectiveKernels) => ObjectiveKernels, fast?: ObjectiveKernels): ObjectiveKernels {
  const at = (X: DesignMatrix, work: number): ObjectiveKernels => variant(pick(X, work));
  return {
    get name() {
      return nameOf();
    },
    binaryLossGrad: (data, w, fi, grad, hess) => at(data.X, data.n * data.d).binaryLossGrad(data, w, fi, grad, hess),
    binaryHessVec: (data, hess, fi, v, out) => at(data.X, data.n * data.d).binaryHessVec(data, hess, fi, v, out),
    binaryDecision: (X, n, d, w, fi, out) => at(X, n * d).binaryDecision(X, n, d, w, fi, out),
    multinomialLossGrad: (data, W, fi, grad, prob) => at(data.X, data.n * data.d * data.K).multinomialLossGrad(data, W, fi, grad, prob),
    multinomialHessVec: (data, prob, fi, V, out) => at(data.X, data.n * data.d * data.K).multinomialHessVec(data, prob, fi, V, out),
    multinomialDecision: (X, n, d, K, W, fi, out) => at(X, n * d * K).multinomialDecision(X, n, d, K, W, fi, out),
    ...(fast !== undefined ? { fast } : {}),
  };
}

const current = (): ObjectiveKernels => defaultPool ?? wasmKernels;
const threadedFast = dispatching(
  () => (current().fast ?? current()).name,
  (k) => k.fast ?? k,
);

/**
 * The default fast kernels for Float32Array X: WebAssembly SIMD on every core under Node (a shared
 * pool started on the first call large enough to use it), on one thread elsewhere; portable
 * TypeScript for Float64Array X or without WebAssembly SIMD. X, y and rowWeight must not be
 * modified in place between calls (they are copied once per array object). `fast` is their
 * float32-arithmetic variant, on the same threads.
 */
export const threadedKernels: ObjectiveKernels = dispatching(() => current().name, (k) => k, threadedFast);

/** Stops the default pool's worker threads (later large calls start it again). */
export async function closeDefaultKernelPool(): Promise<void> {
  const p = defaultPool;
  defaultPool = undefined;
  await p?.close();
}
