// Invariants of LogisticRegression that hold on any data: probabilities, argmax, weights,
// labels, warm starts, precision, callbacks and separable data.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression, Rng, tensor } from "../../src/index.js";
import { loadCsv, maxAbsDiff, standardize } from "./helpers.js";

const iris = loadCsv("iris");
const irisX = standardize(iris.X);
const bc = loadCsv("breast_cancer");
const bcX = standardize(bc.X);

function checkProbabilities(m: LogisticRegression, X: number[][]): void {
  const proba = m.predictProba(X);
  const logp = m.predictLogProba(X);
  const pred = m.predict(X);
  const classes = m.classes;
  proba.forEach((p, i) => {
    assert.equal(p.length, classes.length);
    let s = 0;
    p.forEach((v, k) => {
      assert.ok(v >= 0 && v <= 1, `p[${i}][${k}] = ${v}`);
      assert.ok(Math.abs(Math.log(v) - logp[i]![k]!) <= 1e-9 * Math.max(1, Math.abs(logp[i]![k]!)) || v === 0);
      s += v;
    });
    assert.ok(Math.abs(s - 1) <= 1e-12, `row ${i} sums to ${s}`);
    assert.equal(pred[i], classes[p.indexOf(Math.max(...p))]);
  });
}

describe("probabilities", () => {
  for (const multiClass of ["auto", "ovr"] as const) {
    test(`iris (${multiClass}): in [0, 1], rows sum to 1, argmax = predict, log = log`, () => {
      checkProbabilities(new LogisticRegression({ multiClass }).fit(irisX, iris.y), irisX);
    });
  }
  test("breast_cancer binary, raw features and a weak penalty (probabilities near 0 and 1)", () => {
    checkProbabilities(new LogisticRegression({ C: 100 }).fit(bcX, bc.y), bcX);
  });
  test("decisionFunction: binary z = x·coef + intercept, and its sign gives predict", () => {
    const m = new LogisticRegression().fit(bcX, bc.y);
    const z = m.decisionFunction(bcX);
    const pred = m.predict(bcX);
    z.forEach((zi, i) => {
      const manual = m.coef[0]!.reduce((s, w, j) => s + w * bcX[i]![j]!, m.intercept[0]!);
      assert.ok(Math.abs(zi[0]! - manual) <= 1e-12 * Math.max(1, Math.abs(manual)));
      assert.equal(pred[i], zi[0]! > 0 ? 1 : 0);
    });
  });
});

describe("weights", () => {
  test('classWeight "balanced" equals per-row weights n / (k · count)', () => {
    // Make iris unbalanced: drop most of class 2.
    const keep = iris.y.map((v, i) => v !== 2 || i % 5 === 0);
    const X = irisX.filter((_, i) => keep[i]);
    const y = iris.y.filter((_, i) => keep[i]);
    const counts = [0, 1, 2].map((c) => y.filter((v) => v === c).length);
    const sw = y.map((v) => y.length / (3 * counts[v]!));
    const a = new LogisticRegression({ classWeight: "balanced" }).fit(X, y);
    const b = new LogisticRegression().fit(X, y, { sampleWeight: sw });
    assert.ok(maxAbsDiff(a.coef, b.coef) <= 1e-9 && maxAbsDiff(a.intercept, b.intercept) <= 1e-9);
    const c = new LogisticRegression({ classWeight: { 0: sw[y.indexOf(0)]!, 1: sw[y.indexOf(1)]!, 2: sw[y.indexOf(2)]! } }).fit(X, y);
    assert.ok(maxAbsDiff(a.coef, c.coef) <= 1e-9);
  });
  test("integer sample weights equal duplicated rows", () => {
    const rng = new Rng(3);
    const w = bc.y.map(() => rng.nextInt(3));
    const Xd: number[][] = [];
    const yd: number[] = [];
    w.forEach((c, i) => {
      for (let r = 0; r < c; r++) {
        Xd.push(bcX[i]!);
        yd.push(bc.y[i]!);
      }
    });
    const a = new LogisticRegression().fit(bcX, bc.y, { sampleWeight: w });
    const b = new LogisticRegression().fit(Xd, yd);
    assert.ok(maxAbsDiff(a.coef, b.coef) <= 1e-8, `${maxAbsDiff(a.coef, b.coef)}`);
    assert.ok(Math.abs(a.objective - b.objective) <= 1e-10 * b.objective);
  });
});

