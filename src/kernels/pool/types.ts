// Public types of the kernel worker pool (browser-safe: types only).
import type { ObjectiveKernels } from "../types.js";

/** Options of a kernel pool. */
export interface KernelPoolOptions {
  /** Threads including the caller's (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Least work (≈ multiply-adds) worth giving one thread; smaller calls use fewer threads (default 2^18). */
  readonly minWorkPerThread?: number;
}

/** Objective kernels running on a pool of threads (the caller's included); close() stops the workers. */
export interface KernelPool extends ObjectiveKernels {
  /** Threads including the caller's. */
  readonly threads: number;
  /** Threads that ran blocks of the most recent kernel call (1 when it ran on the caller alone). */
  readonly lastThreads: number;
  /** Resolves, with the number of usable threads, once every worker thread has started. */
  ready(): Promise<number>;
  /** Stops the worker threads; later calls run on the calling thread. */
  close(): Promise<void>;
}
