// Seeded random numbers for tests (mulberry32): the same sequence on every platform, so test data
// is reproducible. Not part of the library (whose own generator is tested against a reference).

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `len` parameters uniform in [−scale, scale) from `seed`. */
export function params(seed: number, len: number, scale: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: len }, () => (r() * 2 - 1) * scale);
}
