// WebAssembly SIMD kernels for the fused logistic objectives (AssemblyScript source; build with
// `npm run build:wasm`, which embeds the binaries in src/kernels/wasm/module.generated.ts).
//
// Conventions (see src/kernels/types.ts for the contract these implement):
// - Every argument is a byte address in the imported linear memory or a count. X is row-major
//   n × d float32; y, rowWeight, w, W, V, hessDiag, prob and outputs are float64 (multinomial y is
//   int32). The module owns no static data, so several instances (threads) can share one memory.
// - Row dot products and gradient accumulations are float64: each float32 element of X is widened
//   exactly and multiplied by a float64 parameter, so z and the gradient carry ~1e-16 relative
//   error, not float32's 1e-7 (the solvers need that to land on the optimum). The *F32 kernels
//   (binaryLossGradF32, binaryHessVecF32) are the exception: float32 arithmetic, about twice as
//   fast, for the solvers' iterations far from the optimum (see their section).
// - Rows are reduced in blocks of BLOCK rows. A call handles blocks [b0, b1) and writes one partial
//   per block to `partials + b * stride * 8`; `reduceBlocks` sums the partials in block order. The
//   result therefore does not depend on how blocks are shared among threads.
// - Rows are processed four at a time; the last, short group of a problem is copied into a
//   zero-padded scratch group with row weight 0, so every group has exactly four rows.
// - `scratch` is a per-thread area of scratchBytes(d, K) bytes.

const BLOCK: i32 = 2048;

const LOG2E: f64 = 1.4426950408889634;
// ln 2 split so that k·LN2_HI is exact for |k| < 2^11 (LN2_HI has 21 significant bits).
const LN2_HI: f64 = 0.6931467056274414;
const LN2_LO: f64 = 4.7493250390316726e-7;
const LN2: f64 = 0.6931471805599453;
const SQRT2_M1: f64 = 0.41421356237309503;
/** 1.5 · 2^52: adding it to |v| < 2^51 rounds v to an integer held in the low mantissa bits. */
const ROUND_MAGIC: f64 = 6755399441055744.0;

// ---------------------------------------------------------------------------------------------
// Scratch layout (byte offsets from `scratch`), for K outputs per row (kernels with vector math
// first take KT_BYTES for the constants table and lay the rest out after it):
//   Z: 4K f64 (z of the group, class-major: Z[k*4 + r]) · E: 4K f64 · C: 4K f64 (row coefficients)
//   PP: 4K f64 (probabilities) · PX: 4d f32 (padded rows) · PY, PW, PH: 4 f64 each · PYI: 4 i32
// ---------------------------------------------------------------------------------------------

/** Bytes of per-thread scratch needed for d features and K outputs per row. */
export function scratchBytes(d: i32, K: i32): i32 {
  return KT_BYTES + 16 * K * 8 + align16(4 * d * 4) + 4 * 8 * 3 + 16 + 64;
}

// @ts-ignore: decorator
@inline function align16(x: i32): i32 {
  return (x + 15) & ~15;
}

// @ts-ignore: decorator
@inline function offE(K: i32): usize {
  return <usize>(4 * K * 8);
}
// @ts-ignore: decorator
@inline function offC(K: i32): usize {
  return <usize>(8 * K * 8);
}
// @ts-ignore: decorator
@inline function offPP(K: i32): usize {
  return <usize>(12 * K * 8);
}
// @ts-ignore: decorator
@inline function offPX(K: i32): usize {
  return <usize>(16 * K * 8);
}
// @ts-ignore: decorator
@inline function offPY(d: i32, K: i32): usize {
  return offPX(K) + <usize>align16(4 * d * 4);
}

// ---------------------------------------------------------------------------------------------
// Constants of the vector math, stored once per call at the start of the thread's scratch and
// loaded from there (V8 rebuilds each v128 constant from immediates at every use, which doubles
// the cost of a polynomial). Offsets are in bytes.
// ---------------------------------------------------------------------------------------------

/** Bytes of the constants table at the start of the scratch. */
const KT_BYTES: i32 = 576;

/** Writes the constants table at KT. */
function initConstants(KT: usize): void {
  v128.store(KT, f64x2.splat(-746.0), 0);
  v128.store(KT, f64x2.splat(LOG2E), 16);
  v128.store(KT, f64x2.splat(ROUND_MAGIC), 32);
  v128.store(KT, f64x2.splat(LN2_HI), 48);
  v128.store(KT, f64x2.splat(LN2_LO), 64);
  v128.store(KT, f64x2.splat(1.0), 80);
  v128.store(KT, f64x2.splat(0.5), 96);
  v128.store(KT, f64x2.splat(1.0 / 6.0), 112);
  v128.store(KT, f64x2.splat(1.0 / 24.0), 128);
  v128.store(KT, f64x2.splat(1.0 / 120.0), 144);
  v128.store(KT, f64x2.splat(1.0 / 720.0), 160);
  v128.store(KT, f64x2.splat(1.0 / 5040.0), 176);
  v128.store(KT, f64x2.splat(1.0 / 40320.0), 192);
  v128.store(KT, f64x2.splat(1.0 / 362880.0), 208);
  v128.store(KT, f64x2.splat(1.0 / 3628800.0), 224);
  v128.store(KT, f64x2.splat(1.0 / 39916800.0), 240);
  v128.store(KT, f64x2.splat(1.0 / 479001600.0), 256);
  v128.store(KT, f64x2.splat(1.0 / 6227020800.0), 272);
  v128.store(KT, i64x2.splat(1023), 288);
  v128.store(KT, f64x2.splat(SQRT2_M1), 304);
  v128.store(KT, f64x2.splat(3.0), 320);
  v128.store(KT, f64x2.splat(2.0), 336);
  v128.store(KT, f64x2.splat(1.0 / 3.0), 352);
  v128.store(KT, f64x2.splat(1.0 / 5.0), 368);
  v128.store(KT, f64x2.splat(1.0 / 7.0), 384);
  v128.store(KT, f64x2.splat(1.0 / 9.0), 400);
  v128.store(KT, f64x2.splat(1.0 / 11.0), 416);
  v128.store(KT, f64x2.splat(1.0 / 13.0), 432);
  v128.store(KT, f64x2.splat(1.0 / 15.0), 448);
  v128.store(KT, f64x2.splat(1.0 / 17.0), 464);
  v128.store(KT, f64x2.splat(1.0 / 19.0), 480);
  v128.store(KT, f64x2.splat(1.0 / 21.0), 496);
  v128.store(KT, f64x2.splat(LN2), 512);
  v128.store(KT, f64x2.splat(-1), 528);
}

// ---------------------------------------------------------------------------------------------
// Vector transcendentals (two float64 lanes).
// ---------------------------------------------------------------------------------------------

