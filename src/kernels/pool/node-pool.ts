// Node-only (worker_threads): a pool of worker threads that run the WebAssembly SIMD kernels on the
// one shared copy of X. The calling thread takes part, so a pool of T threads starts T − 1 workers.
// Threads claim whole KERNEL_BLOCK_ROWS blocks from a shared counter (a busy or descheduled thread
// claims fewer); each block's partial has its own slot and the caller reduces them in block order,
// so results are bit-identical for any thread count. Small calls stay on one thread.
// Loaded only through load.ts (a dynamic import behind a platform check), never by browser code.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ValueError } from "../../errors.js";
import { portableKernels } from "../portable.js";
import type { ObjectiveKernels } from "../types.js";
import { createWasmKernels } from "../wasm/kernels.js";
import type { BlockRunner } from "../wasm/runner.js";
import { getRuntime } from "../wasm/runtime.js";
import type { BlockKernelName, WasmRuntime } from "../wasm/runtime.js";
import { BLOCK_KERNELS, CONTROL_BYTES, CTL, F64_OFFSET, jobTag, MAX_ARGS, MAX_CLAIM, MAX_WORKERS, SPIN, TAG_SHIFT, WORKER } from "./protocol.js";
import type { KernelPool, KernelPoolOptions } from "./types.js";
import { WORKER_SOURCE } from "./worker-source.js";

const DEFAULT_MIN_WORK = 1 << 18;

/** Runs block kernels on the caller plus worker threads sharing the runtime's memory. */
class PoolRunner implements BlockRunner {
  readonly runtime: WasmRuntime;
  readonly threads: number;
  private readonly minWork: number;
  private readonly ctl: Int32Array;
  private readonly f64: Float64Array;
  private readonly workers: Worker[] = [];
  private readonly scratch: number[];
  private readonly scratchSize: number[];
  private closed = false;
  /** Threads that ran blocks in the last run. */
  lastThreads = 1;

