// The float32-arithmetic ("fast") binary kernels: equal to the portable float64 reference within
// float32 rounding, a gradient that matches central differences of the exact loss, and bit-identical
// results on one and on two threads.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createKernelPool, portableKernels, threadedKernels, wasmKernels } from "../../src/index.js";
import { params, rng } from "../helpers/random.js";

type BinaryData = Parameters<typeof wasmKernels.binaryLossGrad>[0];

/** Rows per reduction block in the kernels' contract; sizes below straddle block edges. */
const BLOCK = 2048;
/** Unit roundoff of float32. */
const U = 2 ** -24;
/** Rows whose float32 gradient terms the fast kernels sum before widening (assembly/kernels.ts FLUSH). */
const FLUSH = 32;


function problem(seed: number, n: number, d: number): BinaryData {
  const r = rng(seed);
  const X = new Float32Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = (r() * 2 - 1) * (1 + 3 * r());
  const y = new Float64Array(n);
  const rowWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.45 ? 1 : 0;
    rowWeight[i] = i % 7 === 3 ? 0 : 0.25 + 2 * r();
  }
  return { X, n, d, y, rowWeight };
}


/**
 * Error scales of the fast kernels, per output, from a float64 pass written here. Why these bounds:
 * - z_i = Σ_j x_ij w_j + b is formed from float32 products summed in float32 (after rounding w and
 *   b to float32): |δz_i| ≤ (d + 2)·u·A_i with A_i = Σ_j |x_ij w_j| + |b| (the classic bound for a
 *   sum of d rounded products; u = 2^-24), so `zTol` = (d + 2)·u.
 * - σ, 1 − σ and log1p(e^−|z|) come from float32 exp/log1p polynomials accurate to a few u, plus
 *   the propagated |δz|: |δσ| ≤ ¼|δz| + 8u·σ, |δloss_i| ≤ |σ − y|·|δz_i| + 8u·|loss_i|.
 * - The gradient adds rw_i (σ_i − y_i) x_ij over runs of FLUSH rows in float32 before widening:
 *   relative accumulation error ≤ (FLUSH + 1)·u of the sum of |terms| of the run; each term
 *   carries rw_i |x_ij| (¼|δz_i| + 8u|σ_i − y_i|) from the residual.
 * The tolerances below take these worst-case bounds (not typical errors, which are ~√ smaller), so
 * an indexing or formula fault (errors of order 1) still fails by many orders of magnitude.
 */
function fastReference(p: BinaryData, w: Float64Array, fi: boolean) {
  const { X, n, d, y, rowWeight } = p;
  const zTol = (d + 2) * U;
  const b = fi ? w[d]! : 0;
  const grad = new Float64Array(d + 1);
  const gradTol = new Float64Array(d + 1);
  const hess = new Float64Array(n);
  const hessTol = new Float64Array(n);
  let loss = 0;
  let lossTol = 0;
  for (let i = 0; i < n; i++) {
    let z = b;
    let A = Math.abs(b);
    for (let j = 0; j < d; j++) {
      z += X[i * d + j]! * w[j]!;
      A += Math.abs(X[i * d + j]! * w[j]!);
    }
    const rw = rowWeight[i]!;
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const sp = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    const l = sp - y[i]! * z;
    const r = s - y[i]!;
    const dz = zTol * A;
    loss += rw * l;
    lossTol += rw * (Math.abs(r) * dz + 8 * U * Math.abs(l) + 8 * U * Math.abs(sp));
    const rTol = 0.25 * dz + 8 * U * Math.abs(r) + (FLUSH + 1) * U * Math.abs(r);
    for (let j = 0; j < d; j++) {
      const x = Math.abs(X[i * d + j]!);
      grad[j] = grad[j]! + rw * r * X[i * d + j]!;
      gradTol[j] = gradTol[j]! + rw * x * rTol;
    }
    if (fi) {
      grad[d] = grad[d]! + rw * r;
      gradTol[d] = gradTol[d]! + rw * rTol;
    }
    const h = rw * s * (1 - s);
    hess[i] = h;
    // d/dz σ(1 − σ) = σ(1 − σ)(1 − 2σ): relative error |δz| plus the polynomials' few u.
    hessTol[i] = h * (dz + 16 * U);
  }
  return { loss, lossTol, grad, gradTol, hess, hessTol };
}