describe("labels and inputs", () => {
  test("string labels: sorted classes, same model as numbers", () => {
    const names = ["virginica", "setosa", "versicolor"];
    const ys = iris.y.map((v) => names[v]!);
    const a = new LogisticRegression().fit(irisX, ys);
    assert.deepEqual(a.classes, ["setosa", "versicolor", "virginica"]);
    // Sorted names map 0→"virginica" (index 2), 1→"setosa" (0), 2→"versicolor" (1).
    const b = new LogisticRegression().fit(irisX, iris.y);
    assert.ok(maxAbsDiff(a.coef, [b.coef[1]!, b.coef[2]!, b.coef[0]!]) <= 1e-9);
    assert.deepEqual(a.predict(irisX), b.predict(irisX).map((v) => names[v as number]!));
    assert.equal(a.score(irisX, ys), b.score(irisX, iris.y));
  });
  test("numeric labels sort numerically, not as strings", () => {
    const y = bc.y.map((v) => (v === 1 ? 10 : 9));
    const m = new LogisticRegression().fit(bcX, y);
    assert.deepEqual(m.classes, [9, 10]);
    const ref = new LogisticRegression().fit(bcX, bc.y);
    assert.deepEqual(m.coef, ref.coef);
  });
  test("X as rows, as { data, shape }, as a tensor, and y as a typed array give the same model", () => {
    const n = bcX.length;
    const d = bcX[0]!.length;
    const flat = Float64Array.from(bcX.flat());
    const a = new LogisticRegression().fit(bcX, bc.y);
    const b = new LogisticRegression().fit({ data: flat, shape: [n, d] }, Int32Array.from(bc.y));
    const c = new LogisticRegression().fit(tensor(flat, [n, d], "float64"), Float64Array.from(bc.y));
    assert.deepEqual(a.coef, b.coef);
    assert.deepEqual(a.coef, c.coef);
    assert.deepEqual(a.predict(bcX), c.predict(tensor(flat, [n, d], "float64")));
  });
  test("precision float32 lands within float32 rounding of the float64 fit; objective reported in float64", () => {
    const a = new LogisticRegression({ precision: "float64" }).fit(bcX, bc.y);
    const b = new LogisticRegression({ precision: "float32" }).fit(bcX, bc.y);
    assert.ok(b.converged);
    assert.ok(maxAbsDiff(a.coef, b.coef) <= 1e-5, `${maxAbsDiff(a.coef, b.coef)}`);
    assert.ok(Math.abs(a.objective - b.objective) <= 1e-6 * a.objective);
    // b is the exact optimum of the float32-rounded data: refitting on those values in float64 agrees.
    const rounded = bcX.map((r) => Array.from(Float32Array.from(r)));
    const c = new LogisticRegression({ precision: "float64" }).fit(rounded, bc.y);
    assert.ok(maxAbsDiff(b.coef, c.coef) <= 1e-9);
    assert.ok(Math.abs(b.objective - c.objective) <= 1e-12 * c.objective);
  });
});

