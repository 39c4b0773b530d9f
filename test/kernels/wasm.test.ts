// The WebAssembly SIMD kernels against a plain float64 reference written here (naive loops, the
// textbook formulas), against central differences, and at extreme logits.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ShapeError, ValueError, allocDesignMatrix, kernelsFor, portableKernels, releaseDesignMatrix, shrinkDesignMatrix, wasmKernels, wasmSimdAvailable } from "../../src/index.js";
import { params, rng } from "../helpers/random.js";

type BinaryData = Parameters<typeof wasmKernels.binaryLossGrad>[0];
type MultinomialData = Parameters<typeof wasmKernels.multinomialLossGrad>[0];

/** Rows per reduction block in the kernels' contract; sizes below straddle block edges. */
const BLOCK = 2048;


function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function row(X: ArrayLike<number>, i: number, d: number, w: ArrayLike<number>, wo: number, bias: number): number {
  let z = bias;
  for (let j = 0; j < d; j++) z += X[i * d + j]! * w[wo + j]!;
  return z;
}

/** Binary loss, gradient, Newton weights and |term| scale of the gradient, in plain float64. */
function refBinary(p: BinaryData, w: Float64Array, fi: boolean) {
  const { X, n, d, y, rowWeight } = p;
  const grad = new Float64Array(d + 1);
  const scale = new Float64Array(d + 1);
  const hess = new Float64Array(n);
  let loss = 0;
  let lossScale = 0;
  for (let i = 0; i < n; i++) {
    const z = row(X, i, d, w, 0, fi ? w[d]! : 0);
    const s = sigmoid(z);
    const l = rowWeight[i]! * (softplus(z) - y[i]! * z);
    loss += l;
    lossScale += Math.abs(l);
    const r = rowWeight[i]! * (s - y[i]!);
    for (let j = 0; j < d; j++) {
      grad[j] = grad[j]! + r * X[i * d + j]!;
      scale[j] = scale[j]! + Math.abs(r * X[i * d + j]!);
    }
    if (fi) {
      grad[d] = grad[d]! + r;
      scale[d] = scale[d]! + Math.abs(r);
    }
    const e = Math.exp(-Math.abs(z));
    hess[i] = (rowWeight[i]! * e) / ((1 + e) * (1 + e));
  }
  return { loss, lossScale, grad, scale, hess };
}

function refBinaryHv(p: BinaryData, h: Float64Array, fi: boolean, v: Float64Array) {
  const { X, n, d } = p;
  const out = new Float64Array(d + 1);
  const scale = new Float64Array(d + 1);
  for (let i = 0; i < n; i++) {
    const t = h[i]! * row(X, i, d, v, 0, fi ? v[d]! : 0);
    for (let j = 0; j < d; j++) {
      out[j] = out[j]! + t * X[i * d + j]!;
      scale[j] = scale[j]! + Math.abs(t * X[i * d + j]!);
    }
    if (fi) {
      out[d] = out[d]! + t;
      scale[d] = scale[d]! + Math.abs(t);
    }
  }
  return { out, scale };
}

function refMulti(p: MultinomialData, W: Float64Array, fi: boolean) {
  const { X, n, d, K, y, rowWeight } = p;
  const d1 = d + 1;
  const grad = new Float64Array(K * d1);
  const scale = new Float64Array(K * d1);
  const prob = new Float64Array(n * K);
  let loss = 0;
  let lossScale = 0;
  const z = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      z[k] = row(X, i, d, W, k * d1, fi ? W[k * d1 + d]! : 0);
      m = Math.max(m, z[k]!);
    }
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(z[k]! - m);
    const lse = m + Math.log(s);
    const l = rowWeight[i]! * (lse - z[y[i]!]!);
    loss += l;
    lossScale += Math.abs(l);
    for (let k = 0; k < K; k++) {
      const pk = Math.exp(z[k]! - lse);
      prob[i * K + k] = pk;
      const c = rowWeight[i]! * (pk - (y[i] === k ? 1 : 0));
      for (let j = 0; j < d; j++) {
        grad[k * d1 + j] = grad[k * d1 + j]! + c * X[i * d + j]!;
        scale[k * d1 + j] = scale[k * d1 + j]! + Math.abs(c * X[i * d + j]!);
      }
      if (fi) {
        grad[k * d1 + d] = grad[k * d1 + d]! + c;
        scale[k * d1 + d] = scale[k * d1 + d]! + Math.abs(c);
      }
    }
  }
  return { loss, lossScale, grad, scale, prob };
}