  constructor(runtime: WasmRuntime, threads: number, minWork: number) {
    this.runtime = runtime;
    this.threads = threads;
    this.minWork = minWork;
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    this.ctl = new Int32Array(control);
    this.f64 = new Float64Array(control, F64_OFFSET, MAX_ARGS + MAX_WORKERS);
    this.scratch = new Array<number>(threads).fill(0);
    this.scratchSize = new Array<number>(threads).fill(0);
    for (let slot = 0; slot < threads - 1; slot++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { module: runtime.module, memory: runtime.memory, control, slot, names: BLOCK_KERNELS },
      });
      worker.unref();
      worker.on("error", () => Atomics.store(this.ctl, this.base(slot) + WORKER.READY, 0));
      this.workers.push(worker);
    }
  }

  private base(slot: number): number {
    return CTL.WORKER_BASE + slot * CTL.WORKER_STRIDE;
  }

  private ensureScratch(t: number, bytes: number): number {
    if (bytes > this.scratchSize[t]!) {
      if (this.scratch[t] !== 0) this.runtime.release(this.scratch[t]!);
      this.scratch[t] = this.runtime.alloc(bytes);
      this.scratchSize[t] = bytes;
    }
    return this.scratch[t]!;
  }

  run(fn: BlockKernelName, args: readonly number[], nBlocks: number, work: number, scratchBytes: number): void {
    if (nBlocks <= 0) return;
    const kernel = this.runtime.exports[fn] as (...a: number[]) => void;
    // Workers that have started and the number of threads this much work pays for.
    const ready: number[] = [];
    if (!this.closed) {
      for (let s = 0; s < this.workers.length; s++) if (Atomics.load(this.ctl, this.base(s) + WORKER.READY) === 1) ready.push(s);
    }
    const want = Math.max(1, Math.min(this.threads, nBlocks, Math.floor(work / this.minWork)));
    // (A job's blocks must fit below its tag in NEXT; no 4 GiB memory holds more.)
    const helpers = nBlocks < 1 << TAG_SHIFT ? ready.slice(0, want - 1) : [];
    const mine = this.ensureScratch(0, scratchBytes);
    this.lastThreads = helpers.length + 1;
    if (helpers.length === 0) {
      kernel(...args, mine, 0, nBlocks);
      return;
    }
    const T = helpers.length + 1;
    // Guided self-scheduling: each claim takes 1/(4T) of the blocks still unclaimed, at least one and
    // at most MAX_CLAIM, so the last claims are single blocks (the threads finish together) and a
    // thread the OS deschedules right after a claim holds back little.
    const divisor = 4 * T;
    const ctl = this.ctl;
    const seq = (Atomics.load(ctl, CTL.SEQ) + 1) | 0;
    // Closed while the job is written: no claim can succeed until NEXT carries the new tag.
    Atomics.store(ctl, CTL.NEXT, -1);
    ctl[CTL.FN] = BLOCK_KERNELS.indexOf(fn);
    ctl[CTL.NARGS] = args.length;
    ctl[CTL.NBLOCKS] = nBlocks;
    ctl[CTL.GRAIN] = divisor;
    for (let i = 0; i < args.length; i++) this.f64[i] = args[i]!;
    helpers.forEach((slot, h) => {
      this.f64[MAX_ARGS + slot] = this.ensureScratch(h + 1, scratchBytes);
      ctl[this.base(slot) + WORKER.JOB] = seq;
    });
    // Claims carry the job's tag (see protocol.ts): a worker that wakes after the job is over
    // cannot claim blocks of the next one with this job's arguments.
    const tag = jobTag(seq);
    Atomics.store(ctl, CTL.RAN, 0);
    Atomics.store(ctl, CTL.DONE, 0);
    Atomics.store(ctl, CTL.ERRORS, 0);
    Atomics.store(ctl, CTL.NEXT, tag);
    Atomics.store(ctl, CTL.SEQ, seq);
    Atomics.notify(ctl, CTL.SEQ);
    let ranHere = 0;
    let mineDone = 0;
    for (;;) {
      const next = Atomics.load(ctl, CTL.NEXT);
      const b = next - tag;
      if (b >= nBlocks) break;
      const e = b + Math.max(1, Math.min(MAX_CLAIM, Math.floor((nBlocks - b) / divisor)));
      if (Atomics.compareExchange(ctl, CTL.NEXT, next, tag + e) !== next) continue;
      kernel(...args, mine, b, e);
      mineDone += e - b;
      ranHere = 1;
    }
    // Wait for the blocks the helpers claimed (not for helpers that claimed none: one the OS has
    // not scheduled yet would otherwise hold the caller up): spin briefly, then sleep on DONE.
    const others = nBlocks - mineDone;
    let spins = 0;
    for (;;) {
      const done = Atomics.load(ctl, CTL.DONE);
      if (done >= others) break;
      if (spins++ < SPIN) continue;
      Atomics.wait(ctl, CTL.DONE, done, 1000);
    }
    this.lastThreads = ranHere + Atomics.load(ctl, CTL.RAN);
    if (Atomics.load(ctl, CTL.ERRORS) !== 0) {
      throw new Error(`${fn}: a kernel worker thread failed (internal fault); close the pool and retry`);
    }
  }

  /** Number of started workers plus the caller. */
  readyThreads(): number {
    let k = 1;
    for (let s = 0; s < this.workers.length; s++) if (Atomics.load(this.ctl, this.base(s) + WORKER.READY) === 1) k++;
    return k;
  }

  /** Resolves once every worker has started (or the pool is closed), with the usable thread count. */
  async ready(): Promise<number> {
    while (!this.closed && this.readyThreads() < this.threads) await new Promise((r) => setTimeout(r, 5));
    return this.closed ? 1 : this.readyThreads();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctl, CTL.STOP, 1);
    Atomics.add(this.ctl, CTL.SEQ, 1);
    Atomics.notify(this.ctl, CTL.SEQ);
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.ref(); // keep the event loop alive until the worker has exited
            const timer = setTimeout(() => void w.terminate(), 2000);
            timer.unref();
            w.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    for (let t = 0; t < this.scratch.length; t++) if (this.scratch[t] !== 0) this.runtime.release(this.scratch[t]!);
    this.scratch.fill(0);
    this.scratchSize.fill(0);
  }
}

/** Creates a pool of WebAssembly SIMD kernels on `threads` threads (the caller included). */
export function createNodeKernelPool(options: KernelPoolOptions = {}): KernelPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WORKERS + 1) {
    throw new ValueError(`createKernelPool: threads = ${threads} must be an integer from 1 to ${MAX_WORKERS + 1}`);
  }
  const minWork = options.minWorkPerThread ?? DEFAULT_MIN_WORK;
  if (!(minWork >= 0)) throw new ValueError(`createKernelPool: minWorkPerThread = ${minWork} must be ≥ 0`);
  const rt = getRuntime();
  if (rt === null || !rt.shared) {
    throw new ValueError("createKernelPool: WebAssembly SIMD with shared memory is not available on this platform; use wasmKernels or portableKernels");
  }
  const runner = new PoolRunner(rt, threads, minWork);
  const kernels = createWasmKernels(`wasm-simd×${threads}`, () => runner, portableKernels);
  return {
    ...kernels,
    threads,
    get lastThreads() {
      return runner.lastThreads;
    },
    ready: () => runner.ready(),
    close: () => runner.close(),
  };
}