/** Σ_i h_i (x̃_i·v) x̃_i and the worst-case float32 error bound of the fast kernel per entry (as above). */
function hessVecReference(p: BinaryData, h: Float64Array, fi: boolean, v: Float64Array) {
  const { X, n, d } = p;
  const zTol = (d + 2) * U;
  const out = new Float64Array(d + 1);
  const tol = new Float64Array(d + 1);
  for (let i = 0; i < n; i++) {
    let u = fi ? v[d]! : 0;
    let A = Math.abs(u);
    for (let j = 0; j < d; j++) {
      u += X[i * d + j]! * v[j]!;
      A += Math.abs(X[i * d + j]! * v[j]!);
    }
    const t = h[i]! * u;
    // h rounded to float32, u's error, the product's rounding, then the FLUSH-row float32 sums.
    const tTol = h[i]! * (zTol * A + (FLUSH + 3) * U * Math.abs(u));
    for (let j = 0; j < d; j++) {
      out[j] = out[j]! + t * X[i * d + j]!;
      tol[j] = tol[j]! + tTol * Math.abs(X[i * d + j]!);
    }
    if (fi) {
      out[d] = out[d]! + t;
      tol[d] = tol[d]! + tTol;
    }
  }
  return { out, tol };
}

function within(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tol: ArrayLike<number>): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < got.length; i++) {
    assert.ok(Number.isFinite(got[i]!), `${what}[${i}] = ${got[i]} is not finite`);
    const err = Math.abs(got[i]! - want[i]!);
    // The float64 reference itself carries ~1e-15 relative rounding.
    assert.ok(err <= tol[i]! + 1e-13 * Math.abs(want[i]!) + 1e-300, `${what}[${i}]: ${got[i]} vs ${want[i]} (err ${err}, bound ${tol[i]})`);
  }
}

const SHAPES: Array<[number, number]> = [
  [1, 1],
  [3, 5],
  [5, 3],
  [37, 17],
  [BLOCK, 4],
  [BLOCK + 1, 33],
  [2 * BLOCK + 3, 64],
  [517, 70],
];

const fast = wasmKernels.fast!;