function refMultiHv(p: MultinomialData, prob: Float64Array, fi: boolean, V: Float64Array) {
  const { X, n, d, K, rowWeight } = p;
  const d1 = d + 1;
  const out = new Float64Array(K * d1);
  const scale = new Float64Array(K * d1);
  const u = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    let ubar = 0;
    for (let k = 0; k < K; k++) {
      u[k] = row(X, i, d, V, k * d1, fi ? V[k * d1 + d]! : 0);
      ubar += prob[i * K + k]! * u[k]!;
    }
    for (let k = 0; k < K; k++) {
      const c = rowWeight[i]! * prob[i * K + k]! * (u[k]! - ubar);
      for (let j = 0; j < d; j++) {
        out[k * d1 + j] = out[k * d1 + j]! + c * X[i * d + j]!;
        scale[k * d1 + j] = scale[k * d1 + j]! + Math.abs(c * X[i * d + j]!);
      }
      if (fi) {
        out[k * d1 + d] = out[k * d1 + d]! + c;
        scale[k * d1 + d] = scale[k * d1 + d]! + Math.abs(c);
      }
    }
  }
  return { out, scale };
}

/** |a − b| ≤ tol · (scale + |b|) entry by entry, with a message naming the entry. */
function close(what: string, a: ArrayLike<number>, b: ArrayLike<number>, scale: ArrayLike<number> | number, tol: number): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) {
    const s = typeof scale === "number" ? scale : scale[i]!;
    const err = Math.abs(a[i]! - b[i]!);
    assert.ok(Number.isFinite(a[i]!), `${what}[${i}] = ${a[i]} is not finite`);
    assert.ok(err <= tol * (s + Math.abs(b[i]!)) + 1e-300, `${what}[${i}]: ${a[i]} vs ${b[i]} (err ${err}, scale ${s})`);
  }
}

function binaryProblem(seed: number, n: number, d: number, zScale = 1): BinaryData {
  const r = rng(seed);
  const X = new Float32Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = (r() * 2 - 1) * (1 + 3 * r());
  const y = new Float64Array(n);
  const rowWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.45 ? 1 : 0;
    rowWeight[i] = i % 7 === 3 ? 0 : 0.25 + 2 * r();
  }
  void zScale;
  return { X, n, d, y, rowWeight };
}


function multiProblem(seed: number, n: number, d: number, K: number): MultinomialData {
  const b = binaryProblem(seed, n, d);
  const r = rng(seed + 99);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.floor(r() * K);
  return { X: b.X, n, d, K, y, rowWeight: b.rowWeight };
}

const SHAPES: Array<[number, number]> = [
  [1, 1],
  [1, 7],
  [3, 5],
  [5, 1],
  [37, 17],
  [BLOCK, 4],
  [2 * BLOCK + 3, 6],
  [BLOCK + 1, 33],
];

