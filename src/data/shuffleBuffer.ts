// TensorFlow's shuffle buffer: keep up to `bufferSize` upcoming elements, emit one of them chosen
// uniformly at random, and refill its place from the input. A buffer as large as the data gives a
// uniform random permutation; a smaller one shuffles locally.
import type { Rng } from "../tensor/random.js";
import type { IndexStream } from "./indexStream.js";

/**
 * Wraps `pull` (which returns `end` when exhausted) in a shuffle buffer of `bufferSize` elements
 * drawing from `rng`. The order depends only on the rng and the number of elements, not on their type.
 */
export function shufflePull<T>(pull: () => T, end: T, bufferSize: number, rng: Rng): () => T {
  const buf: T[] = [];
  let exhausted = false;
  return () => {
    while (!exhausted && buf.length < bufferSize) {
      const x = pull();
      if (x === end) exhausted = true;
      else buf.push(x);
    }
    const n = buf.length;
    if (n === 0) return end;
    const j = rng.nextInt(n);
    const out = buf[j] as T;
    buf[j] = buf[n - 1] as T;
    buf.pop();
    return out;
  };
}

/** A shuffle buffer over the row numbers of `inner`, one row per run (same order as `shufflePull` on the rows). */
export function shuffleStream(inner: IndexStream, bufferSize: number, rng: Rng): IndexStream {
  const pull = shufflePull(() => (inner.next(1) === 0 ? -1 : inner.start), -1, bufferSize, rng);
  const s: IndexStream = {
    start: 0,
    next(): number {
      const i = pull();
      if (i < 0) return 0;
      s.start = i;
      return 1;
    },
  };
  return s;
}
