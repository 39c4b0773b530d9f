// LogisticRegression against scikit-learn's reference numbers (../shared/data/reference/sklearn.json):
// the "optimum" entries are the same objective solved by Newton to a gradient of ~1e-12.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression } from "../../src/index.js";
import type { SolverName } from "../../src/index.js";
import { l2References, loadCsv, logLoss, maxAbsDiff, optimumCoef, sklearnRef, standardize } from "./helpers.js";

const quiet = { onWarning: () => {} };

describe("L2 references: the default fit lands on the optimum", () => {
  for (const { name, X, y, ref } of l2References()) {
    test(name, () => {
      const m = new LogisticRegression().fit(X, y);
      const opt = ref.optimum;
      assert.ok(m.converged);
      assert.deepEqual(m.warnings, []);
      assert.ok(Math.abs(m.objective - opt.objective) <= 1e-9 * opt.objective, `objective ${m.objective} vs ${opt.objective}`);
      assert.ok(maxAbsDiff(m.coef, optimumCoef(ref)) <= 1e-6, `coef diff ${maxAbsDiff(m.coef, optimumCoef(ref))}`);
      assert.ok(maxAbsDiff(m.intercept, opt.intercept) <= 1e-6, "intercept");
      const proba = m.predictProba(X);
      const yIndex = y.map((v) => ref.sklearn.classes.indexOf(v));
      assert.ok(Math.abs(logLoss(proba, yIndex) - opt.train_log_loss) <= 1e-7 * opt.train_log_loss, "train log-loss");
      assert.equal(m.score(X, y), ref.sklearn.train_accuracy);
      assert.deepEqual(m.classes, ref.sklearn.classes);
      // predict_proba of the first rows, from the optimum coefficients.
      const coef = optimumCoef(ref);
      for (let i = 0; i < 5; i++) {
        const z = coef.map((c, k) => c.reduce((s, w, j) => s + w * X[i]![j]!, opt.intercept[k]));
        const expected = z.length === 1 ? [1 / (1 + Math.exp(z[0]!)), 1 / (1 + Math.exp(-z[0]!))] : z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
        for (let k = 0; k < expected.length; k++) assert.ok(Math.abs(proba[i]![k]! - expected[k]!) <= 1e-8, `proba[${i}][${k}]`);
      }
      // scikit-learn stopped ~1e-4 away; its objective is never below the optimum's.
      assert.ok(m.objective <= ref.sklearn.sklearn_objective_C_sum_loss_plus_half_w2 + 1e-12);
    });
  }
});

describe("lbfgs and newton agree with each other and with the optimum", () => {
  for (const { name, X, y, ref } of l2References()) {
    test(name, () => {
      const a = new LogisticRegression({ solver: "lbfgs" }).fit(X, y);
      const b = new LogisticRegression({ solver: "newton" }).fit(X, y);
      assert.ok(a.converged && b.converged);
      assert.ok(maxAbsDiff(a.coef, b.coef) <= 1e-6 && maxAbsDiff(a.intercept, b.intercept) <= 1e-6);
      assert.ok(Math.abs(a.objective - ref.optimum.objective) <= 1e-9 * ref.optimum.objective);
      assert.ok(maxAbsDiff(a.coef, optimumCoef(ref)) <= 1e-6);
    });
  }
});

describe("sgd and adam reach within 1e-3 of the optimum objective with their defaults", () => {
  for (const { name, X, y, ref } of l2References()) {
    for (const solver of ["sgd", "adam"] as SolverName[]) {
      test(`${solver}: ${name}`, () => {
        const warnings: string[] = [];
        const m = new LogisticRegression({ solver, onWarning: (w) => warnings.push(w) }).fit(X, y);
        const gap = (m.objective - ref.optimum.objective) / ref.optimum.objective;
        assert.ok(gap >= -1e-12 && gap <= 1e-3, `${solver} relative gap ${gap}`);
        assert.equal(m.history.length, m.nIter);
        // Unless the stopping rule happened to be met, the fit says it is approximate.
        if (!m.converged) assert.match(warnings[0] ?? "", /epochs/);
      });
    }
  }
});