describe("fit control", () => {
  test("warmStart starts from the previous optimum (no iterations) and reaches the new optimum after a change of C", () => {
    const m = new LogisticRegression({ warmStart: true }).fit(bcX, bc.y);
    const first = m.coef;
    m.fit(bcX, bc.y);
    assert.equal(m.nIter, 0);
    assert.deepEqual(m.coef, first);
    const warm = new LogisticRegression({ warmStart: true, C: 1 }).fit(bcX, bc.y);
    (warm.options as { C?: number }).C = 0.3;
    warm.fit(bcX, bc.y);
    const cold = new LogisticRegression({ C: 0.3 }).fit(bcX, bc.y);
    assert.ok(maxAbsDiff(warm.coef, cold.coef) <= 1e-7);
    assert.ok(warm.nIter <= cold.nIter);
  });
  test("onIteration reports progress and returning false stops the fit", () => {
    const seen: number[] = [];
    const m = new LogisticRegression({
      solver: "lbfgs",
      onIteration: ({ iteration, objective, gradNorm }) => {
        assert.ok(Number.isFinite(objective) && gradNorm >= 0);
        seen.push(iteration);
        return iteration < 5;
      },
    }).fit(bcX, bc.y);
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    assert.equal(m.nIter, 5);
    assert.equal(m.converged, false);
    assert.equal(m.history.length, 5);
    for (let i = 1; i < 5; i++) assert.ok(m.history[i]! <= m.history[i - 1]!);
  });
  test("sgd and adam are reproducible: the same seed gives the same model, another seed a different one", () => {
    for (const solver of ["sgd", "adam"] as const) {
      const opts = { solver, epochs: 5, onWarning: () => {} };
      const a = new LogisticRegression({ ...opts, seed: 1 }).fit(irisX, iris.y);
      const b = new LogisticRegression({ ...opts, seed: 1 }).fit(irisX, iris.y);
      const c = new LogisticRegression({ ...opts, seed: 2 }).fit(irisX, iris.y);
      assert.deepEqual(a.coef, b.coef);
      assert.notDeepEqual(a.coef, c.coef);
      assert.equal(a.nIter, 5);
      // The multinomial intercepts stay centred (the objective is flat along their sum).
      assert.ok(Math.abs(a.intercept.reduce((s, v) => s + v, 0)) <= 1e-12);
    }
  });
  test("maxIter running out: converged false and a warning", () => {
    const warnings: string[] = [];
    const m = new LogisticRegression({ solver: "lbfgs", maxIter: 3, onWarning: (w) => warnings.push(w) }).fit(bcX, bc.y);
    assert.equal(m.converged, false);
    assert.equal(m.nIter, 3);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /did not converge in maxIter = 3/);
    assert.deepEqual(m.warnings, warnings);
  });
  for (const solver of ["newton", "lbfgs"] as const) {
    test(`separable data with penalty "none" stops with a warning (${solver})`, () => {
      const warnings: string[] = [];
      const X = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]];
      const y = [0, 0, 0, 1, 1, 1];
      const m = new LogisticRegression({ penalty: "none", solver, onWarning: (w) => warnings.push(w) }).fit(X, y);
      assert.equal(m.converged, false);
      assert.match(warnings[0] ?? "", /perfectly separable/);
      assert.ok(m.nIter < 50);
      assert.ok(m.coef[0]!.every(Number.isFinite));
      assert.equal(m.score(X, y), 1);
    });
  }
  test('penalty "none" on non-separable data converges to the maximum-likelihood fit (gradient ≈ 0)', () => {
    const X = iris.X.map((r) => [r[0]!]);
    const y = iris.y.map((v) => (v === 0 ? 1 : 0));
    const m = new LogisticRegression({ penalty: "none" }).fit(X, y);
    assert.ok(m.converged);
    const p = m.predictProba(X).map((r) => r[1]!);
    const gInt = p.reduce((s, v, i) => s + v - y[i]!, 0);
    const gCoef = p.reduce((s, v, i) => s + (v - y[i]!) * X[i]![0]!, 0);
    assert.ok(Math.abs(gInt) <= 1e-9 && Math.abs(gCoef) <= 1e-8, `${gInt} ${gCoef}`);
  });
  test("fitIntercept false gives zero intercepts and a gradient of zero for the coefficients", () => {
    const m = new LogisticRegression({ fitIntercept: false }).fit(bcX, bc.y);
    assert.deepEqual(m.intercept, [0]);
    const p = m.predictProba(bcX).map((r) => r[1]!);
    const w = m.coef[0]!;
    for (let j = 0; j < w.length; j++) {
      const g = p.reduce((s, v, i) => s + (v - bc.y[i]!) * bcX[i]![j]!, 0) + w[j]!;
      assert.ok(Math.abs(g) <= 1e-9, `grad[${j}] = ${g}`);
    }
  });
  test("multinomial with two classes keeps the symmetric two-row form", () => {
    const m = new LogisticRegression({ multiClass: "multinomial" }).fit(bcX, bc.y);
    assert.equal(m.multiClass, "multinomial");
    assert.equal(m.coef.length, 2);
    assert.ok(maxAbsDiff(m.coef[0]!, m.coef[1]!.map((v) => -v)) <= 1e-9);
    // Softmax of (z0, z1) with W1 = −W0 is σ(2 z1): the binary model with half the penalty (C doubled).
    const b = new LogisticRegression({ C: 2 }).fit(bcX, bc.y);
    assert.ok(maxAbsDiff(b.coef[0]!, m.coef[1]!.map((v) => 2 * v)) <= 1e-7);
  });
});