describe("WebAssembly SIMD kernels", () => {
  test("are available on this Node", () => {
    assert.equal(wasmSimdAvailable(), true);
    assert.equal(wasmKernels.name, "wasm-simd");
  });

  test("binary loss, gradient, Newton weights, Hv and decision equal the float64 reference", () => {
    let seed = 1;
    for (const [n, d] of SHAPES) {
      for (const fi of [true, false]) {
        const p = binaryProblem(seed++, n, d);
        const w = params(seed++, d + 1, 0.7);
        const ref = refBinary(p, w, fi);
        const grad = new Float64Array(d + 1).fill(NaN);
        const hess = new Float64Array(n).fill(NaN);
        const loss = wasmKernels.binaryLossGrad(p, w, fi, grad, hess);
        const tag = `n=${n} d=${d} fi=${fi}`;
        close(`${tag} loss`, [loss], [ref.loss], ref.lossScale, 1e-13);
        close(`${tag} grad`, grad, ref.grad, ref.scale, 1e-13);
        close(`${tag} hess`, hess, ref.hess, 0, 1e-14);
        if (!fi) assert.equal(grad[d], 0);
        // Without Newton weights: same loss and gradient, bit for bit.
        const grad2 = new Float64Array(d + 1);
        assert.equal(wasmKernels.binaryLossGrad(p, w, fi, grad2), loss);
        assert.deepEqual(grad2, grad);

        const v = params(seed++, d + 1, 1);
        const hv = new Float64Array(d + 1).fill(NaN);
        wasmKernels.binaryHessVec(p, hess, fi, v, hv);
        const refHv = refBinaryHv(p, hess, fi, v);
        close(`${tag} Hv`, hv, refHv.out, refHv.scale, 1e-13);

        const z = new Float64Array(n).fill(NaN);
        wasmKernels.binaryDecision(p.X, n, d, w, fi, z);
        const zr = new Float64Array(n);
        const zs = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          zr[i] = row(p.X, i, d, w, 0, fi ? w[d]! : 0);
          for (let j = 0; j < d; j++) zs[i] = zs[i]! + Math.abs(p.X[i * d + j]! * w[j]!);
        }
        close(`${tag} decision`, z, zr, zs, 1e-14);
      }
    }
  });

  test("multinomial loss, gradient, probabilities, Hv and decision equal the float64 reference", () => {
    let seed = 500;
    for (const [n, d] of SHAPES) {
      for (const K of [2, 3, 5]) {
        const fi = (n + K) % 2 === 0;
        const p = multiProblem(seed++, n, d, K);
        const W = params(seed++, K * (d + 1), 0.6);
        const ref = refMulti(p, W, fi);
        const grad = new Float64Array(K * (d + 1)).fill(NaN);
        const prob = new Float64Array(n * K).fill(NaN);
        const loss = wasmKernels.multinomialLossGrad(p, W, fi, grad, prob);
        const tag = `n=${n} d=${d} K=${K} fi=${fi}`;
        close(`${tag} loss`, [loss], [ref.loss], ref.lossScale, 1e-13);
        close(`${tag} grad`, grad, ref.grad, ref.scale, 1e-13);
        close(`${tag} prob`, prob, ref.prob, 0, 1e-13);
        const grad2 = new Float64Array(K * (d + 1));
        assert.equal(wasmKernels.multinomialLossGrad(p, W, fi, grad2), loss);
        assert.deepEqual(grad2, grad);

        const V = params(seed++, K * (d + 1), 1);
        const hv = new Float64Array(K * (d + 1)).fill(NaN);
        wasmKernels.multinomialHessVec(p, prob, fi, V, hv);
        const refHv = refMultiHv(p, prob, fi, V);
        close(`${tag} Hv`, hv, refHv.out, refHv.scale, 1e-13);

        const z = new Float64Array(n * K).fill(NaN);
        wasmKernels.multinomialDecision(p.X, n, d, K, W, fi, z);
        const zr = new Float64Array(n * K);
        for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) zr[i * K + k] = row(p.X, i, d, W, k * (d + 1), fi ? W[k * (d + 1) + d]! : 0);
        close(`${tag} decision`, z, zr, 1, 1e-13);
      }
    }
  });

  test("extreme logits (|z| up to 1e4) give finite, exact losses and gradients", () => {
    const n = 203;
    const d = 3;
    const p = binaryProblem(77, n, d);
    const w = params(78, d + 1, 4000);
    const ref = refBinary(p, w, true);
    const grad = new Float64Array(d + 1);
    const hess = new Float64Array(n);
    const loss = wasmKernels.binaryLossGrad(p, w, true, grad, hess);
    assert.ok(ref.lossScale > 1e5, "the problem reaches large |z|");
    close("loss", [loss], [ref.loss], ref.lossScale, 1e-13);
    close("grad", grad, ref.grad, ref.scale, 1e-13);
    // σ(1 − σ) ≈ e^−|z| inherits z's rounding (~1e-16 · Σ|x_j w_j| ≈ 1e-11 here) as relative error.
    close("hess", hess, ref.hess, 1e-300, 1e-10);

    const K = 4;
    const pm = multiProblem(79, n, d, K);
    const W = params(80, K * (d + 1), 4000);
    const rm = refMulti(pm, W, true);
    const gm = new Float64Array(K * (d + 1));
    const prob = new Float64Array(n * K);
    const lm = wasmKernels.multinomialLossGrad(pm, W, true, gm, prob);
    close("multinomial loss", [lm], [rm.loss], rm.lossScale, 1e-13);
    close("multinomial grad", gm, rm.grad, rm.scale, 1e-13);
    close("multinomial prob", prob, rm.prob, 0, 1e-10);
  });

  test("per-row softplus and sigmoid are accurate to a few ulp across z", () => {
    // One row, x = 1, w = [z, 0]: the loss is softplus(z) − y z and the Newton weight σ(z)(1 − σ(z)).
    const X = new Float32Array([1]);
    for (let t = -745; t <= 745; t += 0.37) {
      for (const y of [0, 1]) {
        const p: BinaryData = { X, n: 1, d: 1, y: new Float64Array([y]), rowWeight: new Float64Array([1]) };
        const w = new Float64Array([t, 0]);
        const grad = new Float64Array(2);
        const hess = new Float64Array(1);
        const loss = wasmKernels.binaryLossGrad(p, w, true, grad, hess);
        const e = Math.exp(-Math.abs(t));
        const want = Math.log1p(e) + (y === 1 ? Math.max(-t, 0) : Math.max(t, 0));
        assert.ok(Math.abs(loss - want) <= 1e-15 * want + 1e-320, `loss at z=${t}, y=${y}: ${loss} vs ${want}`);
        const h = e / ((1 + e) * (1 + e));
        assert.ok(Math.abs(hess[0]! - h) <= 1e-15 * h + 1e-320, `σ(1−σ) at z=${t}: ${hess[0]} vs ${h}`);
        const r = y === 1 ? -(t >= 0 ? e / (1 + e) : 1 / (1 + e)) : t >= 0 ? 1 / (1 + e) : e / (1 + e);
        assert.ok(Math.abs(grad[0]! - r) <= 1e-15 * Math.abs(r) + 1e-320, `σ − y at z=${t}, y=${y}: ${grad[0]} vs ${r}`);
      }
    }
  });

  test("gradients and Hessian-vector products match central differences", () => {
    const n = 301;
    const d = 5;
    const p = binaryProblem(11, n, d);
    const w = params(12, d + 1, 0.5);
    const g = new Float64Array(d + 1);
    const hess = new Float64Array(n);
    wasmKernels.binaryLossGrad(p, w, true, g, hess);
    const h = 1e-5;
    const tmp = new Float64Array(d + 1);
    for (let j = 0; j <= d; j++) {
      const wp = w.slice();
      const wm = w.slice();
      wp[j] = wp[j]! + h;
      wm[j] = wm[j]! - h;
      const fd = (wasmKernels.binaryLossGrad(p, wp, true, tmp) - wasmKernels.binaryLossGrad(p, wm, true, tmp)) / (2 * h);
      assert.ok(Math.abs(fd - g[j]!) <= 1e-6 * (1 + Math.abs(g[j]!)), `binary ∂/∂w${j}: ${g[j]} vs ${fd}`);
    }
    const v = params(13, d + 1, 1);
    const hv = new Float64Array(d + 1);
    wasmKernels.binaryHessVec(p, hess, true, v, hv);
    const gp = new Float64Array(d + 1);
    const gm = new Float64Array(d + 1);
    wasmKernels.binaryLossGrad(p, w.map((x, j) => x + h * v[j]!), true, gp);
    wasmKernels.binaryLossGrad(p, w.map((x, j) => x - h * v[j]!), true, gm);
    for (let j = 0; j <= d; j++) {
      const fd = (gp[j]! - gm[j]!) / (2 * h);
      assert.ok(Math.abs(fd - hv[j]!) <= 1e-5 * (1 + Math.abs(hv[j]!)), `binary Hv[${j}]: ${hv[j]} vs ${fd}`);
    }

    const K = 3;
    const pm = multiProblem(14, n, d, K);
    const W = params(15, K * (d + 1), 0.5);
    const G = new Float64Array(K * (d + 1));
    const prob = new Float64Array(n * K);
    wasmKernels.multinomialLossGrad(pm, W, true, G, prob);
    const T = new Float64Array(K * (d + 1));
    for (let j = 0; j < W.length; j++) {
      const Wp = W.slice();
      const Wm = W.slice();
      Wp[j] = Wp[j]! + h;
      Wm[j] = Wm[j]! - h;
      const fd = (wasmKernels.multinomialLossGrad(pm, Wp, true, T) - wasmKernels.multinomialLossGrad(pm, Wm, true, T)) / (2 * h);
      assert.ok(Math.abs(fd - G[j]!) <= 1e-6 * (1 + Math.abs(G[j]!)), `multinomial ∂/∂W${j}: ${G[j]} vs ${fd}`);
    }
    const V = params(16, K * (d + 1), 1);
    const HV = new Float64Array(K * (d + 1));
    wasmKernels.multinomialHessVec(pm, prob, true, V, HV);
    const Gp = new Float64Array(K * (d + 1));
    const Gm = new Float64Array(K * (d + 1));
    wasmKernels.multinomialLossGrad(pm, W.map((x, j) => x + h * V[j]!), true, Gp);
    wasmKernels.multinomialLossGrad(pm, W.map((x, j) => x - h * V[j]!), true, Gm);
    for (let j = 0; j < W.length; j++) {
      const fd = (Gp[j]! - Gm[j]!) / (2 * h);
      assert.ok(Math.abs(fd - HV[j]!) <= 1e-5 * (1 + Math.abs(HV[j]!)), `multinomial Hv[${j}]: ${HV[j]} vs ${fd}`);
    }
  });

  test("a design matrix allocated in WebAssembly memory gives the same bits as an ordinary array", () => {
    const n = 3000;
    const d = 9;
    const p = binaryProblem(21, n, d);
    const X = allocDesignMatrix(n, d);
    assert.ok(X instanceof Float32Array);
    assert.equal(X.length, n * d);
    assert.ok(X.every((v) => v === 0));
    X.set(p.X);
    const w = params(22, d + 1, 0.5);
    const g1 = new Float64Array(d + 1);
    const g2 = new Float64Array(d + 1);
    const l1 = wasmKernels.binaryLossGrad(p, w, true, g1);
    const l2 = wasmKernels.binaryLossGrad({ ...p, X }, w, true, g2);
    assert.equal(l2, l1);
    assert.deepEqual(g2, g1);
    // After an explicit release the ordinary array's copy is rebuilt on the next call.
    releaseDesignMatrix(p.X);
    assert.equal(wasmKernels.binaryLossGrad(p, w, true, g2), l1);
    releaseDesignMatrix(X);
  });

  test("a shrunk design matrix keeps its first rows in place (no copy) and gives the same bits", () => {
    const n = 2500;
    const d = 7;
    const p = binaryProblem(23, n, d);
    const big = allocDesignMatrix(n + 400, d);
    big.set(p.X);
    big.fill(9, n * d); // rows past n must not be seen after the shrink
    const offset = big.byteOffset;
    const X = shrinkDesignMatrix(big, n * d);
    assert.equal(X.length, n * d);
    assert.equal(X.buffer, big.buffer, "same memory");
    assert.equal(X.byteOffset, offset, "same address: no copy");
    assert.deepEqual(Array.from(X), Array.from(p.X));
    // the freed tail is handed out again, and writing there leaves X alone
    const other = allocDesignMatrix(400, d);
    other.fill(-3);
    assert.deepEqual(Array.from(X), Array.from(p.X));
    const w = params(24, d + 1, 0.5);
    const g1 = new Float64Array(d + 1);
    const g2 = new Float64Array(d + 1);
    assert.equal(wasmKernels.binaryLossGrad({ ...p, X }, w, true, g2), wasmKernels.binaryLossGrad(p, w, true, g1));
    assert.deepEqual(g2, g1);
    releaseDesignMatrix(X);
    releaseDesignMatrix(other);
    releaseDesignMatrix(p.X);
  });

  test("shrinkDesignMatrix copies an ordinary array and rejects a bad length", () => {
    const a = Float32Array.from([1, 2, 3, 4, 5]);
    const b = shrinkDesignMatrix(a, 3);
    assert.deepEqual(Array.from(b), [1, 2, 3]);
    assert.notEqual(b.buffer, a.buffer);
    assert.equal(shrinkDesignMatrix(a, 5), a);
    assert.throws(() => shrinkDesignMatrix(a, 6), ValueError);
    assert.throws(() => shrinkDesignMatrix(a, 1.5), ValueError);
  });

  test("new y or rowWeight arrays with the same X are used, not a stale copy", () => {
    const n = 50;
    const d = 4;
    const p = binaryProblem(31, n, d);
    const w = params(32, d + 1, 0.5);
    const g = new Float64Array(d + 1);
    wasmKernels.binaryLossGrad(p, w, true, g);
    const q = { ...p, y: p.y.map((v) => 1 - v), rowWeight: p.rowWeight.map((v) => v * 3) };
    const ref = refBinary(q, w, true);
    const loss = wasmKernels.binaryLossGrad(q, w, true, g);
    close("loss", [loss], [ref.loss], ref.lossScale, 1e-13);
    close("grad", g, ref.grad, ref.scale, 1e-13);
  });

  test("X modified in place is read afresh by the next problem object and by decision calls", () => {
    const n = 70;
    const d = 3;
    const p = binaryProblem(33, n, d);
    const w = params(34, d + 1, 0.5);
    const g = new Float64Array(d + 1);
    const z = new Float64Array(n);
    wasmKernels.binaryLossGrad(p, w, true, g);
    wasmKernels.binaryDecision(p.X, n, d, w, true, z);
    for (let i = 0; i < p.X.length; i++) p.X[i] = p.X[i]! * -2 + 0.25;
    const q = { ...p }; // a new fit builds a new problem object
    const ref = refBinary(q, w, true);
    close("loss", [wasmKernels.binaryLossGrad(q, w, true, g)], [ref.loss], ref.lossScale, 1e-13);
    close("grad", g, ref.grad, ref.scale, 1e-13);
    wasmKernels.binaryDecision(p.X, n, d, w, true, z);
    close("decision", z, Array.from({ length: n }, (_, i) => row(p.X, i, d, w, 0, w[d]!)), 1, 1e-13);
  });

  test("every kernel equals the portable kernels within float64 rounding (same data, same contract)", () => {
    const n = 2 * BLOCK + 5;
    const d = 7;
    const K = 3;
    const p = binaryProblem(61, n, d);
    const m = multiProblem(62, n, d, K);
    const w = params(63, d + 1, 0.8);
    const W = params(64, K * (d + 1), 0.8);
    const both = (f: (k: typeof wasmKernels) => ArrayLike<number>): [ArrayLike<number>, ArrayLike<number>] => [f(wasmKernels), f(portableKernels)];
    const pairs: Array<[string, [ArrayLike<number>, ArrayLike<number>]]> = [
      ["binary loss+grad+hess", both((k) => {
        const g = new Float64Array(d + 1);
        const h = new Float64Array(n);
        const l = k.binaryLossGrad(p, w, true, g, h);
        return [l, ...g, ...h];
      })],
      ["binary Hv", both((k) => {
        const h = new Float64Array(n).fill(0.2);
        const o = new Float64Array(d + 1);
        k.binaryHessVec(p, h, true, w, o);
        return o;
      })],
      ["binary decision", both((k) => {
        const z = new Float64Array(n);
        k.binaryDecision(p.X, n, d, w, true, z);
        return z;
      })],
      ["multinomial loss+grad+prob", both((k) => {
        const g = new Float64Array(K * (d + 1));
        const pr = new Float64Array(n * K);
        const l = k.multinomialLossGrad(m, W, true, g, pr);
        return [l, ...g, ...pr];
      })],
      ["multinomial Hv", both((k) => {
        const pr = new Float64Array(n * K).fill(1 / K);
        const o = new Float64Array(K * (d + 1));
        k.multinomialHessVec(m, pr, true, W, o);
        return o;
      })],
      ["multinomial decision", both((k) => {
        const z = new Float64Array(n * K);
        k.multinomialDecision(m.X, n, d, K, W, true, z);
        return z;
      })],
    ];
    for (const [what, [a, b]] of pairs) {
      // Sums of up to n terms of size ~1 in a different order: agree to ~n·1e-16 absolute.
      close(what, a, b, n, 1e-14);
    }
  });

  test("kernelsFor picks these kernels for Float32Array X and the portable ones for Float64Array X", () => {
    assert.match(kernelsFor(new Float32Array(4)).name, /^wasm-simd/);
    assert.equal(kernelsFor(new Float64Array(4)).name, portableKernels.name);
  });

  test("Float64Array X runs the portable kernels with the same results", () => {
    const n = 40;
    const d = 3;
    const p = binaryProblem(41, n, d);
    const p64: BinaryData = { ...p, X: Float64Array.from(p.X) };
    const w = params(42, d + 1, 0.5);
    const g = new Float64Array(d + 1);
    const ref = refBinary(p64, w, true);
    close("loss", [wasmKernels.binaryLossGrad(p64, w, true, g)], [ref.loss], ref.lossScale, 1e-13);
    close("grad", g, ref.grad, ref.scale, 1e-13);
  });

  test("bad shapes and class indices are refused with ShapeError, not read out of bounds", () => {
    const p = binaryProblem(51, 10, 3);
    const g = new Float64Array(4);
    assert.throws(() => wasmKernels.binaryLossGrad({ ...p, n: 11 }, new Float64Array(4), true, g), ShapeError);
    assert.throws(() => wasmKernels.binaryLossGrad(p, new Float64Array(3), true, g), /w has length 3, needs 4/);
    assert.throws(() => wasmKernels.binaryLossGrad(p, new Float64Array(4), true, g, new Float64Array(9)), /hessDiag/);
    const m = multiProblem(52, 10, 3, 3);
    const bad = { ...m, y: Int32Array.from(m.y, (v, i) => (i === 4 ? 3 : v)) };
    assert.throws(() => wasmKernels.multinomialLossGrad(bad, new Float64Array(12), true, new Float64Array(12)), /class indices 0\.\.3, outside 0\.\.2/);
  });
});
