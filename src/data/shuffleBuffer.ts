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

/**
 * A shuffle buffer over the row numbers of `inner`, one row per run: the same algorithm and the
 * same order as `shufflePull`, on an Int32Array that grows up to `bufferSize` as rows arrive.
 */
export function shuffleStream(inner: IndexStream, bufferSize: number, rng: Rng): IndexStream {
  let buf = new Int32Array(Math.min(bufferSize, 1024));
  let n = 0;
  let exhausted = false;
  const s: IndexStream = {
    start: 0,
    next(): number {
      while (!exhausted && n < bufferSize) {
        const c = inner.next(bufferSize - n);
        if (c === 0) {
          exhausted = true;
          break;
        }
        if (n + c > buf.length) {
          const grown = new Int32Array(Math.min(bufferSize, Math.max(2 * buf.length, n + c)));
          grown.set(buf.subarray(0, n));
          buf = grown;
        }
        const first = inner.start;
        for (let k = 0; k < c; k++) buf[n++] = first + k;
      }
      if (n === 0) return 0;
      const j = rng.nextInt(n);
      s.start = buf[j] as number;
      buf[j] = buf[n - 1] as number;
      n--;
      return 1;
    },
  };
  return s;
}
