// The portable fused kernels against central differences of their own loss, the eager tape's
// gradients, the float32 twin, the fixed block reduction order, and extreme logits.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  KERNEL_BLOCK_ROWS, portableKernels as K, kernelsFor, setKernels, Rng, tensor, matMul, add, mul, sub, sum, softplus,
  logSumExp, oneHot, valueAndGrads, reshape,
} from "../../src/index.js";
import type { BinaryData, MultinomialData, ObjectiveKernels } from "../../src/index.js";

function randn(rng: Rng, len: number, scale = 1): Float64Array {
  return Float64Array.from({ length: len }, () => scale * rng.nextNormal());
}

function binaryProblem(seed: number, n: number, d: number): BinaryData {
  const rng = new Rng(seed);
  const X = randn(rng, n * d);
  const y = Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.4 ? 1 : 0));
  const rowWeight = Float64Array.from({ length: n }, () => 0.2 + rng.nextFloat());
  return { X, n, d, y, rowWeight };
}

function multinomialProblem(seed: number, n: number, d: number, k: number): MultinomialData {
  const rng = new Rng(seed);
  const X = randn(rng, n * d);
  const y = Int32Array.from({ length: n }, () => rng.nextInt(k));
  const rowWeight = Float64Array.from({ length: n }, () => 0.2 + rng.nextFloat());
  return { X, n, d, K: k, y, rowWeight };
}

