// Runs a block kernel over blocks [0, nBlocks) on the calling thread; the thread pool implements
// the same interface by splitting the block range among threads.
import type { BlockKernelName, WasmRuntime } from "./runtime.js";

/** Something that runs a block kernel over all blocks of a problem. */
export interface BlockRunner {
  readonly runtime: WasmRuntime;
  /** Most threads this runner may use. */
  readonly threads: number;
  /**
   * Calls the kernel `fn` with `args` then (scratch, b0, b1) so that every block in [0, nBlocks)
   * is handled exactly once; `work` (≈ multiply-adds) lets a pool decide whether threads pay off.
   */
  run(fn: BlockKernelName, args: readonly number[], nBlocks: number, work: number, scratchBytes: number): void;
}

/** Runs every block on the calling thread. */
export class SingleThreadRunner implements BlockRunner {
  readonly runtime: WasmRuntime;
  readonly threads = 1;
  private scratch = 0;
  private scratchSize = 0;

  constructor(runtime: WasmRuntime) {
    this.runtime = runtime;
  }

  run(fn: BlockKernelName, args: readonly number[], nBlocks: number, _work: number, scratchBytes: number): void {
    if (nBlocks <= 0) return;
    if (scratchBytes > this.scratchSize) {
      if (this.scratch !== 0) this.runtime.release(this.scratch);
      this.scratch = this.runtime.alloc(scratchBytes);
      this.scratchSize = scratchBytes;
    }
    const f = this.runtime.exports[fn] as (...a: number[]) => void;
    f(...args, this.scratch, 0, nBlocks);
  }
}