/** exp(x) for x ≤ 0 (lanes below −746 give 0), relative error ~1e-16. */
// @ts-ignore: decorator
@inline function expNeg(x0: v128, KT: usize): v128 {
  const x = f64x2.pmax(x0, v128.load(KT, 0));
  // k = round(x / ln 2) by the 1.5·2^52 trick: the sum's low mantissa bits hold k as an integer.
  const t = f64x2.add(f64x2.mul(x, v128.load(KT, 16)), v128.load(KT, 32));
  const k = f64x2.sub(t, v128.load(KT, 32));
  let r = f64x2.sub(x, f64x2.mul(k, v128.load(KT, 48)));
  r = f64x2.sub(r, f64x2.mul(k, v128.load(KT, 64)));
  // Taylor series of e^r to degree 13 on |r| ≤ ln2/2 (truncation < 5e-18), in Estrin's scheme
  // (short dependency chains: the rows' math is latency-bound otherwise).
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const q0 = f64x2.add(v128.load(KT, 80), r);
  const q1 = f64x2.add(v128.load(KT, 96), f64x2.mul(r, v128.load(KT, 112)));
  const q2 = f64x2.add(v128.load(KT, 128), f64x2.mul(r, v128.load(KT, 144)));
  const q3 = f64x2.add(v128.load(KT, 160), f64x2.mul(r, v128.load(KT, 176)));
  const q4 = f64x2.add(v128.load(KT, 192), f64x2.mul(r, v128.load(KT, 208)));
  const q5 = f64x2.add(v128.load(KT, 224), f64x2.mul(r, v128.load(KT, 240)));
  const q6 = f64x2.add(v128.load(KT, 256), f64x2.mul(r, v128.load(KT, 272)));
  const t0 = f64x2.add(q0, f64x2.mul(q1, r2));
  const t1 = f64x2.add(q2, f64x2.mul(q3, r2));
  const t2 = f64x2.add(q4, f64x2.mul(q5, r2));
  const u0 = f64x2.add(t0, f64x2.mul(t1, r4));
  const u1 = f64x2.add(t2, f64x2.mul(q6, r4));
  const p = f64x2.add(u0, f64x2.mul(u1, r8));
  // Scale by 2^k as 2^k1 · 2^k2 (k1 = ⌊k/2⌋) so that subnormal results round once, correctly.
  const ki = i64x2.sub(t, v128.load(KT, 32));
  const k1 = i64x2.shr_s(ki, 1);
  const k2 = i64x2.sub(ki, k1);
  const bias = v128.load(KT, 288);
  const s1 = i64x2.shl(i64x2.add(k1, bias), 52);
  const s2 = i64x2.shl(i64x2.add(k2, bias), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** log1p(e) for 0 ≤ e ≤ 1, relative error ~2e-16. */
// @ts-ignore: decorator
@inline function log1pUnit(e: v128, KT: usize): v128 {
  // 1 + e = (1 + s)/(1 − s) with s = e/(2 + e); above √2 − 1, halve first: ln 2 + ln((1 + e)/2).
  const big = f64x2.gt(e, v128.load(KT, 304));
  const num = v128.bitselect(f64x2.sub(e, v128.load(KT, 80)), e, big);
  const den = f64x2.add(e, v128.bitselect(v128.load(KT, 320), v128.load(KT, 336), big));
  const s = f64x2.div(num, den);
  const s2 = f64x2.mul(s, s);
  // 2·atanh(s) = 2 Σ s^(2j+1)/(2j+1), |s| ≤ 0.1716: eleven terms leave < 1e-18. The tail
  // Σ_{j≥1} s2^(j-1)/(2j+1) (ten coefficients) in Estrin's scheme.
  const s4 = f64x2.mul(s2, s2);
  const s8 = f64x2.mul(s4, s4);
  const a0 = f64x2.add(v128.load(KT, 352), f64x2.mul(s2, v128.load(KT, 368)));
  const a1 = f64x2.add(v128.load(KT, 384), f64x2.mul(s2, v128.load(KT, 400)));
  const a2 = f64x2.add(v128.load(KT, 416), f64x2.mul(s2, v128.load(KT, 432)));
  const a3 = f64x2.add(v128.load(KT, 448), f64x2.mul(s2, v128.load(KT, 464)));
  const a4 = f64x2.add(v128.load(KT, 480), f64x2.mul(s2, v128.load(KT, 496)));
  const b0 = f64x2.add(a0, f64x2.mul(a1, s4));
  const b1 = f64x2.add(a2, f64x2.mul(a3, s4));
  const p = f64x2.add(f64x2.add(b0, f64x2.mul(b1, s8)), f64x2.mul(a4, f64x2.mul(s8, s8)));
  const t = f64x2.mul(f64x2.mul(s, s2), p);
  const v = f64x2.add(f64x2.add(s, s), f64x2.add(t, t));
  return f64x2.add(v, v128.and(v128.load(KT, 512), big));
}

/** log1p(t) for t ≥ 0 (scalar), relative error ~2e-16. */
function log1pPos(t: f64): f64 {
  if (t <= SQRT2_M1) {
    const s = t / (2.0 + t);
    return atanh2(s);
  }
  if (!(t < Infinity)) return t;
  // 1 + t = 2^m · f with f in [√½, √2); c corrects for the rounding of u = 1 + t.
  const u = 1.0 + t;
  const c = (t - (u - 1.0)) / u;
  const bits = reinterpret<u64>(u);
  let m = <i32>(bits >> 52) - 1023;
  let f = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (f > 1.4142135623730951) {
    f *= 0.5;
    m += 1;
  }
  const s = (f - 1.0) / (f + 1.0);
  return <f64>m * LN2_HI + (atanh2(s) + (<f64>m * LN2_LO + c));
}

/** 2·atanh(s) for |s| ≤ 0.1716 (scalar). */
function atanh2(s: f64): f64 {
  const s2 = s * s;
  const s4 = s2 * s2;
  const s8 = s4 * s4;
  const b0 = (1.0 / 3.0 + s2 * (1.0 / 5.0)) + (1.0 / 7.0 + s2 * (1.0 / 9.0)) * s4;
  const b1 = (1.0 / 11.0 + s2 * (1.0 / 13.0)) + (1.0 / 15.0 + s2 * (1.0 / 17.0)) * s4;
  const p = (b0 + b1 * s8) + (1.0 / 19.0 + s2 * (1.0 / 21.0)) * (s8 * s8);
  const t = s * s2 * p;
  return s + s + (t + t);
}

// ---------------------------------------------------------------------------------------------
// Row dot products and accumulations for a group of four rows (float32 rows, float64 vectors).
// ---------------------------------------------------------------------------------------------

/** z_r = x_r · w[0..d) for the four rows at x (row stride d floats); writes f64 z to out[0..4) (stride `os` bytes). */
// @ts-ignore: decorator
@inline function dot4(x: usize, d: i32, w: usize, out: usize, os: usize): void {
  const rs = <usize>d << 2;
  const x1 = x + rs;
  const x2 = x1 + rs;
  const x3 = x2 + rs;
  let a0 = f64x2.splat(0); let b0 = f64x2.splat(0);
  let a1 = f64x2.splat(0); let b1 = f64x2.splat(0);
  let a2 = f64x2.splat(0); let b2 = f64x2.splat(0);
  let a3 = f64x2.splat(0); let b3 = f64x2.splat(0);
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    const xo = <usize>j << 2;
    const wo = w + (<usize>j << 3);
    const wl = v128.load(wo);
    const wh = v128.load(wo, 16);
    a0 = f64x2.add(a0, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo)), wl));
    b0 = f64x2.add(b0, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo, 8)), wh));
    a1 = f64x2.add(a1, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo)), wl));
    b1 = f64x2.add(b1, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo, 8)), wh));
    a2 = f64x2.add(a2, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo)), wl));
    b2 = f64x2.add(b2, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo, 8)), wh));
    a3 = f64x2.add(a3, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo)), wl));
    b3 = f64x2.add(b3, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo, 8)), wh));
  }
  if (j + 2 <= d) {
    const xo = <usize>j << 2;
    const wl = v128.load(w + (<usize>j << 3));
    a0 = f64x2.add(a0, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo)), wl));
    a1 = f64x2.add(a1, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo)), wl));
    a2 = f64x2.add(a2, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo)), wl));
    a3 = f64x2.add(a3, f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo)), wl));
    j += 2;
  }
  a0 = f64x2.add(a0, b0);
  a1 = f64x2.add(a1, b1);
  a2 = f64x2.add(a2, b2);
  a3 = f64x2.add(a3, b3);
  let z0 = f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
  let z1 = f64x2.extract_lane(a1, 0) + f64x2.extract_lane(a1, 1);
  let z2 = f64x2.extract_lane(a2, 0) + f64x2.extract_lane(a2, 1);
  let z3 = f64x2.extract_lane(a3, 0) + f64x2.extract_lane(a3, 1);
  if (j < d) {
    const xo = <usize>j << 2;
    const wj = load<f64>(w + (<usize>j << 3));
    z0 += <f64>load<f32>(x + xo) * wj;
    z1 += <f64>load<f32>(x1 + xo) * wj;
    z2 += <f64>load<f32>(x2 + xo) * wj;
    z3 += <f64>load<f32>(x3 + xo) * wj;
  }
  store<f64>(out, z0);
  store<f64>(out + os, z1);
  store<f64>(out + 2 * os, z2);
  store<f64>(out + 3 * os, z3);
}

