// The layout of the control block shared by the pool's main thread and its workers: an Int32Array
// (for Atomics) and a Float64Array (kernel arguments, scratch addresses) over one SharedArrayBuffer.
// A job: the main thread writes the kernel, its arguments and each worker's block range, stamps the
// workers taking part with the job's sequence number, zeroes DONE, then bumps SEQ and notifies.
// A worker stamped with the sequence it woke for runs its range and increments DONE.

/** Int32 slots of the control block. */
export const CTL = {
  /** Job sequence number (bumped for every job and for stop). */
  SEQ: 0,
  /** Workers that finished the current job. */
  DONE: 1,
  /** Non-zero: workers exit. */
  STOP: 2,
  /** Index of the kernel in BLOCK_KERNELS. */
  FN: 3,
  /** Number of kernel arguments (before scratch, b0, b1). */
  NARGS: 4,
  /** Workers whose kernel threw during the current job. */
  ERRORS: 5,
  /** First per-worker record. */
  WORKER_BASE: 8,
  /** Int32 slots per worker: READY, JOB (sequence it takes part in), B0, B1. */
  WORKER_STRIDE: 4,
} as const;

/** Offsets inside a worker record. */
export const WORKER = { READY: 0, JOB: 1, B0: 2, B1: 3 } as const;

/** Most worker threads a pool may have. */
export const MAX_WORKERS = 64;
/** Most kernel arguments. */
export const MAX_ARGS = 16;
/** Byte offset of the Float64 area: MAX_ARGS arguments, then one scratch address per worker. */
export const F64_OFFSET = (CTL.WORKER_BASE + CTL.WORKER_STRIDE * MAX_WORKERS) * 4;
/** Bytes of the control block. */
export const CONTROL_BYTES = F64_OFFSET + (MAX_ARGS + MAX_WORKERS) * 8;

/** Kernel names by index (FN). */
export const BLOCK_KERNELS = [
  "binaryLossGrad",
  "binaryHessVec",
  "binaryDecision",
  "multinomialLossGrad",
  "multinomialHessVec",
  "multinomialDecision",
] as const;

/** Busy-wait iterations before a thread sleeps in Atomics.wait (short jobs follow each other). */
export const SPIN = 20000;