describe("L1, C = 0.1, breast_cancer standardised", () => {
  const bc = loadCsv("breast_cancer");
  const X = standardize(bc.X);
  const ref = sklearnRef["breast_cancer_l1_C0.1_standardized"];
  test("owlqn (auto): the reference's exact zeros and an objective no worse than saga's", () => {
    const m = new LogisticRegression({ penalty: "l1", C: 0.1 }).fit(X, bc.y);
    assert.ok(m.converged);
    const coef = m.coef[0]!;
    const nonzero = coef.flatMap((v, j) => (v !== 0 ? [j] : []));
    assert.deepEqual(nonzero, ref.sklearn_saga.nonzero_feature_indices);
    assert.equal(coef.filter((v) => v === 0).length, ref.sklearn_saga.coef_exact_zeros);
    assert.ok(m.objective <= ref.sklearn_saga.objective_C_sum_loss_plus_l1 + 1e-9, `${m.objective}`);
    // The objective as reported is C·Σ loss + ‖w‖₁ at the returned coefficients.
    const proba = m.predictProba(X);
    const loss = -proba.reduce((s, p, i) => s + Math.log(p[bc.y[i]!]!), 0);
    const l1 = coef.reduce((s, v) => s + Math.abs(v), 0);
    assert.ok(Math.abs(0.1 * loss + l1 - m.objective) <= 1e-10 * m.objective);
  });
  test("sgd and adam (proximal steps) reach within 1e-3 of that objective", () => {
    for (const solver of ["sgd", "adam"] as SolverName[]) {
      const m = new LogisticRegression({ penalty: "l1", C: 0.1, solver, ...quiet }).fit(X, bc.y);
      const gap = (m.objective - ref.sklearn_saga.objective_C_sum_loss_plus_l1) / ref.sklearn_saga.objective_C_sum_loss_plus_l1;
      assert.ok(gap <= 1e-3 && gap >= -1e-9, `${solver}: gap ${gap}`);
    }
  });
  test("elastic net with l1Ratio 1 is the L1 fit; with l1Ratio 0 it is the L2 fit", () => {
    const l1 = new LogisticRegression({ penalty: "l1", C: 0.1 }).fit(X, bc.y);
    const en1 = new LogisticRegression({ penalty: "elasticnet", l1Ratio: 1, C: 0.1 }).fit(X, bc.y);
    assert.ok(maxAbsDiff(l1.coef, en1.coef) <= 1e-7);
    const l2 = new LogisticRegression({ C: 0.1 }).fit(X, bc.y);
    const en0 = new LogisticRegression({ penalty: "elasticnet", l1Ratio: 0, C: 0.1 }).fit(X, bc.y);
    assert.ok(maxAbsDiff(l2.coef, en0.coef) <= 1e-7);
    assert.ok(Math.abs(l2.objective - en0.objective) <= 1e-10 * l2.objective);
  });
});

describe("badly scaled data (raw breast_cancer) still reaches the optimum", () => {
  test("newton (default) on unstandardised features", () => {
    const bc = loadCsv("breast_cancer");
    const ref = sklearnRef.breast_cancer_l2_C1_raw;
    const m = new LogisticRegression().fit(bc.X, bc.y);
    assert.ok(m.converged);
    assert.ok(Math.abs(m.objective - ref.optimum.objective) <= 1e-9 * ref.optimum.objective);
    assert.ok(maxAbsDiff(m.coef, [ref.optimum.coef]) <= 1e-6);
    assert.ok(Math.abs(m.intercept[0]! - ref.optimum.intercept[0]) <= 1e-6);
  });
  // The quasi-Newton solvers start from a centred, column-scaled metric: on these raw features
  // (scales from 1e-3 to 1e3, far from zero) they converge in the default maxIter.
  for (const solver of ["lbfgs", "owlqn"] as const) {
    test(`${solver} on unstandardised features`, () => {
      const bc = loadCsv("breast_cancer");
      const ref = sklearnRef.breast_cancer_l2_C1_raw;
      const m = new LogisticRegression({ solver }).fit(bc.X, bc.y);
      assert.ok(m.converged, `${solver}: ${m.nIter} iterations, not converged`);
      assert.ok(Math.abs(m.objective - ref.optimum.objective) <= 1e-9 * ref.optimum.objective);
      assert.ok(maxAbsDiff(m.coef, [ref.optimum.coef]) <= 1e-6);
      assert.ok(Math.abs(m.intercept[0]! - ref.optimum.intercept[0]) <= 1e-6);
    });
  }
});
