// The WebAssembly side of the SIMD kernels: one compiled module, one memory (shared when the
// platform allows, so worker threads can map the same X), an allocator, and copies of the large
// read-only arrays (X, y, rowWeight) kept in that memory, keyed by array identity, so a fit copies
// them once, not once per evaluation. The kernels refresh a copy's contents whenever they see a new
// problem object (a new fit), so an array modified in place between fits is never read stale.
// A copy is freed when its source array is garbage-collected (or by releaseDesignMatrix).
import { Arena } from "./arena.js";
import { decodeBase64 } from "./base64.js";
import { KERNELS_MAX_PAGES, KERNELS_WASM_PLAIN, KERNELS_WASM_SHARED } from "./module.generated.js";

/** Functions exported by the kernels module (addresses are byte offsets in its memory). */
export interface KernelExports {
  scratchBytes(d: number, K: number): number;
  binaryLossGrad(X: number, n: number, d: number, y: number, rw: number, w: number, fi: number, hess: number, partials: number, scratch: number, b0: number, b1: number): void;
  binaryHessVec(X: number, n: number, d: number, hess: number, v: number, fi: number, partials: number, scratch: number, b0: number, b1: number): void;
  binaryDecision(X: number, n: number, d: number, w: number, fi: number, out: number, scratch: number, b0: number, b1: number): void;
  scratchBytesF32(d: number): number;
  binaryLossGradF32(X: number, n: number, d: number, y: number, rw: number, w: number, fi: number, hess: number, partials: number, scratch: number, b0: number, b1: number): void;
  binaryHessVecF32(X: number, n: number, d: number, hess: number, v: number, fi: number, partials: number, scratch: number, b0: number, b1: number): void;
  multinomialLossGrad(X: number, n: number, d: number, K: number, y: number, rw: number, W: number, fi: number, prob: number, partials: number, scratch: number, b0: number, b1: number): void;
  multinomialHessVec(X: number, n: number, d: number, K: number, rw: number, prob: number, V: number, fi: number, partials: number, scratch: number, b0: number, b1: number): void;
  multinomialDecision(X: number, n: number, d: number, K: number, W: number, fi: number, out: number, scratch: number, b0: number, b1: number): void;
  reduceBlocks(partials: number, nBlocks: number, stride: number, out: number): void;
  sumF32(p: number, count: number): number;
  firstNonFiniteF32(p: number, count: number): number;
}

/** Names of the block kernels (the ones a thread pool can split by block range). */
export type BlockKernelName =
  | "binaryLossGrad"
  | "binaryHessVec"
  | "binaryDecision"
  | "multinomialLossGrad"
  | "multinomialHessVec"
  | "multinomialDecision"
  | "binaryLossGradF32"
  | "binaryHessVecF32";

/** Typed arrays the runtime can keep a copy of. */
export type Pinnable = Float32Array | Float64Array | Int32Array;

interface Pinned {
  readonly ptr: number;
  /** Smallest and largest entry of an Int32Array (class indices), checked against K per call. */
  readonly min: number;
  readonly max: number;
  /** True for an allocView array: it is the memory itself, never copied. */
  readonly view: boolean;
}

/** Instantiates the kernels module on `memory` (used by the main thread and by workers alike). */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as KernelExports;
}

