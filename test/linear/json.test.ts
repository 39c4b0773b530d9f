// toJSON / fromJSON: the frozen shape, a faithful round trip, and a clear error for every bad field.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LogisticRegression, ModelFileError } from "../../src/index.js";
import type { LogisticRegressionJSON } from "../../src/index.js";
import { loadCsv, standardize } from "./helpers.js";

const iris = loadCsv("iris");
const X = standardize(iris.X);

describe("round trip", () => {
  for (const multiClass of ["auto", "ovr"] as const) {
    test(`toJSON → JSON text → fromJSON predicts identically (${multiClass})`, () => {
      const names = ["a", "b", "c"];
      const m = new LogisticRegression({ multiClass, C: 0.5, onWarning: () => {} }).fit(X, iris.y.map((v) => names[v]!));
      const json = JSON.parse(JSON.stringify(m.toJSON())) as LogisticRegressionJSON;
      assert.deepEqual(Object.keys(json).sort(), ["classes", "coef", "converged", "history", "intercept", "kind", "multiClass", "nFeatures", "nIter", "objective", "options"]);
      assert.equal(json.kind, "LogisticRegression");
      assert.equal(json.options.C, 0.5);
      assert.equal("onWarning" in json.options, false);
      const back = LogisticRegression.fromJSON(json);
      assert.deepEqual(back.predictProba(X), m.predictProba(X));
      assert.deepEqual(back.predict(X), m.predict(X));
      assert.deepEqual(back.decisionFunction(X), m.decisionFunction(X));
      assert.deepEqual(back.toJSON(), m.toJSON());
      assert.equal(back.nIter, m.nIter);
      assert.equal(back.converged, m.converged);
      assert.deepEqual(back.classes, ["a", "b", "c"]);
    });
  }
  test("binary model", () => {
    const y = iris.y.map((v) => (v === 0 ? 1 : 0));
    const m = new LogisticRegression().fit(X, y);
    const json = m.toJSON();
    assert.equal(json.multiClass, "binary");
    assert.equal(json.coef.length, 1);
    assert.deepEqual(LogisticRegression.fromJSON(json).predictProba(X), m.predictProba(X));
  });
});

describe("fromJSON rejects", () => {
  const good = new LogisticRegression().fit(X, iris.y).toJSON();
  const cases: [string, (j: Record<string, unknown>) => void, RegExp][] = [
    ["another kind", (j) => (j.kind = "SVC"), /kind is "SVC", expected "LogisticRegression"/],
    ["an unknown field", (j) => (j.extra = 1), /unknown field "extra"/],
    ["unsorted classes", (j) => (j.classes = [1, 0, 2]), /classes must be sorted and distinct/],
    ["mixed classes", (j) => (j.classes = [0, "1", 2]), /classes\[1\]/],
    ["a single class", (j) => (j.classes = [0]), /at least two labels/],
    ["a bad multiClass", (j) => (j.multiClass = "softmax"), /multiClass is "softmax"/],
    ["binary with three classes", (j) => (j.multiClass = "binary"), /"binary" needs exactly 2 classes/],
    ["a missing coefficient row", (j) => (j.coef = (j.coef as number[][]).slice(1)), /coef has 2 rows, expected 3/],
    ["a short coefficient row", (j) => ((j.coef as number[][])[1] = [1, 2]), /coef\[1\] has 2 entries, expected 4/],
    ["a non-finite coefficient", (j) => ((j.coef as unknown[][])[2]![0] = null), /coef\[2\]\[0\] is null/],
    ["a wrong intercept length", (j) => (j.intercept = [0, 0]), /intercept has 2 entries, expected 3/],
    ["a bad nFeatures", (j) => (j.nFeatures = 0), /nFeatures must be an integer ≥ 1/],
    ["a bad nIter", (j) => (j.nIter = -1), /nIter must be an integer ≥ 0/],
    ["a bad converged", (j) => (j.converged = "yes"), /converged must be true or false/],
    ["a bad objective", (j) => (j.objective = "x"), /objective must be a finite number/],
    ["a bad history", (j) => (j.history = [1, "2"]), /history\[1\]/],
    ["bad options", (j) => ((j.options as Record<string, unknown>).penalty = "l3"), /options: .*penalty is "l3"/],
    ["unknown options", (j) => ((j.options as Record<string, unknown>).foo = 1), /options: .*unknown option "foo"/],
    ["not an object", () => {}, /expected an object/],
  ];
  for (const [what, mutate, pattern] of cases) {
    test(what, () => {
      const j = what === "not an object" ? "model" : (JSON.parse(JSON.stringify(good)) as Record<string, unknown>);
      if (typeof j === "object") mutate(j);
      assert.throws(() => LogisticRegression.fromJSON(j), (e: unknown) => {
        assert.ok(e instanceof ModelFileError, String(e));
        assert.match((e as Error).message, pattern);
        return true;
      });
    });
  }
});