/** g[0..d) += c0·x0 + c1·x1 + c2·x2 + c3·x3 for the four rows at x; c holds four f64. */
// @ts-ignore: decorator
@inline function axpy4(x: usize, d: i32, c: usize, g: usize): void {
  const rs = <usize>d << 2;
  const x1 = x + rs;
  const x2 = x1 + rs;
  const x3 = x2 + rs;
  const c0 = v128.load64_splat(c);
  const c1 = v128.load64_splat(c, 8);
  const c2 = v128.load64_splat(c, 16);
  const c3 = v128.load64_splat(c, 24);
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    const xo = <usize>j << 2;
    const go = g + (<usize>j << 3);
    const l01 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo)), c0),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo)), c1),
    );
    const l23 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo)), c2),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo)), c3),
    );
    const h01 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo, 8)), c0),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo, 8)), c1),
    );
    const h23 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo, 8)), c2),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo, 8)), c3),
    );
    v128.store(go, f64x2.add(v128.load(go), f64x2.add(l01, l23)));
    v128.store(go, f64x2.add(v128.load(go, 16), f64x2.add(h01, h23)), 16);
  }
  if (j + 2 <= d) {
    const xo = <usize>j << 2;
    const go = g + (<usize>j << 3);
    const l01 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x + xo)), c0),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x1 + xo)), c1),
    );
    const l23 = f64x2.add(
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x2 + xo)), c2),
      f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(x3 + xo)), c3),
    );
    v128.store(go, f64x2.add(v128.load(go), f64x2.add(l01, l23)));
    j += 2;
  }
  if (j < d) {
    const xo = <usize>j << 2;
    const go = g + (<usize>j << 3);
    const s =
      (<f64>load<f32>(x + xo) * load<f64>(c) + <f64>load<f32>(x1 + xo) * load<f64>(c, 8)) +
      (<f64>load<f32>(x2 + xo) * load<f64>(c, 16) + <f64>load<f32>(x3 + xo) * load<f64>(c, 24));
    store<f64>(go, load<f64>(go) + s);
  }
}

/** Sum of the four f64 at c, in a fixed order. */
// @ts-ignore: decorator
@inline function sum4(c: usize): f64 {
  return (load<f64>(c) + load<f64>(c, 8)) + (load<f64>(c, 16) + load<f64>(c, 24));
}

/** Zeroes `count` f64 at p. */
function zero64(p: usize, count: i32): void {
  memory.fill(p, 0, <usize>count << 3);
}

/** Copies `rows` (< 4) rows starting at x into the padded group PX, zero-filling the rest. */
function padRows(x: usize, d: i32, rows: i32, px: usize): void {
  const bytes = <usize>(rows * d) << 2;
  memory.copy(px, x, bytes);
  memory.fill(px + bytes, 0, (<usize>((4 - rows) * d)) << 2);
}

/** Copies `rows` f64 from src to dst and zero-fills dst up to 4 entries. */
function pad64(src: usize, rows: i32, dst: usize): void {
  memory.copy(dst, src, <usize>rows << 3);
  memory.fill(dst + (<usize>rows << 3), 0, <usize>(4 - rows) << 3);
}

// ---------------------------------------------------------------------------------------------
// Binary kernels. Partial slot per block: [grad (d + 1), loss] (stride d + 2).
// ---------------------------------------------------------------------------------------------

/** Loss, gradient residuals and Newton weights of rows 2 lanes at a time; see binaryLossGrad. */
// @ts-ignore: decorator
@inline function binaryRows(z: v128, y: v128, rw: v128, c: usize, h: usize, loss: v128, KT: usize): v128 {
  const one = v128.load(KT, 80);
  const zero = f64x2.splat(0);
  const pos = f64x2.ge(z, zero);
  const e = expNeg(f64x2.neg(f64x2.abs(z)), KT);
  const inv = f64x2.div(one, f64x2.add(one, e));
  const ei = f64x2.mul(e, inv);
  const p = v128.bitselect(inv, ei, pos); // σ(z)
  const q = v128.bitselect(ei, inv, pos); // 1 − σ(z)
  const y1 = f64x2.eq(y, one);
  const r = v128.bitselect(f64x2.neg(q), f64x2.sub(p, y), y1);
  const lp = log1pUnit(e, KT);
  const lin = v128.bitselect(
    f64x2.pmax(f64x2.neg(z), zero),
    f64x2.sub(f64x2.pmax(z, zero), f64x2.mul(y, z)),
    y1,
  );
  v128.store(c, f64x2.mul(rw, r));
  if (h != 0) v128.store(h, f64x2.mul(f64x2.mul(rw, p), q));
  return f64x2.add(loss, f64x2.mul(rw, f64x2.add(lp, lin)));
}

/**
 * Binary loss + gradient partials for blocks [b0, b1). hess = 0 when Newton weights are not wanted.
 * Slot b: grad[0..d] then the loss, stride d + 2 f64.
 */
export function binaryLossGrad(
  X: usize, n: i32, d: i32, y: usize, rw: usize, w: usize, fitIntercept: i32, hess: usize,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  // The groups of four rows of a block go through a three-stage software pipeline, as in
  // binaryLossGradF32: the dot products of group t (reading X from memory), the per-row math of
  // group t − 1, the gradient accumulation of group t − 2 (its rows still in L1). Each stage reads
  // its input before the stage after it in program order overwrites it (Z, C are single buffers).
  const KT = scratch;
  initConstants(KT);
  scratch += KT_BYTES;
  const stride = d + 2;
  const Z = scratch;
  const C = scratch + offC(1);
  const PX = scratch + offPX(1);
  const PY = scratch + offPY(d, 1);
  const PW = PY + 32;
  const PH = PW + 32;
  const bz = f64x2.splat(fitIntercept ? load<f64>(w + (<usize>d << 3)) : 0.0);
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const rows = min(n, r0 + BLOCK) - r0;
    const full = rows >> 2;
    const rest = rows & 3;
    const groups = full + (rest != 0 ? 1 : 0);
    if (rest != 0) {
      const at = r0 + 4 * full;
      padRows(X + (<usize>at * <usize>d << 2), d, rest, PX);
      pad64(y + (<usize>at << 3), rest, PY);
      pad64(rw + (<usize>at << 3), rest, PW);
    }
    let loss = f64x2.splat(0);
    let gb = 0.0;
    for (let t = 0; t < groups + 2; t++) {
      // Stage 3: gradient terms of group t − 2 (coefficients in C).
      if (t >= 2) {
        axpy4(groupRows(X, d, r0, t - 2, full, PX), d, C, slot);
        gb += sum4(C);
      }
      // Stage 2: loss, coefficients (and Newton weights) of group t − 1 (z in Z).
      if (t >= 1 && t <= groups) {
        const k = t - 1;
        const o = <usize>(r0 + 4 * k) << 3;
        const partial = k >= full;
        const yg = partial ? PY : y + o;
        const wg = partial ? PW : rw + o;
        const hg: usize = hess == 0 ? 0 : partial ? PH : hess + o;
        loss = binaryRows(f64x2.add(v128.load(Z), bz), v128.load(yg), v128.load(wg), C, hg, loss, KT);
        loss = binaryRows(f64x2.add(v128.load(Z, 16), bz), v128.load(yg, 16), v128.load(wg, 16), C + 16, hg != 0 ? hg + 16 : 0, loss, KT);
      }
      // Stage 1: z of group t.
      if (t < groups) dot4(groupRows(X, d, r0, t, full, PX), d, w, Z, 8);
    }
    // The padded group's Newton weights (after the loop, as in binaryLossGradF32).
    if (rest != 0 && hess != 0) memory.copy(hess + (<usize>(r0 + 4 * full) << 3), PH, <usize>rest << 3);
    store<f64>(slot + (<usize>d << 3), fitIntercept ? gb : 0.0);
    store<f64>(slot + (<usize>(d + 1) << 3), f64x2.extract_lane(loss, 0) + f64x2.extract_lane(loss, 1));
  }
}

