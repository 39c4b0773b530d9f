// StandardScaler: scikit-learn's learned mean and scale on breast_cancer, its invariants, both matrix forms, and its errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { NotFittedError, ShapeError, StandardScaler, ValueError } from "../../src/index.js";
import { at, readNumericCsv, readReference } from "./sharedData.js";

test("breast_cancer: mean and scale equal scikit-learn's StandardScaler (population std)", () => {
  const { X } = readNumericCsv("breast_cancer.csv");
  const s = new StandardScaler().fit(X);
  const want = at(readReference("sklearn.json"), "breast_cancer_l2_C1_standardized", "sklearn") as { scaler_mean: number[]; scaler_scale: number[] };
  assert.equal(s.nFeatures, 30);
  s.mean.forEach((v, j) => assert.ok(Math.abs(v - (want.scaler_mean[j] as number)) <= 1e-13 * Math.abs(v), `mean ${j}`));
  s.scale.forEach((v, j) => assert.ok(Math.abs(v - (want.scaler_scale[j] as number)) <= 1e-13 * v, `scale ${j}`));
});

const matrix = fc.integer({ min: 1, max: 6 }).chain((d) =>
  fc.array(fc.array(fc.integer({ min: -3, max: 3 }).map((v) => v * 0.37 + 1e3 * Math.sign(v) ** 2), { minLength: d, maxLength: d }), {
    minLength: 2,
    maxLength: 30,
  }),
);

test("transformed columns have mean 0 and population std 1 (or are constant 0); inverseTransform undoes it", () => {
  fc.assert(
    fc.property(matrix, (X) => {
      const s = new StandardScaler();
      const Z = s.fitTransform(X);
      const n = X.length;
      const d = (X[0] as number[]).length;
      for (let j = 0; j < d; j++) {
        const col = Z.map((r) => r[j] as number);
        const m = col.reduce((a, b) => a + b, 0) / n;
        const v = col.reduce((a, b) => a + (b - m) ** 2, 0) / n;
        assert.ok(Math.abs(m) < 1e-9);
        const constant = X.every((r) => r[j] === (X[0] as number[])[j]);
        if (constant) {
          assert.equal(s.scale[j], 1);
          assert.ok(col.every((c) => c === 0));
        } else assert.ok(Math.abs(v - 1) < 1e-9, `var ${v}`);
      }
      const back = s.inverseTransform(Z);
      back.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - (X[i] as number[])[j]!) <= 1e-9 * (1 + Math.abs(v)))));
    }),
    { numRuns: 150 },
  );
});

test("zero-variance column gets scale 1; withMean / withStd off; toJSON / fromJSON round trip", () => {
  const X = [
    [1, 5, 0.1],
    [3, 5, 0.1],
    [5, 5, 0.1],
  ];
  const s = new StandardScaler().fit(X);
  assert.deepEqual(s.mean, [3, 5, 0.1]);
  assert.deepEqual(s.scale, [Math.sqrt(8 / 3), 1, 1]);
  const Z = s.transform(X);
  assert.deepEqual(Z.map((r) => r[1]), [0, 0, 0]);
  assert.deepEqual(Z.map((r) => r[2]), [0, 0, 0]);
  const noMean = new StandardScaler({ withMean: false }).fit(X);
  assert.deepEqual(noMean.mean, [0, 0, 0]);
  assert.deepEqual(noMean.transform([[Math.sqrt(8 / 3), 5, 0]]), [[1, 5, 0]]);
  const noStd = new StandardScaler({ withStd: false }).fit(X);
  assert.deepEqual(noStd.scale, [1, 1, 1]);
  assert.deepEqual(noStd.transform([[4, 6, 1.1]]), [[1, 1, 1]]);
  const json = JSON.parse(JSON.stringify(s)) as unknown;
  assert.deepEqual(json, { mean: s.mean, scale: s.scale });
  const t = StandardScaler.fromJSON(json);
  assert.deepEqual(t.transform([[2, 7, 3]]), s.transform([[2, 7, 3]]));
  assert.throws(() => StandardScaler.fromJSON({ mean: [0, 1], scale: [1] }), /must match/);
  assert.throws(() => StandardScaler.fromJSON({ mean: [0], scale: [0] }), /positive/);
  assert.throws(() => StandardScaler.fromJSON({ mean: "x", scale: [1] }), ValueError);
});

test("flat typed matrices come back as the same typed-array class", () => {
  const X = [
    [1, 2],
    [3, 6],
    [5, 7],
  ];
  const s = new StandardScaler().fit(X);
  const flat64 = { data: new Float64Array(X.flat()), shape: [3, 2] as const };
  const z64 = s.transform(flat64);
  assert.ok(z64.data instanceof Float64Array);
  assert.deepEqual(z64.shape, [3, 2]);
  assert.deepEqual(Array.from(z64.data), s.transform(X).flat());
  const flat32 = { data: new Float32Array(X.flat()), shape: [3, 2] as const };
  const z32 = new StandardScaler().fitTransform(flat32);
  assert.ok(z32.data instanceof Float32Array);
  Array.from(z32.data).forEach((v, i) => assert.ok(Math.abs(v - (s.transform(X).flat()[i] as number)) < 1e-6));
  Array.from(s.inverseTransform(z64).data).forEach((v, i) => assert.ok(Math.abs(v - (X.flat()[i] as number)) < 1e-14));
});

test("errors: NaN / infinity with row and column, wrong feature count, ragged rows, empty, not fitted", () => {
  assert.throws(() => new StandardScaler().fit([[1, 2], [3, NaN]]), (e: Error) => e instanceof ValueError && /row 1, column 1/.test(e.message));
  assert.throws(
    () => new StandardScaler().fit({ data: new Float64Array([1, 2, Infinity, 4]), shape: [2, 2] }),
    (e: Error) => e instanceof ValueError && /Infinity at row 1, column 0/.test(e.message),
  );
  const s = new StandardScaler().fit([[1, 2], [3, 4]]);
  assert.throws(() => s.transform([[1, 2, 3]]), (e: Error) => e instanceof ShapeError && /3 features but the scaler was fitted on 2/.test(e.message));
  assert.throws(() => s.transform([[1, 2], [3]]), (e: Error) => e instanceof ShapeError && /row 1/.test(e.message));
  assert.throws(() => s.transform({ data: new Float64Array(5), shape: [2, 2] }), ShapeError);
  assert.throws(() => new StandardScaler().fit([]), /no rows/);
  assert.throws(() => new StandardScaler().transform([[1]]), NotFittedError);
  assert.throws(() => new StandardScaler().mean, NotFittedError);
});
