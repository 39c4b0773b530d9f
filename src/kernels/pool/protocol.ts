// The layout of the control block shared by the pool's main thread and its workers: an Int32Array
// (for Atomics) and a Float64Array (kernel arguments, scratch addresses) over one SharedArrayBuffer.
// A job: the main thread closes NEXT (−1: no claim can succeed), writes the kernel, its arguments,
// the block count and grain, stamps the workers taking part with the job's sequence number, zeroes
// DONE, opens NEXT at the job's tag (jobTag: the sequence number in the high bits, block 0 in the
// low ones), then bumps SEQ and notifies. Every participant (the main thread too) claims blocks
// from NEXT with compareExchange on the tagged value, each time 1/GRAIN of those still unclaimed
// (at least one, at most MAX_CLAIM: guided self-scheduling), until none are left — so a thread the
// OS delays simply claims fewer — and a worker adds the blocks it completed to DONE. The main
// thread waits until DONE counts every block it did not run itself, never for a worker that
// claimed nothing; a worker that wakes late finds its job's tag gone from NEXT and claims nothing.
// Each block's partial goes to its own slot, so who ran it does not matter.

/** Int32 slots of the control block. */
export const CTL = {
  /** Job sequence number (bumped for every job and for stop). */
  SEQ: 0,
  /** Blocks of the current job completed by workers. */
  DONE: 1,
  /** Non-zero: workers exit. */
  STOP: 2,
  /** Index of the kernel in BLOCK_KERNELS. */
  FN: 3,
  /** Number of kernel arguments (before scratch, b0, b1). */
  NARGS: 4,
  /** Workers whose kernel threw during the current job. */
  ERRORS: 5,
  /** jobTag(job) + the next unclaimed block of the current job. */
  NEXT: 6,
  /** Blocks of the current job. */
  NBLOCKS: 7,
  /** Divisor of the guided schedule: a claim takes ⌊unclaimed / GRAIN⌋ blocks, at least one. */
  GRAIN: 8,
  /** Workers that ran at least one block of the current job. */
  RAN: 9,
  /** First per-worker record. */
  WORKER_BASE: 12,
  /** Int32 slots per worker: READY, JOB (sequence it takes part in). */
  WORKER_STRIDE: 2,
} as const;

/** Offsets inside a worker record. */
export const WORKER = { READY: 0, JOB: 1 } as const;

/** Bits of NEXT below a job's tag: room for 2^20 blocks (2^31 rows), more than a 4 GiB memory holds. */
export const TAG_SHIFT = 20;

/** Bits of the job sequence number a tag keeps (its low 11: the tag stays a non-negative int32). */
export const TAG_MASK = 0x7ff;

/** The tag of job `seq` in NEXT: its low bits (TAG_MASK) above the block index. */
export function jobTag(seq: number): number {
  return (seq & TAG_MASK) << TAG_SHIFT;
}

/** Most blocks one claim takes (a thread descheduled after a claim delays at most this many). */
export const MAX_CLAIM = 4;

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
  "binaryLossGradF32",
  "binaryHessVecF32",
] as const;

/** Busy-wait iterations before a thread sleeps in Atomics.wait (short jobs follow each other). */
export const SPIN = 20000;