function close(actual: number, expected: number, rel: number, abs: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= abs + rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

/** Central difference of f along coordinate j (or direction v). */
function centralDiff(f: (w: Float64Array) => number, w: Float64Array, dir: Float64Array, h: number): number {
  const wp = w.map((x, i) => x + h * dir[i]!);
  const wm = w.map((x, i) => x - h * dir[i]!);
  return (f(wp) - f(wm)) / (2 * h);
}

function unit(len: number, j: number): Float64Array {
  const e = new Float64Array(len);
  e[j] = 1;
  return e;
}

describe("binary kernels (float64 X)", () => {
  const data = binaryProblem(1, 200, 6);
  const d1 = data.d + 1;
  const w = randn(new Rng(2), d1, 0.5);
  for (const fitIntercept of [true, false]) {
    test(`gradient equals central differences of the loss (fitIntercept ${fitIntercept})`, () => {
      const g = new Float64Array(d1);
      const loss = (v: Float64Array) => K.binaryLossGrad(data, v, fitIntercept, new Float64Array(d1));
      K.binaryLossGrad(data, w, fitIntercept, g);
      for (let j = 0; j < data.d; j++) close(g[j]!, centralDiff(loss, w, unit(d1, j), 1e-5), 1e-7, 1e-7, `grad[${j}]`);
      if (fitIntercept) close(g[data.d]!, centralDiff(loss, w, unit(d1, data.d), 1e-5), 1e-7, 1e-7, "grad[d]");
      else assert.equal(g[data.d], 0);
    });
    test(`Hessian-vector product equals central differences of the gradient (fitIntercept ${fitIntercept})`, () => {
      const hd = new Float64Array(data.n);
      K.binaryLossGrad(data, w, fitIntercept, new Float64Array(d1), hd);
      const v = randn(new Rng(3), d1);
      const Hv = new Float64Array(d1);
      K.binaryHessVec(data, hd, fitIntercept, v, Hv);
      const h = 1e-5;
      const gp = new Float64Array(d1);
      const gm = new Float64Array(d1);
      K.binaryLossGrad(data, w.map((x, i) => x + h * v[i]!), fitIntercept, gp);
      K.binaryLossGrad(data, w.map((x, i) => x - h * v[i]!), fitIntercept, gm);
      for (let j = 0; j < d1; j++) close(Hv[j]!, (gp[j]! - gm[j]!) / (2 * h), 1e-6, 1e-7, `Hv[${j}]`);
    });
  }
  test("loss and gradient equal the eager tape's (softplus(z) − y·z, weighted)", () => {
    const g = new Float64Array(d1);
    const loss = K.binaryLossGrad(data, w, true, g);
    const Xt = tensor(data.X as Float64Array, [data.n, data.d], "float64");
    const Wt = tensor(w.slice(0, data.d), [data.d, 1], "float64");
    const bt = tensor(w.slice(data.d), [1], "float64");
    const yt = tensor(data.y, [data.n, 1], "float64");
    const rt = tensor(data.rowWeight, [data.n, 1], "float64");
    const { value, grads } = valueAndGrads(() => {
      const z = add(matMul(Xt, Wt), bt);
      return sum(mul(rt, sub(softplus(z), mul(yt, z))));
    }, [Wt, bt]);
    close(loss, value.dataSync()[0]!, 1e-13, 0, "loss");
    const gw = grads[0]!.dataSync();
    for (let j = 0; j < data.d; j++) close(g[j]!, gw[j]!, 1e-12, 1e-12, `grad[${j}]`);
    close(g[data.d]!, grads[1]!.dataSync()[0]!, 1e-12, 1e-12, "grad[d]");
  });
  test("decision values equal x·w + b from the tape's matMul", () => {
    const out = new Float64Array(data.n);
    K.binaryDecision(data.X, data.n, data.d, w, true, out);
    const z = add(matMul(tensor(data.X as Float64Array, [data.n, data.d], "float64"), tensor(w.slice(0, data.d), [data.d, 1], "float64")), w[data.d]!).dataSync();
    for (let i = 0; i < data.n; i++) close(out[i]!, z[i]!, 1e-13, 1e-13, `z[${i}]`);
  });
});

describe("multinomial kernels (float64 X)", () => {
  const data = multinomialProblem(4, 150, 5, 4);
  const size = data.K * (data.d + 1);
  const W = randn(new Rng(5), size, 0.5);
  for (const fitIntercept of [true, false]) {
    test(`gradient equals central differences of the loss (fitIntercept ${fitIntercept})`, () => {
      const g = new Float64Array(size);
      const loss = (v: Float64Array) => K.multinomialLossGrad(data, v, fitIntercept, new Float64Array(size));
      K.multinomialLossGrad(data, W, fitIntercept, g);
      for (let j = 0; j < size; j++) {
        const isIntercept = j % (data.d + 1) === data.d;
        if (isIntercept && !fitIntercept) assert.equal(g[j], 0);
        else close(g[j]!, centralDiff(loss, W, unit(size, j), 1e-5), 1e-7, 1e-7, `grad[${j}]`);
      }
    });
    test(`Hessian-vector product equals central differences of the gradient (fitIntercept ${fitIntercept})`, () => {
      const prob = new Float64Array(data.n * data.K);
      K.multinomialLossGrad(data, W, fitIntercept, new Float64Array(size), prob);
      const V = randn(new Rng(6), size);
      const HV = new Float64Array(size);
      K.multinomialHessVec(data, prob, fitIntercept, V, HV);
      const h = 1e-5;
      const gp = new Float64Array(size);
      const gm = new Float64Array(size);
      K.multinomialLossGrad(data, W.map((x, i) => x + h * V[i]!), fitIntercept, gp);
      K.multinomialLossGrad(data, W.map((x, i) => x - h * V[i]!), fitIntercept, gm);
      for (let j = 0; j < size; j++) close(HV[j]!, (gp[j]! - gm[j]!) / (2 * h), 1e-6, 1e-7, `HV[${j}]`);
    });
  }
  test("probabilities are a softmax: in [0, 1], each row sums to 1", () => {
    const prob = new Float64Array(data.n * data.K);
    K.multinomialLossGrad(data, W, true, new Float64Array(size), prob);
    for (let i = 0; i < data.n; i++) {
      let s = 0;
      for (let k = 0; k < data.K; k++) {
        const p = prob[i * data.K + k]!;
        assert.ok(p >= 0 && p <= 1);
        s += p;
      }
      close(s, 1, 1e-15, 1e-15, `row ${i} sum`);
    }
  });
  test("loss and gradient equal the eager tape's (logSumExp(z) − z_y, weighted)", () => {
    const { n, d } = data;
    const k = data.K;
    const g = new Float64Array(size);
    const loss = K.multinomialLossGrad(data, W, true, g);
    const coef = new Float64Array(d * k);
    const b = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) coef[j * k + c] = W[c * (d + 1) + j]!;
      b[c] = W[c * (d + 1) + d]!;
    }
    const Xt = tensor(data.X as Float64Array, [n, d], "float64");
    const Wt = tensor(coef, [d, k], "float64");
    const bt = tensor(b, [k], "float64");
    const Y = oneHot(tensor(data.y, [n], "int32"), k);
    const Yf = tensor(Float64Array.from(Y.dataSync()), [n, k], "float64");
    const rt = tensor(data.rowWeight, [n], "float64");
    const { value, grads } = valueAndGrads(() => {
      const z = add(matMul(Xt, Wt), bt);
      const perRow = sub(logSumExp(z, 1), reshape(sum(mul(Yf, z), 1), [n]));
      return sum(mul(rt, perRow));
    }, [Wt, bt]);
    close(loss, value.dataSync()[0]!, 1e-13, 0, "loss");
    const gw = grads[0]!.dataSync();
    const gb = grads[1]!.dataSync();
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) close(g[c * (d + 1) + j]!, gw[j * k + c]!, 1e-12, 1e-12, `grad[${c},${j}]`);
      close(g[c * (d + 1) + d]!, gb[c]!, 1e-12, 1e-12, `grad[${c},b]`);
    }
  });
});

