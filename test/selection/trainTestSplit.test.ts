// trainTestSplit: sizes, reproducibility, stratification, both matrix forms, and errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { trainTestSplit, ValueError } from "../../src/index.js";

const rows = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i, 10 * i]);

test("sizes: a fraction rounds the test set up; a whole number is a count; rows and labels stay paired", () => {
  const X = rows(10);
  const y = X.map((r) => (r[0] as number) % 3);
  const s = trainTestSplit(X, y, { testSize: 0.25, seed: 1 });
  assert.equal(s.xTest.length, 3);
  assert.equal(s.xTrain.length, 7);
  s.xTrain.forEach((r, i) => assert.equal(y[r[0] as number], s.yTrain[i]));
  s.xTest.forEach((r, i) => assert.equal(r[0], s.testIndex[i]));
  assert.deepEqual([...s.trainIndex, ...s.testIndex].sort((a, b) => a - b), [...Array(10).keys()]);
  assert.equal(trainTestSplit(X, y, { testSize: 4 }).xTest.length, 4);
  const ordered = trainTestSplit(X, y, { testSize: 0.2, shuffle: false });
  assert.deepEqual(ordered.testIndex, [8, 9]);
});

test("the same seed gives the same split; another seed another split", () => {
  const X = rows(40);
  const y = X.map((r) => (r[0] as number) % 2);
  const a = trainTestSplit(X, y, { seed: 3 });
  assert.deepEqual(trainTestSplit(X, y, { seed: 3 }), a);
  assert.notDeepEqual(trainTestSplit(X, y, { seed: 4 }).testIndex, a.testIndex);
  assert.deepEqual(trainTestSplit(X, y).testIndex, trainTestSplit(X, y, { seed: 0 }).testIndex);
});

test("stratified: each class's test count is its share of the test set, rounded (largest remainder)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("a", "b", "c"), { minLength: 12, maxLength: 150 }),
      fc.double({ min: 0.1, max: 0.6, noNaN: true }),
      fc.integer(),
      (y, testSize, seed) => {
        const counts = new Map<string, number>();
        for (const l of y) counts.set(l, (counts.get(l) ?? 0) + 1);
        fc.pre([...counts.values()].every((c) => c >= 2));
        const n = y.length;
        const nTest = Math.ceil(testSize * n);
        fc.pre(nTest >= counts.size && n - nTest >= counts.size);
        const X = rows(n);
        const s = trainTestSplit(X, y, { testSize, seed, stratify: true });
        assert.equal(s.yTest.length, nTest);
        for (const [c, m] of counts) {
          const t = s.yTest.filter((l) => l === c).length;
          assert.ok(Math.abs(t - (m * nTest) / n) < 1 + 1e-9, `class ${c}: ${t} of ${m}, share ${(m * nTest) / n}`);
          assert.ok(t < m, "every class keeps a training row");
        }
        s.xTest.forEach((r, i) => assert.equal(y[r[0] as number], s.yTest[i]));
      },
    ),
    { numRuns: 150 },
  );
});

test("a flat typed matrix is split into flat typed matrices of the same class", () => {
  const data = new Float32Array(Array.from({ length: 20 }, (_, i) => i));
  const s = trainTestSplit({ data, shape: [10, 2] as const }, [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], { testSize: 0.3, seed: 5 });
  assert.ok(s.xTest.data instanceof Float32Array);
  assert.deepEqual(s.xTest.shape, [3, 2]);
  s.testIndex.forEach((r, i) => assert.deepEqual(Array.from(s.xTest.data.subarray(2 * i, 2 * i + 2)), [2 * r, 2 * r + 1]));
});

test("errors", () => {
  assert.throws(() => trainTestSplit(rows(5), [0, 1, 0, 1], {}), /5 rows but y has 4/);
  assert.throws(() => trainTestSplit(rows(5), [0, 1, 0, 1, 0], { testSize: 1.5 }), ValueError);
  assert.throws(() => trainTestSplit(rows(5), [0, 1, 0, 1, 0], { testSize: 5 }), /no training rows/);
  assert.throws(() => trainTestSplit(rows(5), [0, 1, 0, 0, 0], { stratify: true }), /only 1 sample/);
  assert.throws(() => trainTestSplit(rows(6), [0, 1, 0, 1, 0, 1], { stratify: true, shuffle: false }), /needs shuffle/);
});
