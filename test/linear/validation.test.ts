// Every input LogisticRegression refuses, and the error it gives.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression, NotFittedError, ShapeError, ValueError, LogregError } from "../../src/index.js";
import type { LogisticRegressionOptions } from "../../src/index.js";

const X = [[0, 1], [1, 0], [2, 2], [3, 1]];
const y = [0, 0, 1, 1];

function throwsWith(fn: () => unknown, cls: new (...a: never[]) => Error, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    assert.ok(e instanceof LogregError);
    assert.match((e as Error).message, pattern);
    return true;
  });
}

describe("X", () => {
  test("NaN or infinity names the row and column", () => {
    throwsWith(() => new LogisticRegression().fit([[0, 1], [1, NaN], [2, 2], [3, 1]], y), ValueError, /NaN at row 1, column 1/);
    throwsWith(() => new LogisticRegression().fit({ data: Float64Array.from([0, 1, 1, 0, 2, Infinity, 3, 1]), shape: [4, 2] }, y), ValueError, /Infinity at row 2, column 1/);
    throwsWith(() => new LogisticRegression().fit({ data: Float32Array.from([0, 1, 1, 0, 2, 2, -Infinity, 1]), shape: [4, 2] }, y), ValueError, /-Infinity at row 3, column 0/);
    throwsWith(() => new LogisticRegression().fit([[0, 1], [1, "a" as unknown as number], [2, 2], [3, 1]], y), ValueError, /"a" at row 1, column 1/);
    // Typed arrays converted to the other precision go through the fast copy; the bad value is still named.
    throwsWith(() => new LogisticRegression({ precision: "float32" }).fit({ data: Float64Array.from([0, 1, 1, 0, NaN, 2, 3, 1]), shape: [4, 2] }, y), ValueError, /NaN at row 2, column 0/);
    throwsWith(() => new LogisticRegression({ precision: "float64" }).fit({ data: Float32Array.from([0, 1, 1, 0, 2, 2, 3, Infinity]), shape: [4, 2] }, y), ValueError, /Infinity at row 3, column 1/);
  });
  test("a typed X converted to the storage precision gives the same model as rows of numbers", () => {
    const rows = [[0.1, 1], [1, 0.3], [2, 2.5], [3, 1], [0.7, 0.2], [2.2, 3.1]];
    const yy = [0, 1, 0, 1, 1, 0];
    for (const precision of ["float32", "float64"] as const) {
      const a = new LogisticRegression({ precision }).fit(rows, yy);
      const b = new LogisticRegression({ precision }).fit({ data: Float64Array.from(rows.flat()), shape: [6, 2] }, yy);
      const c = new LogisticRegression({ precision }).fit({ data: Float32Array.from(rows.flat()), shape: [6, 2] }, yy);
      assert.deepEqual(b.coef, a.coef);
      if (precision === "float32") assert.deepEqual(c.coef, a.coef);
      else assert.deepEqual(c.coef, new LogisticRegression({ precision }).fit(rows.map((r) => Array.from(Float32Array.from(r))), yy).coef);
    }
  });
  test("wrong shapes", () => {
    throwsWith(() => new LogisticRegression().fit([[0, 1], [1], [2, 2], [3, 1]], y), ShapeError, /row 1 of X has 1 values but row 0 has 2/);
    throwsWith(() => new LogisticRegression().fit([0, 1, 2, 3] as unknown as number[][], y), ShapeError, /2-D/);
    throwsWith(() => new LogisticRegression().fit({ data: new Float64Array(7), shape: [4, 2] }, y), ShapeError, /needs 8 values but X holds 7/);
    throwsWith(() => new LogisticRegression().fit({ data: new Float64Array(8), shape: [8] }, y), ShapeError, /2-D/);
    throwsWith(() => new LogisticRegression().fit([], []), ShapeError, /no rows/);
    throwsWith(() => new LogisticRegression().fit([[], []], [0, 1]), ShapeError, /no features/);
    throwsWith(() => new LogisticRegression().fit("X" as unknown as number[][], y), ValueError, /give rows of numbers/);
  });
});