/**
 * Binary Hessian-vector partials for blocks [b0, b1): Σ h_i (x̃_i·v) x̃_i; slot stride d + 2. A
 * two-stage pipeline over groups of four rows: z and coefficients of group t, accumulation of t − 1.
 */
export function binaryHessVec(
  X: usize, n: i32, d: i32, hess: usize, v: usize, fitIntercept: i32,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const stride = d + 2;
  const bz = f64x2.splat(fitIntercept ? load<f64>(v + (<usize>d << 3)) : 0.0);
  const Z = scratch;
  const C = scratch + offC(1);
  const PX = scratch + offPX(1);
  const PH = scratch + offPY(d, 1);
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const rows = min(n, r0 + BLOCK) - r0;
    const full = rows >> 2;
    const rest = rows & 3;
    const groups = full + (rest != 0 ? 1 : 0);
    if (rest != 0) {
      const at = r0 + 4 * full;
      padRows(X + (<usize>at * <usize>d << 2), d, rest, PX);
      pad64(hess + (<usize>at << 3), rest, PH);
    }
    let gb = 0.0;
    for (let t = 0; t <= groups; t++) {
      if (t >= 1) {
        axpy4(groupRows(X, d, r0, t - 1, full, PX), d, C, slot);
        gb += sum4(C);
      }
      if (t < groups) {
        const hg = t < full ? hess + (<usize>(r0 + 4 * t) << 3) : PH;
        dot4(groupRows(X, d, r0, t, full, PX), d, v, Z, 8);
        v128.store(C, f64x2.mul(v128.load(hg), f64x2.add(v128.load(Z), bz)));
        v128.store(C, f64x2.mul(v128.load(hg, 16), f64x2.add(v128.load(Z, 16), bz)), 16);
      }
    }
    store<f64>(slot + (<usize>d << 3), fitIntercept ? gb : 0.0);
  }
}

