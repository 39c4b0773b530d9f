// One-vs-rest: K independent binary fits, probabilities = sigmoids normalised to sum 1 (as scikit-learn).
import { test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression } from "../../src/index.js";
import { loadCsv, maxAbsDiff, standardize } from "./helpers.js";

test("ovr equals one binary fit per class, with normalised sigmoid probabilities", () => {
  const iris = loadCsv("iris");
  const X = standardize(iris.X);
  const m = new LogisticRegression({ multiClass: "ovr" }).fit(X, iris.y);
  assert.equal(m.multiClass, "ovr");
  assert.equal(m.coef.length, 3);
  let objective = 0;
  const sig: number[][] = X.map(() => []);
  for (let k = 0; k < 3; k++) {
    const b = new LogisticRegression().fit(X, iris.y.map((v) => (v === k ? 1 : 0)));
    assert.equal(b.multiClass, "binary");
    assert.ok(maxAbsDiff(m.coef[k]!, b.coef[0]!) <= 1e-9, `class ${k} coef`);
    assert.ok(Math.abs(m.intercept[k]! - b.intercept[0]!) <= 1e-9);
    objective += b.objective;
    b.predictProba(X).forEach((p, i) => sig[i]!.push(p[1]!));
  }
  assert.ok(Math.abs(m.objective - objective) <= 1e-12 * objective);
  const proba = m.predictProba(X);
  const logProba = m.predictLogProba(X);
  proba.forEach((p, i) => {
    const s = sig[i]!.reduce((a, v) => a + v, 0);
    p.forEach((v, k) => {
      assert.ok(Math.abs(v - sig[i]![k]! / s) <= 1e-12, `row ${i} class ${k}`);
      assert.ok(Math.abs(Math.exp(logProba[i]![k]!) - v) <= 1e-12);
    });
  });
  // predict is the class of the largest probability.
  const pred = m.predict(X);
  proba.forEach((p, i) => assert.equal(pred[i], p.indexOf(Math.max(...p))));
});

test("ovr with two classes is the binary model", () => {
  const toyX = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]];
  const y = [0, 0, 0, 1, 1, 1];
  const a = new LogisticRegression({ multiClass: "ovr" }).fit(toyX, y);
  const b = new LogisticRegression().fit(toyX, y);
  assert.equal(a.multiClass, "binary");
  assert.deepEqual(a.coef, b.coef);
});