describe("y and sample weights", () => {
  test("y length differs from the number of rows", () => {
    throwsWith(() => new LogisticRegression().fit(X, [0, 1, 1]), ShapeError, /y has 3 labels but X has 4 rows/);
  });
  test("fewer than two classes", () => {
    throwsWith(() => new LogisticRegression().fit(X, [1, 1, 1, 1]), ValueError, /only one class \(1\).*at least two/);
  });
  test("bad labels: NaN, mixed kinds, objects", () => {
    throwsWith(() => new LogisticRegression().fit(X, [0, NaN, 1, 1]), ValueError, /y\[1\] is NaN/);
    throwsWith(() => new LogisticRegression().fit(X, [0, "a", 1, 1] as unknown as number[]), ValueError, /mixes numbers and strings/);
    throwsWith(() => new LogisticRegression().fit(X, [0, null, 1, 1] as unknown as number[]), ValueError, /y\[1\] is null/);
  });
  test("sampleWeight of the wrong length, negative, NaN, or all zero", () => {
    throwsWith(() => new LogisticRegression().fit(X, y, { sampleWeight: [1, 1, 1] }), ShapeError, /sampleWeight has 3 values but X has 4 rows/);
    throwsWith(() => new LogisticRegression().fit(X, y, { sampleWeight: [1, -1, 1, 1] }), ValueError, /sampleWeight\[1\] is -1/);
    throwsWith(() => new LogisticRegression().fit(X, y, { sampleWeight: [1, 1, NaN, 1] }), ValueError, /sampleWeight\[2\] is NaN/);
    throwsWith(() => new LogisticRegression().fit(X, y, { sampleWeight: [0, 0, 0, 0] }), ValueError, /every sample weight is 0/);
  });
});

describe("options", () => {
  const bad: [LogisticRegressionOptions, RegExp][] = [
    [{ penalty: "l3" as "l2" }, /penalty is "l3"; allowed values: "l2", "l1", "elasticnet", "none"/],
    [{ solver: "saga" as "lbfgs" }, /solver is "saga"; allowed values: "auto", "lbfgs", "newton", "sgd", "adam", "owlqn"/],
    [{ multiClass: "both" as "ovr" }, /multiClass is "both"; allowed values/],
    [{ precision: "half" as "float32" }, /precision is "half"/],
    [{ C: 0 }, /C is 0; it must be a finite number > 0/],
    [{ C: NaN }, /C is NaN/],
    [{ l1Ratio: 1.5 }, /l1Ratio is 1.5; it must be a number in \[0, 1\]/],
    [{ maxIter: 2.5 }, /maxIter is 2.5; it must be an integer ≥ 1/],
    [{ tol: -1 }, /tol is -1/],
    [{ batchSize: 0 }, /batchSize is 0/],
    [{ epochs: 0 }, /epochs is 0/],
    [{ learningRate: -0.1 }, /learningRate is -0.1/],
    [{ momentum: 1 }, /momentum is 1/],
    [{ fitIntercept: "yes" as unknown as boolean }, /fitIntercept is "yes"; it must be true or false/],
    [{ classWeight: "auto" as "balanced" }, /classWeight is "auto"/],
    [{ classWeight: { 0: -1 } }, /classWeight\["0"\] is -1/],
    [{ solver: "lbfgs", penalty: "l1" }, /solver "lbfgs" .* cannot handle penalty "l1"; use solver "owlqn"/],
    [{ solver: "newton", penalty: "elasticnet" }, /solver "newton" .* cannot handle penalty "elasticnet"/],
    [{ maxiter: 10 } as LogisticRegressionOptions, /unknown option "maxiter"; known options: penalty, C/],
  ];
  for (const [opts, pattern] of bad) {
    test(`rejects ${JSON.stringify(opts)}`, () => {
      const m = new LogisticRegression(opts);
      throwsWith(() => m.fit(X, y), ValueError, pattern);
    });
  }
  test("classWeight naming a class that is not in y", () => {
    throwsWith(() => new LogisticRegression({ classWeight: { 5: 2 } }).fit(X, y), ValueError, /class "5", which is not in y; the classes are 0, 1/);
  });
});

describe("prediction", () => {
  test("an unfitted model refuses to predict or report coefficients", () => {
    const m = new LogisticRegression();
    for (const fn of [() => m.predict(X), () => m.predictProba(X), () => m.predictLogProba(X), () => m.decisionFunction(X), () => m.score(X, y), () => m.coef, () => m.toJSON()]) {
      throwsWith(fn, NotFittedError, /not fitted yet: call fit\(X, y\) first/);
    }
    assert.equal(m.isFitted, false);
  });
  test("wrong number of features at predict", () => {
    const m = new LogisticRegression().fit(X, y);
    throwsWith(() => m.predict([[1, 2, 3]]), ShapeError, /X has 3 features but the model was fitted with 2/);
    throwsWith(() => m.predictProba([[1, NaN]]), ValueError, /NaN at row 0, column 1/);
  });
  test("score with labels of the wrong length", () => {
    const m = new LogisticRegression().fit(X, y);
    throwsWith(() => m.score(X, [0, 1]), ShapeError, /y has 2 labels but X has 4 rows/);
  });
});