/** Binary decision values z_i = x_i·w + bias for the rows of blocks [b0, b1), into out (f64). */
export function binaryDecision(
  X: usize, n: i32, d: i32, w: usize, fitIntercept: i32, out: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const bias = fitIntercept ? load<f64>(w + (<usize>d << 3)) : 0.0;
  const Z = scratch;
  const PX = scratch + offPX(1);
  for (let b = b0; b < b1; b++) {
    const r0 = b * BLOCK;
    const r1 = min(n, r0 + BLOCK);
    for (let i = r0; i < r1; i += 4) {
      const rows = min(4, r1 - i);
      let xg = X + (<usize>i * <usize>d << 2);
      if (rows < 4) {
        padRows(xg, d, rows, PX);
        xg = PX;
      }
      dot4(xg, d, w, Z, 8);
      const bz = f64x2.splat(bias);
      v128.store(Z, f64x2.add(v128.load(Z), bz));
      v128.store(Z, f64x2.add(v128.load(Z, 16), bz), 16);
      memory.copy(out + (<usize>i << 3), Z, <usize>rows << 3);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Multinomial kernels. W is K × (d + 1); partial slot per block: [grad K × (d + 1), loss].
// ---------------------------------------------------------------------------------------------

/** z[k*4 + r] = x_r·W_k + bias_k for the group at xg (four rows). */
// @ts-ignore: decorator
@inline function groupDots(xg: usize, d: i32, K: i32, W: usize, fitIntercept: i32, Z: usize): void {
  const d1 = d + 1;
  for (let k = 0; k < K; k++) {
    const wk = W + (<usize>(k * d1) << 3);
    const zk = Z + (<usize>(k * 4) << 3);
    dot4(xg, d, wk, zk, 8);
    if (fitIntercept) {
      const bz = v128.load64_splat(wk + (<usize>d << 3));
      v128.store(zk, f64x2.add(v128.load(zk), bz));
      v128.store(zk, f64x2.add(v128.load(zk, 16), bz), 16);
    }
  }
}

/** G_k[0..d) += Σ_r C[k*4 + r] x_r and G_k[d] += Σ_r C[k*4 + r] for every class k. */
// @ts-ignore: decorator
@inline function groupAccumulate(xg: usize, d: i32, K: i32, C: usize, slot: usize): void {
  const d1 = d + 1;
  for (let k = 0; k < K; k++) {
    const ck = C + (<usize>(k * 4) << 3);
    const gk = slot + (<usize>(k * d1) << 3);
    axpy4(xg, d, ck, gk);
    const gi = gk + (<usize>d << 3);
    store<f64>(gi, load<f64>(gi) + sum4(ck));
  }
}

/** Softmax loss, coefficients and probabilities of one group; returns the group's weighted loss. */
function softmaxGroup(K: i32, Z: usize, E: usize, C: usize, yg: usize, wg: usize, P: usize, KT: usize): f64 {
  let loss = 0.0;
  for (let h = 0; h < 2; h++) {
    const ho = <usize>(h << 4);
    // Row maxima over classes (two rows per lane pair).
    let m = v128.load(Z + ho);
    for (let k = 1; k < K; k++) m = f64x2.pmax(m, v128.load(Z + (<usize>(k * 4) << 3) + ho));
    // e_k = exp(z_k − m); the first class reaching the maximum (e = 1) is left out of `rest`.
    let rest = f64x2.splat(0);
    let found = f64x2.splat(0);
    let arg = v128.load(KT, 528);
    for (let k = 0; k < K; k++) {
      const o = (<usize>(k * 4) << 3) + ho;
      const zk = v128.load(Z + o);
      const e = expNeg(f64x2.sub(zk, m), KT);
      v128.store(E + o, e);
      const isMax = v128.andnot(f64x2.eq(zk, m), found);
      found = v128.or(found, isMax);
      arg = v128.bitselect(f64x2.splat(<f64>k), arg, isMax);
      rest = f64x2.add(rest, v128.andnot(e, isMax));
    }
    const inv = f64x2.div(v128.load(KT, 80), f64x2.add(v128.load(KT, 80), rest));
    const rwv = v128.load(wg + ho);
    for (let k = 0; k < K; k++) {
      const o = (<usize>(k * 4) << 3) + ho;
      const p = f64x2.mul(v128.load(E + o), inv);
      v128.store(P + o, p);
      v128.store(C + o, f64x2.mul(rwv, p));
    }
    // The true class: loss and coefficient −rw (1 − p_y), formed without cancellation.
    for (let l = 0; l < 2; l++) {
      const r = (h << 1) + l;
      const yi = load<i32>(yg + (<usize>r << 2));
      const rwi = load<f64>(wg + (<usize>r << 3));
      const oy = <usize>((yi * 4 + r) << 3);
      const mr = l == 0 ? f64x2.extract_lane(m, 0) : f64x2.extract_lane(m, 1);
      const rr = l == 0 ? f64x2.extract_lane(rest, 0) : f64x2.extract_lane(rest, 1);
      const ar = l == 0 ? f64x2.extract_lane(arg, 0) : f64x2.extract_lane(arg, 1);
      const ir = l == 0 ? f64x2.extract_lane(inv, 0) : f64x2.extract_lane(inv, 1);
      const s = 1.0 + rr;
      const oneMinusPy = (<f64>yi == ar ? rr : s - load<f64>(E + oy)) * ir;
      store<f64>(C + oy, -(rwi * oneMinusPy));
      loss += rwi * ((mr - load<f64>(Z + oy)) + log1pPos(rr));
    }
  }
  return loss;
}

/**
 * Multinomial loss + gradient partials for blocks [b0, b1); y is int32. prob = 0 when the
 * probabilities are not wanted (else n × K f64, row-major). Slot stride K(d + 1) + 1.
 */
export function multinomialLossGrad(
  X: usize, n: i32, d: i32, K: i32, y: usize, rw: usize, W: usize, fitIntercept: i32, prob: usize,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const KT = scratch;
  initConstants(KT);
  scratch += KT_BYTES;
  const d1 = d + 1;
  const stride = K * d1 + 1;
  const Z = scratch;
  const E = scratch + offE(K);
  const C = scratch + offC(K);
  const P = scratch + offPP(K);
  const PX = scratch + offPX(K);
  const PW = scratch + offPY(d, K);
  const PYI = PW + 32;
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const r1 = min(n, r0 + BLOCK);
    let loss = 0.0;
    for (let i = r0; i < r1; i += 4) {
      const rows = min(4, r1 - i);
      let xg = X + (<usize>i * <usize>d << 2);
      let yg = y + (<usize>i << 2);
      let wg = rw + (<usize>i << 3);
      if (rows < 4) {
        padRows(xg, d, rows, PX);
        pad64(wg, rows, PW);
        memory.copy(PYI, yg, <usize>rows << 2);
        memory.fill(PYI + (<usize>rows << 2), 0, <usize>(4 - rows) << 2);
        xg = PX; yg = PYI; wg = PW;
      }
      groupDots(xg, d, K, W, fitIntercept, Z);
      loss += softmaxGroup(K, Z, E, C, yg, wg, P, KT);
      groupAccumulate(xg, d, K, C, slot);
      if (prob != 0) {
        for (let r = 0; r < rows; r++) {
          const pr = prob + (<usize>((i + r) * K) << 3);
          for (let k = 0; k < K; k++) store<f64>(pr + (<usize>k << 3), load<f64>(P + (<usize>(k * 4 + r) << 3)));
        }
      }
    }
    if (!fitIntercept) for (let k = 0; k < K; k++) store<f64>(slot + (<usize>(k * d1 + d) << 3), 0.0);
    store<f64>(slot + (<usize>(stride - 1) << 3), loss);
  }
}

/**
 * Multinomial Hessian-vector partials for blocks [b0, b1): out_k = Σ_i rw_i p_ik (u_ik − ū_i) x̃_i.
 * prob is n × K f64. Slot stride K(d + 1) + 1 (the last entry is 0).
 */
export function multinomialHessVec(
  X: usize, n: i32, d: i32, K: i32, rw: usize, prob: usize, V: usize, fitIntercept: i32,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const d1 = d + 1;
  const stride = K * d1 + 1;
  const Z = scratch;
  const C = scratch + offC(K);
  const P = scratch + offPP(K);
  const PX = scratch + offPX(K);
  const PW = scratch + offPY(d, K);
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const r1 = min(n, r0 + BLOCK);
    for (let i = r0; i < r1; i += 4) {
      const rows = min(4, r1 - i);
      let xg = X + (<usize>i * <usize>d << 2);
      let wg = rw + (<usize>i << 3);
      if (rows < 4) {
        padRows(xg, d, rows, PX);
        pad64(wg, rows, PW);
        xg = PX; wg = PW;
      }
      // Probabilities of the group, class-major like Z (zero for padding rows).
      for (let r = 0; r < 4; r++) {
        const pr = prob + (<usize>((i + r) * K) << 3);
        for (let k = 0; k < K; k++) {
          store<f64>(P + (<usize>(k * 4 + r) << 3), r < rows ? load<f64>(pr + (<usize>k << 3)) : 0.0);
        }
      }
      groupDots(xg, d, K, V, fitIntercept, Z);
      for (let h = 0; h < 2; h++) {
        const ho = <usize>(h << 4);
        let ubar = f64x2.splat(0);
        for (let k = 0; k < K; k++) {
          const o = (<usize>(k * 4) << 3) + ho;
          ubar = f64x2.add(ubar, f64x2.mul(v128.load(P + o), v128.load(Z + o)));
        }
        const rwv = v128.load(wg + ho);
        for (let k = 0; k < K; k++) {
          const o = (<usize>(k * 4) << 3) + ho;
          v128.store(C + o, f64x2.mul(f64x2.mul(rwv, v128.load(P + o)), f64x2.sub(v128.load(Z + o), ubar)));
        }
      }
      groupAccumulate(xg, d, K, C, slot);
    }
    if (!fitIntercept) for (let k = 0; k < K; k++) store<f64>(slot + (<usize>(k * d1 + d) << 3), 0.0);
  }
}

/** Multinomial decision values z_ik into out (n × K f64, row-major) for the rows of blocks [b0, b1). */
export function multinomialDecision(
  X: usize, n: i32, d: i32, K: i32, W: usize, fitIntercept: i32, out: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const Z = scratch;
  const PX = scratch + offPX(K);
  for (let b = b0; b < b1; b++) {
    const r0 = b * BLOCK;
    const r1 = min(n, r0 + BLOCK);
    for (let i = r0; i < r1; i += 4) {
      const rows = min(4, r1 - i);
      let xg = X + (<usize>i * <usize>d << 2);
      if (rows < 4) {
        padRows(xg, d, rows, PX);
        xg = PX;
      }
      groupDots(xg, d, K, W, fitIntercept, Z);
      for (let r = 0; r < rows; r++) {
        const orow = out + (<usize>((i + r) * K) << 3);
        for (let k = 0; k < K; k++) store<f64>(orow + (<usize>k << 3), load<f64>(Z + (<usize>(k * 4 + r) << 3)));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Float32-arithmetic binary kernels: the solvers' fast path (their early iterations, far from the
// optimum, where float32 rounding of z and of the gradient is far below the gradient itself).
// Products x_ij·w_j in f32x4 (w rounded to float32 once per call), z per row summed in float32,
// the sigmoid and softplus of four rows at a time in float32 from one exp per row, the gradient
// accumulated in float32 over FLUSH rows and then added into the block's float64 partial; the loss
// and the intercept's gradient are summed in float64. The block structure and the partial slots
// are the float64 kernels' (stride d + 2), so results do not depend on the thread count either.
// Scratch layout (bytes from `scratch`, scratchBytesF32(d) in all): KF constants (KF_BYTES) ·
// W32: d f32 (16-aligned) · G32: d f32 (16-aligned) · C: 4 f32 · PX: 4d f32 (16-aligned) ·
// PY, PW, PH: 4 f64 each.
// ---------------------------------------------------------------------------------------------

/** Rows whose float32 gradient terms are summed before being added to the float64 partial (a multiple of 4). */
const FLUSH: i32 = 32;
/** Bytes of the float32 constants table. */
const KF_BYTES: i32 = 352;

/** Bytes of per-thread scratch the float32 kernels need for d features. */
export function scratchBytesF32(d: i32): i32 {
  return KF_BYTES + 2 * align16(4 * d) + 16 + align16(16 * d) + 3 * 32 + 64;
}

/** Writes the float32 constants table at KT. */
function initConstantsF32(KT: usize): void {
  v128.store(KT, f32x4.splat(-80.0), 0);
  v128.store(KT, f32x4.splat(<f32>LOG2E), 16);
  v128.store(KT, f32x4.splat(12582912.0), 32); // 1.5 · 2^23
  v128.store(KT, f32x4.splat(0.693359375), 48); // ln 2, high part (9 significant bits)
  v128.store(KT, f32x4.splat(-2.12194440e-4), 64); // ln 2 − the high part
  v128.store(KT, f32x4.splat(1.0), 80);
  v128.store(KT, f32x4.splat(0.5), 96);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 6.0)), 112);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 24.0)), 128);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 120.0)), 144);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 720.0)), 160);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 5040.0)), 176);
  v128.store(KT, i32x4.splat(127), 192);
  v128.store(KT, f32x4.splat(<f32>SQRT2_M1), 208);
  v128.store(KT, f32x4.splat(3.0), 224);
  v128.store(KT, f32x4.splat(2.0), 240);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 3.0)), 256);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 5.0)), 272);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 7.0)), 288);
  v128.store(KT, f32x4.splat(<f32>(1.0 / 9.0)), 304);
  v128.store(KT, f32x4.splat(<f32>LN2), 320);
  v128.store(KT, f32x4.splat(0.0), 336);
}

