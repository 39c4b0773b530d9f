// Numerical faults: logits of ±1e4 give finite losses and gradients (eager losses and every fused
// kernel), features of 1e30 / 1e300 are handled by standardisation or rejected (never NaN weights),
// coefficients that overflow x·w are an error rather than NaN probabilities, separable data without
// a penalty stops with a warning, and ops on empty tensors behave as NumPy does.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  LogisticRegression, LogregError, StandardScaler, ValueError, binaryCrossEntropy, concat, createKernelPool, logSoftmax, logSumExp, matMul,
  max, mean, portableKernels, reshape, sigmoid, sigmoidCrossEntropyWithLogits, softmax, softmaxCrossEntropy, softplus, sparseSoftmaxCrossEntropy,
  sum, tensor, valueAndGrads, wasmKernels, wasmSimdAvailable, zeros, type KernelPool, type ObjectiveKernels, type SolverName, type Tensor,
} from "../../src/index.js";

/** log(1 + e^z) without overflow: the closed form the losses must agree with. */
const softplusRef = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const sigmoidRef = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    assert.ok(Number.isFinite(a), `${what}[${i}] is ${a}`);
    assert.ok(Math.abs(a - e) <= rel * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`);
  }
}

describe("logits of ±1e4: finite losses and gradients", () => {
  const zs = [1e4, -1e4, 1e4, -1e4, 0, 37, -745];
  const ys = [1, 0, 0, 1, 1, 0, 1];
  for (const dtype of ["float32", "float64"] as const) {
    const rel = dtype === "float32" ? 1e-6 : 1e-12;
    // float32 rounds a logit of 1e4 (or a log-sum-exp near it) to within 2^-11 ≈ 5e-4, and e^(z − lse) inherits that
    const gradRel = dtype === "float32" ? 1e-3 : 1e-12;
    test(`binary cross-entropy from logits, sigmoidCrossEntropyWithLogits, softplus (${dtype})`, () => {
      const z = tensor(zs.map((v) => [v]), undefined, dtype);
      const y = tensor(ys.map((v) => [v]), undefined, dtype);
      const n = zs.length;
      const lossRef = zs.reduce((s, v, i) => s + softplusRef(v) - ys[i]! * v, 0) / n;
      const gradRef = zs.map((v, i) => (sigmoidRef(v) - ys[i]!) / n);
      for (const [name, f] of [
        ["binaryCrossEntropy fromLogits", () => binaryCrossEntropy(y, z, { fromLogits: true })],
        ["mean(sigmoidCrossEntropyWithLogits)", () => mean(sigmoidCrossEntropyWithLogits(y, z))],
      ] as const) {
        const { value, grads } = valueAndGrads(f, [z]);
        assertClose(value.dataSync(), [lossRef], rel, `${name} value`);
        assertClose(grads[0]!.dataSync(), gradRef, rel, `${name} gradient`);
      }
      const sp = valueAndGrads(() => sum(softplus(z)), [z]);
      assertClose(sp.value.dataSync(), [zs.reduce((s, v) => s + softplusRef(v), 0)], rel, "softplus");
      assertClose(sp.grads[0]!.dataSync(), zs.map(sigmoidRef), rel, "softplus gradient");
      // probabilities of exactly 0 and 1 (sigmoid(±1e4)) are clipped: finite, never NaN
      const p = valueAndGrads(() => binaryCrossEntropy(y, sigmoid(z)), [z]);
      assert.ok(Number.isFinite(p.value.dataSync()[0]!));
      for (const g of p.grads[0]!.dataSync()) assert.ok(Number.isFinite(g), "gradient through clipped probabilities");
    });

    test(`softmax cross-entropy (dense and sparse labels), logSoftmax, logSumExp (${dtype})`, () => {
      const rows = [[1e4, -1e4, 0], [-1e4, 1e4, 0], [1e4, 1e4, -1e4], [-1e4, -1e4, -1e4]];
      const labels = [1, 1, 2, 0];
      const z = tensor(rows, undefined, dtype);
      const onehot = tensor(rows.map((_, i) => [0, 1, 2].map((k) => (k === labels[i] ? 1 : 0))), undefined, dtype);
      const lse = (r: number[]): number => {
        const m = Math.max(...r);
        return m + Math.log(r.reduce((s, v) => s + Math.exp(v - m), 0));
      };
      const n = rows.length;
      const lossRef = rows.reduce((s, r, i) => s + lse(r) - r[labels[i]!]!, 0) / n;
      const gradRef = rows.flatMap((r, i) => r.map((v, k) => (Math.exp(v - lse(r)) - (k === labels[i] ? 1 : 0)) / n));
      for (const [name, f] of [
        ["softmaxCrossEntropy", () => softmaxCrossEntropy(onehot, z)],
        ["sparseSoftmaxCrossEntropy", () => sparseSoftmaxCrossEntropy(tensor(labels, undefined, "int32"), z)],
      ] as const) {
        const { value, grads } = valueAndGrads(f, [z]);
        assertClose(value.dataSync(), [lossRef], rel, `${name} value`);
        assertClose(grads[0]!.dataSync(), gradRef, gradRel, `${name} gradient`);
      }
      const ls = valueAndGrads(() => sum(logSoftmax(z)), [z]);
      assertClose(ls.value.dataSync(), [rows.reduce((s, r) => s + r.reduce((t, v) => t + v - lse(r), 0), 0)], rel, "logSoftmax");
      for (const g of ls.grads[0]!.dataSync()) assert.ok(Number.isFinite(g));
      const l = valueAndGrads(() => sum(logSumExp(z, 1)), [z]);
      assertClose(l.value.dataSync(), [rows.reduce((s, r) => s + lse(r), 0)], rel, "logSumExp");
      assertClose(l.grads[0]!.dataSync(), rows.flatMap((r) => r.map((v) => Math.exp(v - lse(r)))), gradRel, "logSumExp gradient");
      for (const v of softmax(z).dataSync()) assert.ok(v >= 0 && v <= 1);
    });
  }

  describe("fused kernels (portable, WebAssembly SIMD, 2-thread pool)", () => {
    let pool: KernelPool | undefined;
    after(async () => pool?.close());
    // 5000 rows (three reduction blocks) whose logits are exactly ±1e4 or small
    const n = 5000;
    const d = 2;
    const X = new Float32Array(n * d);
    const y = new Float64Array(n);
    const yk = new Int32Array(n);
    const rowWeight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i * d] = i % 3 === 0 ? 1e4 : i % 3 === 1 ? -1e4 : (i % 7) - 3;
      X[i * d + 1] = (i % 5) - 2;
      y[i] = (i * 7) % 3 === 0 ? 1 : 0;
      yk[i] = (i * 5) % 3;
      rowWeight[i] = 0.5 + (i % 4) / 4;
    }
    const w = Float64Array.from([1, 0, 0]); // z_i = x_i0
    const K = 3;
    const W = Float64Array.from([1, 0, 0, -1, 0, 0, 0, 1, 0]); // z_i = [x0, -x0, x1]
    const zOf = (i: number, k: number): number => (k === 0 ? X[i * d]! : k === 1 ? -X[i * d]! : X[i * d + 1]!);
    let lossB = 0;
    const gradB = new Float64Array(d + 1);
    let lossM = 0;
    const gradM = new Float64Array(K * (d + 1));
    for (let i = 0; i < n; i++) {
      const z = X[i * d]!;
      lossB += rowWeight[i]! * (softplusRef(z) - y[i]! * z);
      const r = rowWeight[i]! * (sigmoidRef(z) - y[i]!);
      gradB[0] = gradB[0]! + r * X[i * d]!;
      gradB[1] = gradB[1]! + r * X[i * d + 1]!;
      gradB[2] = gradB[2]! + r;
      const zi = [0, 1, 2].map((k) => zOf(i, k));
      const m = Math.max(...zi);
      const l = m + Math.log(zi.reduce((s, v) => s + Math.exp(v - m), 0));
      lossM += rowWeight[i]! * (l - zi[yk[i]!]!);
      for (let k = 0; k < K; k++) {
        const g = rowWeight[i]! * (Math.exp(zi[k]! - l) - (k === yk[i] ? 1 : 0));
        const at = k * (d + 1);
        gradM[at] = gradM[at]! + g * X[i * d]!;
        gradM[at + 1] = gradM[at + 1]! + g * X[i * d + 1]!;
        gradM[at + 2] = gradM[at + 2]! + g;
      }
    }
    const check = (k: ObjectiveKernels): void => {
      const grad = new Float64Array(d + 1);
      const hess = new Float64Array(n);
      const loss = k.binaryLossGrad({ X, n, d, y, rowWeight }, w, true, grad, hess);
      assertClose([loss], [lossB], 1e-6, `${k.name} binary loss`);
      assertClose(grad, gradB, 1e-6, `${k.name} binary gradient`);
      for (const h of hess) assert.ok(Number.isFinite(h) && h >= 0, `${k.name} Hessian diagonal ${h}`);
      const hv = new Float64Array(d + 1);
      k.binaryHessVec({ X, n, d, y, rowWeight }, hess, true, Float64Array.from([1, 1, 1]), hv);
      for (const v of hv) assert.ok(Number.isFinite(v));
      const gm = new Float64Array(K * (d + 1));
      const prob = new Float64Array(n * K);
      const lm = k.multinomialLossGrad({ X, n, d, K, y: yk, rowWeight }, W, true, gm, prob);
      assertClose([lm], [lossM], 1e-6, `${k.name} multinomial loss`);
      assertClose(gm, gradM, 1e-6, `${k.name} multinomial gradient`);
      for (const p of prob) assert.ok(p >= 0 && p <= 1, `${k.name} probability ${p}`);
      const z = new Float64Array(n);
      k.binaryDecision(X, n, d, w, true, z);
      for (let i = 0; i < n; i++) assert.equal(z[i], X[i * d]);
    };
    test("portable TypeScript kernels (float32 and float64 X)", () => {
      check(portableKernels);
      const x64 = Float64Array.from(X);
      const grad = new Float64Array(d + 1);
      const loss = portableKernels.binaryLossGrad({ X: x64, n, d, y, rowWeight }, w, true, grad);
      assertClose([loss], [lossB], 1e-12, "float64 binary loss");
      assertClose(grad, gradB, 1e-12, "float64 binary gradient");
    });
    test("WebAssembly SIMD kernels, one thread and a pool of two", { skip: !wasmSimdAvailable() && "no WebAssembly SIMD here" }, async () => {
      check(wasmKernels);
      pool = await createKernelPool({ threads: 2, minWorkPerThread: 1 });
      await pool.ready();
      check(pool);
    });
  });
});

describe("huge features: standardised, or a clear error; never NaN weights", () => {
  // A small non-separable problem; column 1 is then multiplied by a huge factor.
  const base: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 60; i++) {
    const a = Math.sin(i * 1.7) * 2;
    const b = Math.cos(i * 0.9) + (i % 5) / 5;
    base.push([a, b]);
    labels.push(a + b + Math.sin(i * 12.9898) * 1.2 > 0 ? 1 : 0);
  }
  const scaled = (f: number): number[][] => base.map(([a, b]) => [a!, b! * f]);

  for (const f of [1e30, 1e300, 8e307]) {
    test(`a column of ${f}: StandardScaler gives the same standardised data as for the plain column; the fit the same coefficients`, () => {
      const plain = new StandardScaler().fit(base);
      const s = new StandardScaler().fit(scaled(f));
      assertClose([s.scale[1]! / f], [plain.scale[1]!], 1e-12, "scale / factor");
      assertClose([s.mean[1]! / f], [plain.mean[1]!], 1e-12, "mean / factor");
      const zPlain = plain.transform(base);
      const zHuge = s.transform(scaled(f));
      zHuge.forEach((row, i) => assertClose(row, zPlain[i]!, 1e-10, `row ${i}`));
      const ref = new LogisticRegression().fit(zPlain, labels);
      const est = new LogisticRegression().fit(zHuge, labels);
      assertClose(est.coef[0]!, ref.coef[0]!, 1e-8, "coef");
    });
  }

  test("values near ±1.8e308 of both signs: the scaler stays finite", () => {
    const X = [[1.7e308], [-1.7e308], [-1.7e308], [1e308]];
    const s = new StandardScaler().fit(X);
    for (const v of [...s.mean, ...s.scale]) assert.ok(Number.isFinite(v), String(v));
    for (const [v] of s.transform(X)) assert.ok(Number.isFinite(v!) && Math.abs(v!) < 3, String(v));
  });

  test("unstandardised huge features: every solver gives finite weights or a LogregError", () => {
    for (const f of [1e30, 1e300]) {
      for (const solver of ["newton", "lbfgs", "sgd", "adam", "owlqn"] as SolverName[]) {
        const penalty = solver === "owlqn" ? "l1" : "l2";
        let est: LogisticRegression;
        try {
          est = new LogisticRegression({ solver, penalty, maxIter: 50, onWarning: () => undefined }).fit(scaled(f), labels);
        } catch (e) {
          assert.ok(e instanceof LogregError, `${solver} ${f}: ${String(e)}`);
          continue;
        }
        for (const v of [...est.coef.flat(), ...est.intercept]) assert.ok(Number.isFinite(v), `${solver} at ${f}: weight ${v}`);
        try {
          for (const p of est.predictProba(scaled(f)).flat()) assert.ok(p >= 0 && p <= 1, `${solver} at ${f}: probability ${p}`);
        } catch (e) {
          assert.ok(e instanceof ValueError, String(e));
        }
      }
    }
  });

  test("a value beyond the float32 range: precision float32 says so, precision auto falls back to float64", () => {
    const X = scaled(1);
    X[7] = [1, 1e39];
    assert.throws(
      () => new LogisticRegression({ precision: "float32" }).fit(X, labels),
      (e: unknown) => e instanceof ValueError && /1e\+39 at row 7, column 1, beyond the float32 range.*precision "float64"/.test(e.message),
    );
    // big enough for "auto" to choose float32 (n·d > 1e6), with one value beyond its range
    const n = 600_000;
    const data = new Float64Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      data[2 * i] = (i % 7) - 3;
      data[2 * i + 1] = (i % 3) - 1;
      y[i] = (i % 7) + (i % 3) * 2 + ((i * 2654435761) % 5) > 5 ? 1 : 0;
    }
    data[11] = 3e38 * 10;
    const est = new LogisticRegression({ maxIter: 5, onWarning: () => undefined }).fit({ data, shape: [n, 2] }, y);
    for (const v of [...est.coef.flat(), ...est.intercept]) assert.ok(Number.isFinite(v), `weight ${v}`);
  });

  test("coefficients that make x·w overflow: predict and predictProba throw a ValueError, not NaN", () => {
    const est = new LogisticRegression().fit(base, labels);
    const json = est.toJSON();
    json.coef = [[1e308, -1e308]];
    const bad = LogisticRegression.fromJSON(json);
    for (const f of [() => bad.predictProba(base), () => bad.predict(base), () => bad.predictLogProba(base)]) {
      assert.throws(f, (e: unknown) => e instanceof ValueError && /decision value of row \d+ overflows.*largest \|coef\| 1\.00e\+308/.test(e.message));
    }
  });
});

describe("separable data without a penalty", () => {
  test("every solver stops with a warning and finite weights that separate the classes", () => {
    const X = [[-3], [-2], [-1.5], [-1], [1], [1.2], [2], [3]];
    const y = ["a", "a", "a", "a", "b", "b", "b", "b"];
    for (const solver of ["newton", "lbfgs", "sgd", "adam", "owlqn"] as SolverName[]) {
      const warnings: string[] = [];
      const est = new LogisticRegression({ penalty: "none", solver, onWarning: (w) => warnings.push(w) }).fit(X, y);
      assert.ok(warnings.some((w) => /separable/.test(w)), `${solver}: ${warnings.join(" | ")}`);
      assert.equal(est.converged, false, solver);
      for (const v of [...est.coef.flat(), ...est.intercept]) assert.ok(Number.isFinite(v), `${solver}: ${v}`);
      assert.deepEqual(est.predict(X), y, solver);
    }
  });
});

describe("ops on empty tensors behave as NumPy does", () => {
  const shapeOf = (t: Tensor): number[] => [...t.shape];
  test("reductions: sum of nothing is 0; reducing an empty axis gives an empty result; mean and max of nothing are errors", () => {
    const e = tensor([], [0], "float64");
    assert.deepEqual([...sum(e).dataSync()], [0]); // np.sum([]) == 0.0
    const e03 = zeros([0, 3]);
    assert.deepEqual(shapeOf(sum(e03, 0)), [3]); // np.zeros((0,3)).sum(0) -> [0, 0, 0]
    assert.deepEqual([...sum(e03, 0).dataSync()], [0, 0, 0]);
    assert.deepEqual(shapeOf(sum(e03, 1)), [0]); // .sum(1) -> shape (0,)
    assert.deepEqual(shapeOf(logSumExp(e03, 1)), [0]);
    // NumPy: max of nothing raises, mean of nothing is NaN with a warning; here both are a typed error (never a silent NaN)
    assert.throws(() => max(e), ValueError);
    assert.throws(() => mean(e), ValueError);
    assert.throws(() => mean(e03, 0), ValueError);
  });
  test("shapes with a zero flow through matMul, softmax, reshape and concat", () => {
    const e03 = zeros([0, 3]);
    assert.deepEqual(shapeOf(matMul(e03, zeros([3, 2]))), [0, 2]); // (0,3)@(3,2) -> (0,2)
    const inner = matMul(zeros([2, 0]), zeros([0, 3])); // (2,0)@(0,3) -> zeros (2,3)
    assert.deepEqual(shapeOf(inner), [2, 3]);
    assert.deepEqual([...inner.dataSync()], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(shapeOf(softmax(e03)), [0, 3]);
    assert.deepEqual(shapeOf(reshape(e03, [3, 0])), [3, 0]);
    assert.deepEqual(shapeOf(concat([e03, tensor([[1, 2, 3]])], 0)), [1, 3]);
  });
  test("the gradient of a sum over an empty tensor is an empty tensor of the same shape", () => {
    const e03 = zeros([0, 3]);
    const { value, grads } = valueAndGrads(() => sum(e03), [e03]);
    assert.deepEqual([...value.dataSync()], [0]);
    assert.deepEqual(shapeOf(grads[0]!), [0, 3]);
  });
});