describe("float32 X", () => {
  test("float32 storage gives the float64 result of the rounded data, and agrees with float64 X to float32 rounding", () => {
    const b64 = binaryProblem(7, 500, 8);
    const X32 = Float32Array.from(b64.X);
    const b32: BinaryData = { ...b64, X: X32 };
    const bRounded: BinaryData = { ...b64, X: Float64Array.from(X32) };
    const w = randn(new Rng(8), 9, 0.3);
    const g32 = new Float64Array(9);
    const gr = new Float64Array(9);
    const g64 = new Float64Array(9);
    const h32 = new Float64Array(500);
    const hr = new Float64Array(500);
    const l32 = K.binaryLossGrad(b32, w, true, g32, h32);
    const lr = K.binaryLossGrad(bRounded, w, true, gr, hr);
    const l64 = K.binaryLossGrad(b64, w, true, g64);
    assert.equal(l32, lr);
    assert.deepEqual(g32, gr);
    assert.deepEqual(h32, hr);
    close(l32, l64, 1e-6, 0, "loss f32 vs f64");
    for (let j = 0; j < 9; j++) close(g32[j]!, g64[j]!, 1e-5, 1e-5, `grad[${j}]`);
    const v = randn(new Rng(9), 9);
    const o32 = new Float64Array(9);
    const or = new Float64Array(9);
    K.binaryHessVec(b32, h32, true, v, o32);
    K.binaryHessVec(bRounded, hr, true, v, or);
    assert.deepEqual(o32, or);
    const z32 = new Float64Array(500);
    const zr = new Float64Array(500);
    K.binaryDecision(X32, 500, 8, w, true, z32);
    K.binaryDecision(bRounded.X, 500, 8, w, true, zr);
    assert.deepEqual(z32, zr);

    const m64 = multinomialProblem(10, 300, 6, 3);
    const m32: MultinomialData = { ...m64, X: Float32Array.from(m64.X) };
    const mr: MultinomialData = { ...m64, X: Float64Array.from(m32.X) };
    const W = randn(new Rng(11), 21, 0.3);
    const a = new Float64Array(21);
    const b = new Float64Array(21);
    const c = new Float64Array(21);
    const pa = new Float64Array(900);
    const pb = new Float64Array(900);
    assert.equal(K.multinomialLossGrad(m32, W, true, a, pa), K.multinomialLossGrad(mr, W, true, b, pb));
    assert.deepEqual(a, b);
    close(K.multinomialLossGrad(m64, W, true, c), K.multinomialLossGrad(m32, W, true, a), 1e-6, 0, "multinomial loss f32 vs f64");
    const V = randn(new Rng(12), 21);
    const ha = new Float64Array(21);
    const hb = new Float64Array(21);
    K.multinomialHessVec(m32, pa, true, V, ha);
    K.multinomialHessVec(mr, pb, true, V, hb);
    assert.deepEqual(ha, hb);
    const za = new Float64Array(900);
    const zb = new Float64Array(900);
    K.multinomialDecision(m32.X, 300, 6, 3, W, true, za);
    K.multinomialDecision(mr.X, 300, 6, 3, W, true, zb);
    assert.deepEqual(za, zb);
  });

  test("portableF32.ts is portableF64.ts with only the storage type changed", () => {
    const dir = join(import.meta.dirname, "..", "..", "src", "kernels");
    const f64 = readFileSync(join(dir, "portableF64.ts"), "utf8");
    const f32 = readFileSync(join(dir, "portableF32.ts"), "utf8");
    assert.ok(f64.includes("\ntype Rows = Float64Array;\n"));
    assert.equal(f32, f64.replace("\ntype Rows = Float64Array;\n", "\ntype Rows = Float32Array;\n"));
  });
});

