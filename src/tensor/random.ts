// A small, known, seeded random number generator that gives the same numbers on every platform:
// xoshiro128** (32-bit integer arithmetic only) seeded through splitmix32, and normal deviates by
// the Marsaglia polar method with a logarithm computed from + − × ÷ only (IEEE-exact operations),
// so no platform's Math.log can change a bit.

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const LN2 = 0.6931471805599453;

/** Natural logarithm of a positive finite number using only IEEE-exact arithmetic (bit-reproducible everywhere). */
export function portableLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  let k = 0;
  let m = x;
  while (m >= 2) {
    m /= 2;
    k++;
  }
  while (m < 1) {
    m *= 2;
    k--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  // ln(m) = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716; the series converges fast.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let j = 1; j < 60; j += 2) {
    const add = term / j;
    sum += add;
    if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
    term *= s2;
  }
  return k * LN2 + 2 * sum;
}

/** Seeded generator (xoshiro128**): the same seed gives the same stream on every platform. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  /** Creates a generator from an integer seed (any 32-bit value; non-integers are truncated). */
  constructor(seed: number) {
    const st = { s: Math.trunc(seed) | 0 };
    this.a = splitmix32(st) | 0;
    this.b = splitmix32(st) | 0;
    this.c = splitmix32(st) | 0;
    this.d = splitmix32(st) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** A standard normal deviate (Marsaglia polar method). */
  nextNormal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.nextFloat() - 1;
      const v = 2 * this.nextFloat() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * portableLog(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Shuffles `arr` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

let globalSeedCounter = 0x2545f491;

/** A seed for calls that did not give one: different on each call, reproducible within a process run. */
export function nextDefaultSeed(): number {
  globalSeedCounter = (Math.imul(globalSeedCounter, 1664525) + 1013904223) | 0;
  return globalSeedCounter;
}