/** exp(x) for x ≤ 0 in four float32 lanes (lanes below −80 give e^−80, ~2e-35), relative error ~2e-7. */
// @ts-ignore: decorator
@inline function expNegF32(x0: v128, KT: usize): v128 {
  const x = f32x4.pmax(x0, v128.load(KT, 0));
  const t = f32x4.add(f32x4.mul(x, v128.load(KT, 16)), v128.load(KT, 32));
  const k = f32x4.sub(t, v128.load(KT, 32));
  let r = f32x4.sub(x, f32x4.mul(k, v128.load(KT, 48)));
  r = f32x4.sub(r, f32x4.mul(k, v128.load(KT, 64)));
  // Taylor series of e^r to degree 7 on |r| ≤ ln2/2 (truncation < 1e-8), Estrin's scheme.
  const r2 = f32x4.mul(r, r);
  const r4 = f32x4.mul(r2, r2);
  const q0 = f32x4.add(v128.load(KT, 80), r);
  const q1 = f32x4.add(v128.load(KT, 96), f32x4.mul(r, v128.load(KT, 112)));
  const q2 = f32x4.add(v128.load(KT, 128), f32x4.mul(r, v128.load(KT, 144)));
  const q3 = f32x4.add(v128.load(KT, 160), f32x4.mul(r, v128.load(KT, 176)));
  const p = f32x4.add(f32x4.add(q0, f32x4.mul(q1, r2)), f32x4.mul(f32x4.add(q2, f32x4.mul(q3, r2)), r4));
  // 2^k: k is an integer in [−116, 0], held in the low mantissa bits of t.
  const ki = i32x4.sub(t, v128.load(KT, 32));
  return f32x4.mul(p, i32x4.shl(i32x4.add(ki, v128.load(KT, 192)), 23));
}

/** log1p(e) for 0 ≤ e ≤ 1 in four float32 lanes, relative error ~2e-7. */
// @ts-ignore: decorator
@inline function log1pUnitF32(e: v128, KT: usize): v128 {
  // As log1pUnit: 1 + e = (1 + s)/(1 − s), halved first above √2 − 1; |s| ≤ 0.1716, and four
  // terms of 2·atanh(s) leave < 3e-9.
  const big = f32x4.gt(e, v128.load(KT, 208));
  const num = v128.bitselect(f32x4.sub(e, v128.load(KT, 80)), e, big);
  const den = f32x4.add(e, v128.bitselect(v128.load(KT, 224), v128.load(KT, 240), big));
  const s = f32x4.div(num, den);
  const s2 = f32x4.mul(s, s);
  const s4 = f32x4.mul(s2, s2);
  const a0 = f32x4.add(v128.load(KT, 256), f32x4.mul(s2, v128.load(KT, 272)));
  const a1 = f32x4.add(v128.load(KT, 288), f32x4.mul(s2, v128.load(KT, 304)));
  const p = f32x4.add(a0, f32x4.mul(a1, s4));
  const t = f32x4.mul(f32x4.mul(s, s2), p);
  const v = f32x4.add(f32x4.add(s, s), f32x4.add(t, t));
  return f32x4.add(v, v128.and(v128.load(KT, 320), big));
}

/** Four f64 at p (two v128) rounded to one f32x4. */
// @ts-ignore: decorator
@inline function load4AsF32(p: usize): v128 {
  const lo = f32x4.demote_f64x2_zero(v128.load(p));
  const hi = f32x4.demote_f64x2_zero(v128.load(p, 16));
  return v128.shuffle<f32>(lo, hi, 0, 1, 4, 5);
}

/** Adds the four lanes of an f32x4, widened, to an f64x2 accumulator (lanes 0+2 and 1+3). */
// @ts-ignore: decorator
@inline function addWidened(acc: v128, v: v128): v128 {
  return f64x2.add(acc, f64x2.add(f64x2.promote_low_f32x4(v), f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3))));
}

/** Stores the four lanes of an f32x4 as four f64 at p. */
// @ts-ignore: decorator
@inline function store4AsF64(p: usize, v: v128): void {
  v128.store(p, f64x2.promote_low_f32x4(v));
  v128.store(p, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)), 16);
}

/** [x_r · w for the four rows at x] as one f32x4, products and sums in float32 (w: d f32). */
// One accumulator per row, the two products of an 8-column step summed before they join it: with
// two per row (eight), the compiler spilled accumulators to the stack inside the loop.
// @ts-ignore: decorator
@inline function dot4F32(x: usize, d: i32, w: usize): v128 {
  const rs = <usize>d << 2;
  const x1 = x + rs;
  const x2 = x1 + rs;
  const x3 = x2 + rs;
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  let j = 0;
  for (; j + 8 <= d; j += 8) {
    const o = <usize>j << 2;
    const pw = w + o;
    const w0 = v128.load(pw);
    const w1 = v128.load(pw, 16);
    let p = x + o;
    a0 = f32x4.add(a0, f32x4.add(f32x4.mul(v128.load(p), w0), f32x4.mul(v128.load(p, 16), w1)));
    p = x1 + o;
    a1 = f32x4.add(a1, f32x4.add(f32x4.mul(v128.load(p), w0), f32x4.mul(v128.load(p, 16), w1)));
    p = x2 + o;
    a2 = f32x4.add(a2, f32x4.add(f32x4.mul(v128.load(p), w0), f32x4.mul(v128.load(p, 16), w1)));
    p = x3 + o;
    a3 = f32x4.add(a3, f32x4.add(f32x4.mul(v128.load(p), w0), f32x4.mul(v128.load(p, 16), w1)));
  }
  for (; j + 4 <= d; j += 4) {
    const o = <usize>j << 2;
    const wl = v128.load(w + o);
    a0 = f32x4.add(a0, f32x4.mul(v128.load(x + o), wl));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(x1 + o), wl));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(x2 + o), wl));
    a3 = f32x4.add(a3, f32x4.mul(v128.load(x3 + o), wl));
  }
  // Transpose and add: lane r of z is the sum of the four lanes of a_r.
  const s01 = f32x4.add(v128.shuffle<f32>(a0, a1, 0, 4, 1, 5), v128.shuffle<f32>(a0, a1, 2, 6, 3, 7));
  const s23 = f32x4.add(v128.shuffle<f32>(a2, a3, 0, 4, 1, 5), v128.shuffle<f32>(a2, a3, 2, 6, 3, 7));
  let z = f32x4.add(v128.shuffle<f32>(s01, s23, 0, 1, 4, 5), v128.shuffle<f32>(s01, s23, 2, 3, 6, 7));
  for (; j < d; j++) {
    const o = <usize>j << 2;
    let xv = f32x4.splat(load<f32>(x + o));
    xv = f32x4.replace_lane(xv, 1, load<f32>(x1 + o));
    xv = f32x4.replace_lane(xv, 2, load<f32>(x2 + o));
    xv = f32x4.replace_lane(xv, 3, load<f32>(x3 + o));
    z = f32x4.add(z, f32x4.mul(xv, f32x4.splat(load<f32>(w + o))));
  }
  return z;
}