/** One kernels module, its memory and allocator, and the cache of arrays copied into it. */
export class WasmRuntime {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** True when the memory is a SharedArrayBuffer (threads possible, views survive growth). */
  readonly shared: boolean;
  readonly exports: KernelExports;
  readonly arena: Arena;
  private readonly pinned = new WeakMap<Pinnable, Pinned>();
  private readonly finalizer = new FinalizationRegistry<number>((ptr) => this.arena.release(ptr));

  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory, shared: boolean, maxPages: number) {
    this.module = module;
    this.memory = memory;
    this.shared = shared;
    this.exports = instantiateKernels(module, memory);
    this.arena = new Arena(memory, maxPages);
  }

  /** Allocates `bytes` bytes in the module's memory (may grow it). */
  alloc(bytes: number): number {
    return this.arena.alloc(bytes);
  }

  /** Frees an allocation. */
  release(ptr: number): void {
    this.arena.release(ptr);
  }

  /** A float64 view of `length` entries at ptr (valid until the memory next grows, unless shared). */
  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, length);
  }

  /** Allocates room for `length` float64 and copies src[0..length) there. */
  copyIn(src: Float64Array, length: number): number {
    const ptr = this.alloc(length * 8);
    this.f64(ptr, length).set(length === src.length ? src : src.subarray(0, length));
    return ptr;
  }

  /** Copies `length` float64 from ptr into dst[0..length). */
  copyOut(ptr: number, dst: Float64Array, length: number): void {
    dst.set(this.f64(ptr, length), 0);
  }

  /**
   * The address of a copy of `arr` in the module's memory: made on first sight of this array object,
   * reused afterwards (its contents copied again when `refresh`), freed when the array is
   * garbage-collected or unpinned. An allocView array is used in place.
   */
  pin(arr: Pinnable, refresh: boolean): number {
    return this.pinEntry(arr, refresh).ptr;
  }

  /** Like pin for class indices; also returns their smallest and largest value. */
  pinLabels(arr: Int32Array, refresh: boolean): { ptr: number; min: number; max: number } {
    return this.pinEntry(arr, refresh);
  }

  private pinEntry(arr: Pinnable, refresh: boolean): Pinned {
    const hit = this.pinned.get(arr);
    if (hit !== undefined && (!refresh || hit.view)) return hit;
    const ptr = hit !== undefined ? hit.ptr : this.alloc(arr.byteLength);
    let min = 0;
    let max = 0;
    if (arr instanceof Int32Array) {
      new Int32Array(this.memory.buffer, ptr, arr.length).set(arr);
      min = Infinity;
      max = -Infinity;
      for (let i = 0; i < arr.length; i++) {
        const v = arr[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    } else if (arr instanceof Float32Array) new Float32Array(this.memory.buffer, ptr, arr.length).set(arr);
    else new Float64Array(this.memory.buffer, ptr, arr.length).set(arr);
    const entry = { ptr, min, max, view: false };
    this.pinned.set(arr, entry);
    if (hit === undefined) this.finalizer.register(arr, ptr, arr);
    return entry;
  }

  /** A zero-filled Float32Array of `length` entries living in the module's (shared) memory, pinned. */
  allocView(length: number): Float32Array {
    const ptr = this.alloc(length * 4);
    const view = new Float32Array(this.memory.buffer, ptr, length);
    view.fill(0);
    this.pinned.set(view, { ptr, min: 0, max: 0, view: true });
    this.finalizer.register(view, ptr, view);
    return view;
  }

  /**
   * The first `length` entries of an allocView array as an allocView array of that length, in the
   * same memory (no copy); the rest of its memory is freed. `view` must not be used afterwards.
   * Undefined when view is not an allocView array or length is out of range.
   */
  shrinkView(view: Float32Array, length: number): Float32Array | undefined {
    const hit = this.pinned.get(view);
    if (hit === undefined || !hit.view || !Number.isInteger(length) || length < 0 || length > view.length) return undefined;
    if (length === view.length) return view;
    this.pinned.delete(view);
    this.finalizer.unregister(view);
    this.arena.shrink(hit.ptr, length * 4);
    const out = new Float32Array(this.memory.buffer, hit.ptr, length);
    this.pinned.set(out, hit);
    this.finalizer.register(out, hit.ptr, out);
    return out;
  }

  /** The address of arr when it is an allocView array (it lives in this memory), else undefined. */
  viewAddress(arr: Pinnable): number | undefined {
    const hit = this.pinned.get(arr);
    return hit !== undefined && hit.view ? hit.ptr : undefined;
  }

  /** Frees the copy (or the memory of an allocView array) kept for arr; true if there was one. */
  unpin(arr: Pinnable): boolean {
    const hit = this.pinned.get(arr);
    if (hit === undefined) return false;
    this.pinned.delete(arr);
    this.finalizer.unregister(arr);
    this.release(hit.ptr);
    return true;
  }
}

/** Grows a shared memory up to this many pages when 4 GiB cannot be reserved (32-bit hosts). */
const FALLBACK_MAX_PAGES = 16384;

function makeSharedMemory(): { memory: WebAssembly.Memory; maxPages: number } | null {
  if (typeof SharedArrayBuffer !== "function") return null;
  for (const maximum of [KERNELS_MAX_PAGES, FALLBACK_MAX_PAGES]) {
    try {
      const memory = new WebAssembly.Memory({ initial: 16, maximum, shared: true });
      if (memory.buffer instanceof SharedArrayBuffer) return { memory, maxPages: maximum };
    } catch {
      // try the next size, then the unshared variant
    }
  }
  return null;
}

type Variant = "shared" | "plain";

function build(moduleFor: (variant: Variant, bytes: Uint8Array) => WebAssembly.Module): WasmRuntime | null {
  const sharedBytes = decodeBase64(KERNELS_WASM_SHARED);
  const mem = WebAssembly.validate(sharedBytes as BufferSource) ? makeSharedMemory() : null;
  if (mem !== null) return new WasmRuntime(moduleFor("shared", sharedBytes), mem.memory, true, mem.maxPages);
  const plainBytes = decodeBase64(KERNELS_WASM_PLAIN);
  if (!WebAssembly.validate(plainBytes as BufferSource)) return null; // no WebAssembly SIMD here
  return new WasmRuntime(moduleFor("plain", plainBytes), new WebAssembly.Memory({ initial: 16 }), false, KERNELS_MAX_PAGES);
}

let runtime: WasmRuntime | null | undefined;
let pending: Promise<WasmRuntime | null> | undefined;

async function buildAsync(): Promise<WasmRuntime | null> {
  const compiled = new Map<Variant, WebAssembly.Module>();
  const sources: Array<[Variant, string]> = [["shared", KERNELS_WASM_SHARED], ["plain", KERNELS_WASM_PLAIN]];
  for (const [variant, text] of sources) {
    const bytes = decodeBase64(text);
    if (WebAssembly.validate(bytes as BufferSource)) compiled.set(variant, await WebAssembly.compile(bytes as BufferSource));
  }
  return build((variant) => {
    const m = compiled.get(variant);
    if (m === undefined) throw new Error(`kernels module (${variant}) did not compile`);
    return m;
  });
}

/**
 * The process-wide kernels runtime, or null when WebAssembly SIMD is unavailable or still compiling
 * (browsers forbid synchronous compilation of large modules on the main thread; the module is then
 * compiled asynchronously and this returns it once ready).
 */
export function getRuntime(): WasmRuntime | null {
  if (runtime !== undefined) return runtime;
  if (typeof WebAssembly !== "object") return (runtime = null);
  try {
    runtime = build((_variant, bytes) => new WebAssembly.Module(bytes as BufferSource));
    return runtime;
  } catch {
    // Synchronous compilation refused: compile in the background; until then callers fall back.
    pending ??= buildAsync().then(
      (rt) => (runtime = rt),
      () => (runtime = null),
    );
    return null;
  }
}

/** Resolves once the runtime is ready (or known to be unavailable); returns it. */
export async function whenRuntimeReady(): Promise<WasmRuntime | null> {
  const rt = getRuntime();
  if (rt !== null || pending === undefined) return rt;
  return await pending;
}
