// Index streams: the fast lane of a Dataset whose elements are rows of one in-memory source.
// Transforms that only pick or reorder rows (shuffle, take, skip, repeat) pass row numbers along
// instead of tensors, and `batch` turns a run of consecutive rows into a zero-copy view.
import type { DatasetElement } from "./element.js";

/** Where the rows come from: an in-memory source addressed by row number. */
export interface RowSource {
  /** The number of rows. */
  readonly length: number;
  /** Row `i` as an element (a view, not a copy). */
  row(i: number): DatasetElement;
  /** Rows `start` to `end` (exclusive) as one batched element; a view of the storage, not a copy. */
  slice(start: number, end: number): DatasetElement;
  /** The rows `indices[0..count)` as one batched element (copied row by row). */
  gather(indices: Int32Array, count: number): DatasetElement;
}

/** One pass over row numbers, delivered as runs of consecutive rows. */
export interface IndexStream {
  /** The first row of the run returned by the last `next`. */
  start: number;
  /** Advances to the next run of at most `max` consecutive rows and returns its length (0 at the end). */
  next(max: number): number;
}

/** A plan to iterate a dataset as rows of a source: the source and a way to open a pass over row numbers. */
export interface IndexPlan {
  readonly source: RowSource;
  open(): IndexStream;
}

/** Rows 0 … n−1 in order, in runs as long as asked. */
export function counterStream(n: number): IndexStream {
  let pos = 0;
  const s: IndexStream = {
    start: 0,
    next(max: number): number {
      const count = Math.min(max, n - pos);
      if (count <= 0) return 0;
      s.start = pos;
      pos += count;
      return count;
    },
  };
  return s;
}

/** The first `n` rows of `inner`. */
export function takeStream(inner: IndexStream, n: number): IndexStream {
  let left = n;
  const s: IndexStream = {
    start: 0,
    next(max: number): number {
      if (left <= 0) return 0;
      const count = inner.next(Math.min(max, left));
      left -= count;
      s.start = inner.start;
      return count;
    },
  };
  return s;
}

/** `inner` without its first `n` rows. */
export function skipStream(inner: IndexStream, n: number): IndexStream {
  let toSkip = n;
  const s: IndexStream = {
    start: 0,
    next(max: number): number {
      while (toSkip > 0) {
        const c = inner.next(toSkip);
        if (c === 0) return (toSkip = 0);
        toSkip -= c;
      }
      const count = inner.next(max);
      s.start = inner.start;
      return count;
    },
  };
  return s;
}

/** `count` passes of `open()` one after the other (forever when `count` is Infinity); stops when a pass is empty. */
export function repeatStream(open: () => IndexStream, count: number): IndexStream {
  let done = 0;
  let cur: IndexStream | null = null;
  let gotAny = false;
  const s: IndexStream = {
    start: 0,
    next(max: number): number {
      for (;;) {
        if (cur === null) {
          if (done >= count) return 0;
          cur = open();
          gotAny = false;
        }
        const c = cur.next(max);
        if (c > 0) {
          gotAny = true;
          s.start = cur.start;
          return c;
        }
        cur = null;
        done++;
        if (!gotAny) return 0; // an empty pass: repeating it would loop forever
      }
    },
  };
  return s;
}