describe("reduction order and extreme values", () => {
  test("rows are reduced in blocks of KERNEL_BLOCK_ROWS, blocks in order (bit-identical to summing block calls)", () => {
    const n = 2 * KERNEL_BLOCK_ROWS + 37;
    const data = binaryProblem(13, n, 3);
    const w = randn(new Rng(14), 4);
    const g = new Float64Array(4);
    const loss = K.binaryLossGrad(data, w, true, g);
    let sumLoss = 0;
    const sumGrad = new Float64Array(4);
    for (let s = 0; s < n; s += KERNEL_BLOCK_ROWS) {
      const e = Math.min(n, s + KERNEL_BLOCK_ROWS);
      const part: BinaryData = { X: (data.X as Float64Array).subarray(s * 3, e * 3), n: e - s, d: 3, y: data.y.subarray(s, e), rowWeight: data.rowWeight.subarray(s, e) };
      const pg = new Float64Array(4);
      sumLoss += K.binaryLossGrad(part, w, true, pg);
      for (let j = 0; j < 4; j++) sumGrad[j] = sumGrad[j]! + pg[j]!;
    }
    assert.equal(loss, sumLoss);
    assert.deepEqual(g, sumGrad);

    const m = multinomialProblem(15, n, 3, 3);
    const W = randn(new Rng(16), 12);
    const mg = new Float64Array(12);
    const mloss = K.multinomialLossGrad(m, W, true, mg);
    let ml = 0;
    const msum = new Float64Array(12);
    for (let s = 0; s < n; s += KERNEL_BLOCK_ROWS) {
      const e = Math.min(n, s + KERNEL_BLOCK_ROWS);
      const part: MultinomialData = { X: (m.X as Float64Array).subarray(s * 3, e * 3), n: e - s, d: 3, K: 3, y: m.y.subarray(s, e), rowWeight: m.rowWeight.subarray(s, e) };
      const pg = new Float64Array(12);
      ml += K.multinomialLossGrad(part, W, true, pg);
      for (let j = 0; j < 12; j++) msum[j] = msum[j]! + pg[j]!;
    }
    assert.equal(mloss, ml);
    assert.deepEqual(mg, msum);
  });

  test("logits of ±1e4 and beyond give finite, exact losses and gradients", () => {
    // One feature, rows x = ±1, labels chosen so that half the rows are badly wrong.
    const X = Float64Array.from([1, -1, 1, -1]);
    const y = Float64Array.from([1, 1, 0, 0]);
    const rowWeight = Float64Array.from([1, 1, 1, 1]);
    for (const scale of [1e4, 1e6, 1e300]) {
      const w = Float64Array.from([scale, 0]);
      const g = new Float64Array(2);
      const hd = new Float64Array(4);
      const loss = K.binaryLossGrad({ X, n: 4, d: 1, y, rowWeight }, w, true, g, hd);
      // Rows 1 (z = −s, y = 1) and 2 (z = s, y = 0) each lose s; the others lose ~e^−s = 0.
      assert.equal(loss, 2 * scale);
      assert.deepEqual(Array.from(g), [2, 0]); // residuals −1 at x = −1 and +1 at x = +1
      assert.ok(hd.every((h) => h === 0));
    }
    const mX = Float64Array.from([1, -1]);
    const W = Float64Array.from([1e5, 0, -1e5, 0, 0, 0]);
    const mg = new Float64Array(6);
    const prob = new Float64Array(6);
    const mloss = K.multinomialLossGrad({ X: mX, n: 2, d: 1, K: 3, y: Int32Array.from([1, 1]), rowWeight: Float64Array.from([1, 1]) }, W, true, mg, prob);
    assert.equal(mloss, 2e5); // row x = 1: z = [1e5, −1e5, 0], loss 1e5 − (−1e5); row x = −1 is right (loss e^−1e5 = 0)
    assert.ok(mg.every(Number.isFinite) && prob.every(Number.isFinite));
  });

  test("tiny losses keep full relative precision (no 1 − p cancellation)", () => {
    const X = Float64Array.from([40]);
    const w = Float64Array.from([1, 0]);
    const g = new Float64Array(2);
    const loss = K.binaryLossGrad({ X, n: 1, d: 1, y: Float64Array.from([1]), rowWeight: Float64Array.from([1]) }, w, true, g);
    close(loss, Math.exp(-40), 1e-14, 0, "softplus(−40)");
    close(g[0]!, -40 * Math.exp(-40), 1e-14, 0, "gradient");
    const mloss = K.multinomialLossGrad(
      { X, n: 1, d: 1, K: 2, y: Int32Array.from([0]), rowWeight: Float64Array.from([1]) }, Float64Array.from([1, 0, 0, 0]), true, new Float64Array(4),
    );
    close(mloss, Math.exp(-40), 1e-14, 0, "log(1 + e^−40)");
  });
});

describe("registry", () => {
  test("kernelsFor gives working kernels; setKernels forces a choice and null restores it", () => {
    const X = new Float64Array(4);
    const auto = kernelsFor(X);
    assert.equal(typeof auto.binaryLossGrad, "function");
    const fake: ObjectiveKernels = { ...K, name: "forced" };
    setKernels(fake);
    try {
      assert.equal(kernelsFor(X).name, "forced");
      assert.equal(kernelsFor(new Float32Array(4)).name, "forced");
    } finally {
      setKernels(null);
    }
    assert.equal(kernelsFor(X), auto);
  });
});