describe("fast (float32-arithmetic) binary kernels", () => {
  test("exist on the WebAssembly kernels and on the default kernels, not on the portable ones", () => {
    assert.ok(wasmKernels.fast !== undefined);
    assert.ok(threadedKernels.fast !== undefined);
    assert.equal(portableKernels.fast, undefined);
  });

  test("loss, gradient, Newton weights and Hv equal the portable float64 kernels within float32 rounding", () => {
    let seed = 1;
    for (const [n, d] of SHAPES) {
      for (const fi of [true, false]) {
        const p = problem(seed++, n, d);
        const w = params(seed++, d + 1, 2 / Math.sqrt(d));
        const tag = `n=${n} d=${d} fi=${fi}`;
        const ref = fastReference(p, w, fi);
        // The portable kernels are the library's reference implementation; check them against the
        // float64 pass above first, tightly, so the bounds below are measured from a true value.
        const pg = new Float64Array(d + 1);
        const ph = new Float64Array(n);
        const pl = portableKernels.binaryLossGrad(p, w, fi, pg, ph);
        assert.ok(Math.abs(pl - ref.loss) <= 1e-12 * (Math.abs(ref.loss) + 1), `${tag}: portable loss`);

        const grad = new Float64Array(d + 1).fill(NaN);
        const hess = new Float64Array(n).fill(NaN);
        const loss = fast.binaryLossGrad(p, w, fi, grad, hess);
        within(`${tag} loss`, [loss], [pl], [ref.lossTol]);
        within(`${tag} grad`, grad, pg, ref.gradTol);
        within(`${tag} hess`, hess, ph, ref.hessTol);
        if (!fi) assert.equal(grad[d], 0);
        // Without Newton weights: the same loss and gradient, bit for bit.
        const grad2 = new Float64Array(d + 1);
        assert.equal(fast.binaryLossGrad(p, w, fi, grad2), loss);
        assert.deepEqual(grad2, grad);

        const v = params(seed++, d + 1, 1);
        const hv = new Float64Array(d + 1).fill(NaN);
        fast.binaryHessVec(p, ph, fi, v, hv);
        const pv = new Float64Array(d + 1);
        portableKernels.binaryHessVec(p, ph, fi, v, pv);
        const hr = hessVecReference(p, ph, fi, v);
        within(`${tag} Hv`, hv, pv, hr.tol);
      }
    }
  });

  test("a fault of float32 size is within the bounds, one of a single row's term is not (the check can fail)", () => {
    const p = problem(77, 300, 9);
    const w = params(78, 10, 0.5);
    const ref = fastReference(p, w, true);
    const pg = new Float64Array(10);
    portableKernels.binaryLossGrad(p, w, true, pg);
    // Dropping one row's contribution (what an off-by-one in the row loop would do) breaks the bound.
    const dropped = Float64Array.from(pg);
    const i = 5;
    let z = w[9]!;
    for (let j = 0; j < 9; j++) z += p.X[i * 9 + j]! * w[j]!;
    const r = p.rowWeight[i]! * (1 / (1 + Math.exp(-z)) - p.y[i]!);
    for (let j = 0; j < 9; j++) dropped[j] = dropped[j]! - r * p.X[i * 9 + j]!;
    assert.throws(() => within("dropped row", dropped, pg, ref.gradTol));
  });

  test("the fast gradient and Hv match central differences of the exact (float64) loss", () => {
    const n = 301;
    const d = 6;
    const p = problem(11, n, d);
    const w = params(12, d + 1, 0.5);
    const g = new Float64Array(d + 1);
    const hess = new Float64Array(n);
    fast.binaryLossGrad(p, w, true, g, hess);
    const h = 1e-5;
    const tmp = new Float64Array(d + 1);
    for (let j = 0; j <= d; j++) {
      const wp = w.slice();
      const wm = w.slice();
      wp[j] = wp[j]! + h;
      wm[j] = wm[j]! - h;
      const fd = (portableKernels.binaryLossGrad(p, wp, true, tmp) - portableKernels.binaryLossGrad(p, wm, true, tmp)) / (2 * h);
      // float32 rounding of the gradient: ~1e-7 of Σ|terms| (≈ n here); truncation of the difference ~1e-9.
      assert.ok(Math.abs(fd - g[j]!) <= 1e-5 * (1 + Math.abs(g[j]!)), `∂/∂w${j}: ${g[j]} vs ${fd}`);
    }
    const v = params(13, d + 1, 1);
    const hv = new Float64Array(d + 1);
    fast.binaryHessVec(p, hess, true, v, hv);
    const gp = new Float64Array(d + 1);
    const gm = new Float64Array(d + 1);
    portableKernels.binaryLossGrad(p, w.map((x, j) => x + h * v[j]!), true, gp);
    portableKernels.binaryLossGrad(p, w.map((x, j) => x - h * v[j]!), true, gm);
    for (let j = 0; j <= d; j++) {
      const fd = (gp[j]! - gm[j]!) / (2 * h);
      assert.ok(Math.abs(fd - hv[j]!) <= 1e-4 * (1 + Math.abs(hv[j]!)), `Hv[${j}]: ${hv[j]} vs ${fd}`);
    }
  });

  test("extreme logits give finite values and the right limits", () => {
    const X = Float32Array.from([1]);
    for (const t of [-200, -90, -30, 0, 30, 90, 200]) {
      for (const y of [0, 1]) {
        const p: BinaryData = { X, n: 1, d: 1, y: Float64Array.from([y]), rowWeight: Float64Array.from([1]) };
        const grad = new Float64Array(2);
        const hess = new Float64Array(1);
        const loss = fast.binaryLossGrad(p, Float64Array.from([t, 0]), true, grad, hess);
        // softplus(z) − y·z without cancellation: softplus(z) for y = 0, softplus(−z) for y = 1.
        const u = y === 1 ? -t : t;
        const want = u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
        assert.ok(Number.isFinite(loss) && Math.abs(loss - want) <= 1e-6 * want + 1e-30, `loss at z=${t}, y=${y}: ${loss} vs ${want}`);
        // σ(z) − y without cancellation: σ(z) for y = 0, −σ(−z) for y = 1.
        const sig = (v: number): number => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));
        const r = y === 1 ? -sig(-t) : sig(t);
        // Below e^−80 the fast exp stops at e^−80 (~2e-35): an absolute error far below any use.
        assert.ok(Math.abs(grad[0]! - r) <= 1e-6 * Math.abs(r) + 1e-34, `σ − y at z=${t}, y=${y}: ${grad[0]} vs ${r}`);
        assert.ok(hess[0]! >= 0 && hess[0]! <= 0.25);
      }
    }
  });

  test("bit-identical on one thread and on a two-thread pool", async () => {
    const pool = await createKernelPool({ threads: 2, minWorkPerThread: 0 });
    try {
      assert.equal(await pool.ready(), 2);
      const pf = pool.fast!;
      // Many blocks (a short last one, d not a multiple of 4; then d = 64); the caller may take every
      // block of a call before the worker wakes, so the worker's share is checked over several calls.
      for (const [n, d] of [[24 * BLOCK + 3, 13], [16 * BLOCK, 64]] as const) {
        const p = problem(n, n, d);
        const w = params(n + 1, d + 1, 0.4);
        const v = params(n + 2, d + 1, 1);
        const g1 = new Float64Array(d + 1);
        const h1 = new Float64Array(n);
        const l1 = fast.binaryLossGrad(p, w, true, g1, h1);
        const o1 = new Float64Array(d + 1);
        fast.binaryHessVec(p, h1, true, v, o1);
        let most = 0;
        for (let k = 0; k < 200 && most < 2; k++) {
          const g2 = new Float64Array(d + 1);
          const h2 = new Float64Array(n);
          assert.equal(pf.binaryLossGrad(p, w, true, g2, h2), l1);
          most = Math.max(most, pool.lastThreads);
          assert.deepEqual(g2, g1);
          assert.deepEqual(h2, h1);
          const o2 = new Float64Array(d + 1);
          pf.binaryHessVec(p, h1, true, v, o2);
          most = Math.max(most, pool.lastThreads);
          assert.deepEqual(o2, o1);
        }
        assert.equal(most, 2, "the worker thread ran blocks");
      }
    } finally {
      await pool.close();
    }
  });
});
