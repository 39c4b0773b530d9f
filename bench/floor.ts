// The machine's read floor: a WebAssembly SIMD sum over the bytes of X (the kernels module's own
// sumF32), on one thread or split across threads. X must live in the kernels' shared memory
// (allocDesignMatrix, or pinned); the threads map that same memory, as the worker pool does.
import { Worker } from "node:worker_threads";
import type { WasmRuntime } from "../src/kernels/wasm/runtime.js";

// Worker: waits for a new generation number, sums its range, stores the sum, counts itself done.
const WORKER = `
const { workerData } = require("node:worker_threads");
const { module, memory, control, slot } = workerData;
const sum = new WebAssembly.Instance(module, { env: { memory } }).exports.sumF32;
const ctl = new Int32Array(control);
const f64 = new Float64Array(control, 64);
let gen = 0;
for (;;) {
  Atomics.wait(ctl, 0, gen);
  gen = Atomics.load(ctl, 0);
  if (gen < 0) break;
  f64[slot] = sum(ctl[2 + 2 * slot], ctl[3 + 2 * slot]);
  Atomics.add(ctl, 1, 1);
  Atomics.notify(ctl, 1);
}
`;

/** A sum over X on `threads` threads (the caller's included). */
export class ThreadedSum {
  private readonly ctl: Int32Array;
  private readonly f64: Float64Array;
  private readonly workers: Worker[] = [];
  private gen = 0;

  constructor(
    private readonly rt: WasmRuntime,
    readonly threads: number,
  ) {
    const control = new SharedArrayBuffer(64 + 8 * threads);
    this.ctl = new Int32Array(control);
    this.f64 = new Float64Array(control, 64);
    for (let slot = 0; slot < threads - 1; slot++) {
      const w = new Worker(WORKER, { eval: true, workerData: { module: rt.module, memory: rt.memory, control, slot } });
      w.unref();
      this.workers.push(w);
    }
  }

  /** Σ of `count` float32 at byte address ptr. */
  sum(ptr: number, count: number): number {
    const T = this.threads;
    const per = Math.ceil(count / T / 16) * 16;
    Atomics.store(this.ctl, 1, 0);
    for (let s = 0; s < T - 1; s++) {
      const from = (s + 1) * per;
      this.ctl[2 + 2 * s] = ptr + 4 * Math.min(from, count);
      this.ctl[3 + 2 * s] = Math.max(0, Math.min(per, count - from));
    }
    this.gen++;
    Atomics.store(this.ctl, 0, this.gen);
    Atomics.notify(this.ctl, 0);
    let total = this.rt.exports.sumF32(ptr, Math.min(per, count));
    for (;;) {
      const done = Atomics.load(this.ctl, 1);
      if (done === T - 1) break;
      Atomics.wait(this.ctl, 1, done, 50);
    }
    for (let s = 0; s < T - 1; s++) total += this.f64[s]!;
    return total;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    Atomics.store(this.ctl, 0, -1);
    Atomics.notify(this.ctl, 0);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