/** g[0..d) += c_0·x_0 + c_1·x_1 + c_2·x_2 + c_3·x_3 in float32, for the four rows at x (c: one f32x4, g: d f32). */
// The main loop takes 16 columns per step, its loads and stores at constant offsets from pointers
// computed once per step.
// @ts-ignore: decorator
@inline function axpy4F32(x: usize, d: i32, c: v128, g: usize): void {
  const rs = <usize>d << 2;
  const x1 = x + rs;
  const x2 = x1 + rs;
  const x3 = x2 + rs;
  const c0 = v128.shuffle<f32>(c, c, 0, 0, 0, 0);
  const c1 = v128.shuffle<f32>(c, c, 1, 1, 1, 1);
  const c2 = v128.shuffle<f32>(c, c, 2, 2, 2, 2);
  const c3 = v128.shuffle<f32>(c, c, 3, 3, 3, 3);
  let j = 0;
  for (; j + 16 <= d; j += 16) {
    const o = <usize>j << 2;
    const p0 = x + o;
    const p1 = x1 + o;
    const p2 = x2 + o;
    const p3 = x3 + o;
    const pg = g + o;
    v128.store(pg, f32x4.add(v128.load(pg), f32x4.add(
      f32x4.add(f32x4.mul(v128.load(p0), c0), f32x4.mul(v128.load(p1), c1)),
      f32x4.add(f32x4.mul(v128.load(p2), c2), f32x4.mul(v128.load(p3), c3)))));
    v128.store(pg, f32x4.add(v128.load(pg, 16), f32x4.add(
      f32x4.add(f32x4.mul(v128.load(p0, 16), c0), f32x4.mul(v128.load(p1, 16), c1)),
      f32x4.add(f32x4.mul(v128.load(p2, 16), c2), f32x4.mul(v128.load(p3, 16), c3)))), 16);
    v128.store(pg, f32x4.add(v128.load(pg, 32), f32x4.add(
      f32x4.add(f32x4.mul(v128.load(p0, 32), c0), f32x4.mul(v128.load(p1, 32), c1)),
      f32x4.add(f32x4.mul(v128.load(p2, 32), c2), f32x4.mul(v128.load(p3, 32), c3)))), 32);
    v128.store(pg, f32x4.add(v128.load(pg, 48), f32x4.add(
      f32x4.add(f32x4.mul(v128.load(p0, 48), c0), f32x4.mul(v128.load(p1, 48), c1)),
      f32x4.add(f32x4.mul(v128.load(p2, 48), c2), f32x4.mul(v128.load(p3, 48), c3)))), 48);
  }
  for (; j + 4 <= d; j += 4) {
    const o = <usize>j << 2;
    const s = f32x4.add(
      f32x4.add(f32x4.mul(v128.load(x + o), c0), f32x4.mul(v128.load(x1 + o), c1)),
      f32x4.add(f32x4.mul(v128.load(x2 + o), c2), f32x4.mul(v128.load(x3 + o), c3)),
    );
    v128.store(g + o, f32x4.add(v128.load(g + o), s));
  }
  for (; j < d; j++) {
    const o = <usize>j << 2;
    const s =
      (load<f32>(x + o) * f32x4.extract_lane(c, 0) + load<f32>(x1 + o) * f32x4.extract_lane(c, 1)) +
      (load<f32>(x2 + o) * f32x4.extract_lane(c, 2) + load<f32>(x3 + o) * f32x4.extract_lane(c, 3));
    store<f32>(g + o, load<f32>(g + o) + s);
  }
}

/** slot[0..d) += G32[0..d) widened to float64; zeroes G32. Inlined, and without memory.fill: a call inside the pipelined loops makes the compiler spill their vector registers. */
// @ts-ignore: decorator
@inline function flushF32(G32: usize, d: i32, slot: usize): void {
  const zero = f32x4.splat(0);
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    const p = G32 + (<usize>j << 2);
    const g = v128.load(p);
    v128.store(p, zero);
    const o = slot + (<usize>j << 3);
    v128.store(o, f64x2.add(v128.load(o), f64x2.promote_low_f32x4(g)));
    v128.store(o, f64x2.add(v128.load(o, 16), f64x2.promote_low_f32x4(v128.shuffle<f32>(g, g, 2, 3, 2, 3))), 16);
  }
  for (; j < d; j++) {
    const p = G32 + (<usize>j << 2);
    const o = slot + (<usize>j << 3);
    store<f64>(o, load<f64>(o) + <f64>load<f32>(p));
    store<f32>(p, 0);
  }
}

/** Writes w[0..d) (f64) rounded to float32 at W32. */
function roundVector(w: usize, d: i32, W32: usize): void {
  for (let j = 0; j < d; j++) store<f32>(W32 + (<usize>j << 2), <f32>load<f64>(w + (<usize>j << 3)));
}

/** Loss terms, gradient coefficients and Newton weights of four rows in float32; writes rw·(σ − y) to c, returns rw·loss per lane. */
// @ts-ignore: decorator
@inline function binaryRowsF32(z: v128, y: v128, rw: v128, c: usize, h: usize, KT: usize): v128 {
  const one = v128.load(KT, 80);
  const zero = v128.load(KT, 336);
  const e = expNegF32(f32x4.neg(f32x4.abs(z)), KT);
  const inv = f32x4.div(one, f32x4.add(one, e));
  const ei = f32x4.mul(e, inv);
  const pos = f32x4.ge(z, zero);
  const p = v128.bitselect(inv, ei, pos); // σ(z)
  const q = v128.bitselect(ei, inv, pos); // 1 − σ(z)
  const y1 = f32x4.eq(y, one);
  const r = v128.bitselect(f32x4.neg(q), f32x4.sub(p, y), y1);
  const lin = v128.bitselect(
    f32x4.pmax(f32x4.neg(z), zero),
    f32x4.sub(f32x4.pmax(z, zero), f32x4.mul(y, z)),
    y1,
  );
  v128.store(c, f32x4.mul(rw, r));
  if (h != 0) store4AsF64(h, f32x4.mul(f32x4.mul(rw, p), q));
  return f32x4.mul(rw, f32x4.add(log1pUnitF32(e, KT), lin));
}

/** Address of group k's four rows of X in a block starting at row r0 with `full` whole groups (the partial group is padded at PX). */
// @ts-ignore: decorator
@inline function groupRows(X: usize, d: i32, r0: i32, k: i32, full: i32, PX: usize): usize {
  return k < full ? X + (<usize>(r0 + 4 * k) * <usize>d << 2) : PX;
}

/**
 * binaryLossGrad in float32 arithmetic (see the section comment): same arguments, outputs and
 * partial slots; results within float32 rounding of the float64 kernel's. The groups of four rows
 * of a block go through a three-stage software pipeline — the dot products of group t (reading X
 * from memory), the per-row math of group t − 1, the gradient accumulation of group t − 2 (rows
 * still in L1) — so the three independent pieces of work overlap and memory reads continue while
 * the transcendentals run.
 */
