// The solvers' mixed precision: on a float32 X they start on the fast (float32-arithmetic) kernels
// and finish on the exact ones, so the fit is the exact optimum — the same, to the stopping rule's
// resolution, as a fit that never leaves the exact portable kernels.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression, ValueError, allocDesignMatrix, portableKernels, setKernels, threadedKernels } from "../../src/index.js";
import type { ObjectiveKernels } from "../../src/index.js";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A binary problem with unstandardised, offset and differently scaled columns. */
function problem(n: number, d: number): { X: { data: Float32Array; shape: [number, number] }; y: Int32Array } {
  const r = rng(5);
  const data = new Float32Array(n * d);
  const truth = Array.from({ length: d }, () => r() * 2 - 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0.3;
    for (let j = 0; j < d; j++) {
      const x = (r() * 2 - 1) * (1 + j) + (j % 3 === 0 ? 2 : 0);
      data[i * d + j] = x;
      z += (truth[j]! * x) / (1 + j);
    }
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X: { data, shape: [n, d] }, y };
}

/** The default kernels, with calls of the exact and of the fast loss-gradient kernel counted. */
function counted(): { kernels: ObjectiveKernels; calls: { exact: number; fast: number } } {
  const calls = { exact: 0, fast: 0 };
  const fast = threadedKernels.fast!;
  const kernels: ObjectiveKernels = {
    ...threadedKernels,
    name: "counted",
    binaryLossGrad: (...a) => (calls.exact++, threadedKernels.binaryLossGrad(...a)),
    fast: { ...fast, name: "counted fast", binaryLossGrad: (...a) => (calls.fast++, fast.binaryLossGrad(...a)) },
  };
  return { kernels, calls };
}

describe("mixed precision in the solvers", () => {
  const { X, y } = problem(6000, 9);
  for (const [solver, penalty] of [["newton", "l2"], ["lbfgs", "l2"], ["owlqn", "l1"], ["lbfgs", "none"]] as const) {
    test(`${solver} (${penalty}) uses the fast kernels, then reaches the exact kernels' optimum`, () => {
      const opts = { solver, penalty, C: 0.5, precision: "float32", maxIter: 1000 } as const;
      const { kernels, calls } = counted();
      let mixed: LogisticRegression;
      let exact: LogisticRegression;
      try {
        setKernels(kernels);
        mixed = new LogisticRegression(opts).fit(X, y);
        setKernels(portableKernels);
        exact = new LogisticRegression(opts).fit(X, y);
      } finally {
        setKernels(null);
      }
      assert.ok(calls.fast > 0, "the fast kernels ran");
      assert.ok(calls.exact > 1, "the exact kernels finished the fit");
      assert.ok(mixed.converged && exact.converged);
      assert.ok(Math.abs(mixed.objective - exact.objective) <= 1e-12 * exact.objective, `${mixed.objective} vs ${exact.objective}`);
      const a = [...mixed.coef.flat(), ...mixed.intercept];
      const b = [...exact.coef.flat(), ...exact.intercept];
      const scale = Math.max(...b.map(Math.abs));
      for (let j = 0; j < a.length; j++) assert.ok(Math.abs(a[j]! - b[j]!) <= 1e-7 * scale, `coefficient ${j}: ${a[j]} vs ${b[j]}`);
    });
  }
});

describe("validation of an X in the kernels' memory (SIMD scan)", () => {
  test("the first NaN or infinity is named by row and column, wherever it lies", () => {
    const n = 1237;
    const d = 7; // n·d = 8659: several 4096-value runs and a tail shorter than a vector
    const y = Int32Array.from({ length: n }, (_, i) => i % 2);
    for (const [at, bad, name] of [[0, NaN, "NaN"], [4095, Infinity, "Infinity"], [4096, -Infinity, "-Infinity"], [8658, NaN, "NaN"], [5000, NaN, "NaN"]] as const) {
      const X = allocDesignMatrix(n, d);
      for (let k = 0; k < X.length; k++) X[k] = ((k * 37) % 101) / 50 - 1;
      X[at] = bad;
      if (at === 5000) X[7000] = Infinity; // the first one is named
      const row = Math.floor(at / d);
      const col = at % d;
      assert.throws(
        () => new LogisticRegression().fit({ data: X, shape: [n, d] }, y),
        (e: unknown) => e instanceof ValueError && new RegExp(`${name} at row ${row}, column ${col}\\b`).test(e.message),
      );
    }
    const ok = allocDesignMatrix(n, d);
    for (let k = 0; k < ok.length; k++) ok[k] = ((k * 37) % 101) / 50 - 1;
    assert.ok(new LogisticRegression().fit({ data: ok, shape: [n, d] }, y).nIter >= 0);
  });
});