export function binaryLossGradF32(
  X: usize, n: i32, d: i32, y: usize, rw: usize, w: usize, fitIntercept: i32, hess: usize,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const KT = scratch;
  initConstantsF32(KT);
  const W32 = scratch + KF_BYTES;
  const G32 = W32 + <usize>align16(4 * d);
  const C = G32 + <usize>align16(4 * d);
  const PX = C + 16;
  const PY = PX + <usize>align16(16 * d);
  const PW = PY + 32;
  const PH = PW + 32;
  roundVector(w, d, W32);
  memory.fill(G32, 0, <usize>d << 2);
  const stride = d + 2;
  const bias = f32x4.splat(fitIntercept ? <f32>load<f64>(w + (<usize>d << 3)) : 0);
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const rows = min(n, r0 + BLOCK) - r0;
    const full = rows >> 2;
    const rest = rows & 3;
    const groups = full + (rest != 0 ? 1 : 0);
    if (rest != 0) {
      const at = r0 + 4 * full;
      padRows(X + (<usize>at * <usize>d << 2), d, rest, PX);
      pad64(y + (<usize>at << 3), rest, PY);
      pad64(rw + (<usize>at << 3), rest, PW);
    }
    let loss = f64x2.splat(0);
    let gb = f64x2.splat(0);
    let zq = f32x4.splat(0);
    let cq = f32x4.splat(0);
    let pending = 0;
    for (let t = 0; t < groups + 2; t++) {
      // Stage 3: gradient terms of group t − 2 (coefficients cq from the previous iteration).
      if (t >= 2) {
        axpy4F32(groupRows(X, d, r0, t - 2, full, PX), d, cq, G32);
        gb = addWidened(gb, cq);
        pending += 4;
        if (pending >= FLUSH) {
          flushF32(G32, d, slot);
          pending = 0;
        }
      }
      // Stage 2: loss, coefficients (and Newton weights) of group t − 1 from zq.
      if (t >= 1 && t <= groups) {
        const k = t - 1;
        const o = <usize>(r0 + 4 * k) << 3;
        const partial = k >= full;
        const yg = partial ? PY : y + o;
        const wg = partial ? PW : rw + o;
        const hg: usize = hess == 0 ? 0 : partial ? PH : hess + o;
        loss = addWidened(loss, binaryRowsF32(zq, load4AsF32(yg), load4AsF32(wg), C, hg, KT));
        cq = v128.load(C);
      }
      // Stage 1: z of group t.
      if (t < groups) zq = f32x4.add(dot4F32(groupRows(X, d, r0, t, full, PX), d, W32), bias);
    }
    if (pending > 0) flushF32(G32, d, slot);
    // The padded group's Newton weights (after the loop: a call inside it would make the compiler
    // spill the loop's vector registers on every iteration).
    if (rest != 0 && hess != 0) memory.copy(hess + (<usize>(r0 + 4 * full) << 3), PH, <usize>rest << 3);
    store<f64>(slot + (<usize>d << 3), fitIntercept ? f64x2.extract_lane(gb, 0) + f64x2.extract_lane(gb, 1) : 0.0);
    store<f64>(slot + (<usize>(d + 1) << 3), f64x2.extract_lane(loss, 0) + f64x2.extract_lane(loss, 1));
  }
}

/**
 * binaryHessVec in float32 arithmetic (products, z and short gradient sums), same outputs and
 * slots; a two-stage pipeline over groups: z and coefficients of group t, accumulation of t − 1.
 */
export function binaryHessVecF32(
  X: usize, n: i32, d: i32, hess: usize, v: usize, fitIntercept: i32,
  partials: usize, scratch: usize, b0: i32, b1: i32,
): void {
  const W32 = scratch + KF_BYTES;
  const G32 = W32 + <usize>align16(4 * d);
  const C = G32 + <usize>align16(4 * d);
  const PX = C + 16;
  const PH = PX + <usize>align16(16 * d);
  roundVector(v, d, W32);
  memory.fill(G32, 0, <usize>d << 2);
  const stride = d + 2;
  const bias = f32x4.splat(fitIntercept ? <f32>load<f64>(v + (<usize>d << 3)) : 0);
  for (let b = b0; b < b1; b++) {
    const slot = partials + (<usize>(b * stride) << 3);
    zero64(slot, stride);
    const r0 = b * BLOCK;
    const rows = min(n, r0 + BLOCK) - r0;
    const full = rows >> 2;
    const rest = rows & 3;
    const groups = full + (rest != 0 ? 1 : 0);
    if (rest != 0) {
      const at = r0 + 4 * full;
      padRows(X + (<usize>at * <usize>d << 2), d, rest, PX);
      pad64(hess + (<usize>at << 3), rest, PH);
    }
    let gb = f64x2.splat(0);
    let cq = f32x4.splat(0);
    let pending = 0;
    for (let t = 0; t <= groups; t++) {
      if (t >= 1) {
        axpy4F32(groupRows(X, d, r0, t - 1, full, PX), d, cq, G32);
        gb = addWidened(gb, cq);
        pending += 4;
        if (pending >= FLUSH) {
          flushF32(G32, d, slot);
          pending = 0;
        }
      }
      if (t < groups) {
        const hg = t < full ? hess + (<usize>(r0 + 4 * t) << 3) : PH;
        cq = f32x4.mul(load4AsF32(hg), f32x4.add(dot4F32(groupRows(X, d, r0, t, full, PX), d, W32), bias));
      }
    }
    if (pending > 0) flushF32(G32, d, slot);
    store<f64>(slot + (<usize>d << 3), fitIntercept ? f64x2.extract_lane(gb, 0) + f64x2.extract_lane(gb, 1) : 0.0);
  }
}

// ---------------------------------------------------------------------------------------------
// Reduction and the read floor.
// ---------------------------------------------------------------------------------------------

/** out[j] = Σ_b partials[b·stride + j] for j < stride, blocks summed in order 0..nBlocks-1. */
export function reduceBlocks(partials: usize, nBlocks: i32, stride: i32, out: usize): void {
  zero64(out, stride);
  const sb = <usize>stride << 3;
  for (let b = 0; b < nBlocks; b++) {
    const slot = partials + <usize>b * sb;
    let j = 0;
    for (; j + 2 <= stride; j += 2) {
      const o = <usize>j << 3;
      v128.store(out + o, f64x2.add(v128.load(out + o), v128.load(slot + o)));
    }
    if (j < stride) {
      const o = <usize>j << 3;
      store<f64>(out + o, load<f64>(out + o) + load<f64>(slot + o));
    }
  }
}

/** Sum of `count` float32 at p with f32x4 lanes: one read of the bytes, the bandwidth floor. */
export function sumF32(p: usize, count: i32): f64 {
  let a = f32x4.splat(0);
  let b = f32x4.splat(0);
  let c = f32x4.splat(0);
  let e = f32x4.splat(0);
  let i = 0;
  for (; i + 16 <= count; i += 16) {
    const o = p + (<usize>i << 2);
    a = f32x4.add(a, v128.load(o));
    b = f32x4.add(b, v128.load(o, 16));
    c = f32x4.add(c, v128.load(o, 32));
    e = f32x4.add(e, v128.load(o, 48));
  }
  const t = f32x4.add(f32x4.add(a, b), f32x4.add(c, e));
  let s = <f64>f32x4.extract_lane(t, 0) + <f64>f32x4.extract_lane(t, 1) + <f64>f32x4.extract_lane(t, 2) + <f64>f32x4.extract_lane(t, 3);
  for (; i < count; i++) s += <f64>load<f32>(p + (<usize>i << 2));
  return s;
}

/**
 * Index of the first NaN or ±Infinity among `count` float32 at p, or −1 (input validation at memory
 * speed): x·0 is 0 for a finite x and NaN otherwise, so a run of 4096 values is summed that way in
 * f32x4 lanes and only a run whose sum is NaN is searched element by element.
 */
export function firstNonFiniteF32(p: usize, count: i32): i32 {
  const RUN = 4096;
  const zero = f32x4.splat(0);
  for (let r = 0; r < count; r += RUN) {
    const end = min(count, r + RUN);
    let a = f32x4.splat(0);
    let b = f32x4.splat(0);
    let i = r;
    for (; i + 8 <= end; i += 8) {
      const o = p + (<usize>i << 2);
      a = f32x4.add(a, f32x4.mul(v128.load(o), zero));
      b = f32x4.add(b, f32x4.mul(v128.load(o, 16), zero));
    }
    const s = f32x4.add(a, b);
    let bad = f32x4.ne(s, s);
    for (; i < end; i++) {
      const v = load<f32>(p + (<usize>i << 2));
      if (v - v != 0) bad = i32x4.splat(-1);
    }
    if (v128.any_true(bad)) {
      for (let k = r; k < end; k++) {
        const v = load<f32>(p + (<usize>k << 2));
        if (v - v != 0) return k;
      }
    }
  }
  return -1;
}
