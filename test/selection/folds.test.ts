// k-fold and stratified k-fold: scikit-learn's fold assignment on breast_cancer (both recipes), partition invariants.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { kFold, stratifiedFoldOf, stratifiedKFold, ValueError, type Fold } from "../../src/index.js";
import { at, readNumericCsv, readReference } from "../preprocess/sharedData.js";

const cvRef = at(readReference("sklearn.json"), "breast_cancer_cv5_standardized_l2_C1") as Record<
  string,
  { fold_of_row: number[]; fold_test_sizes: number[] }
>;
const { y } = readNumericCsv("breast_cancer.csv");

/** Every row is in exactly one test fold and in the train part of every other fold; indices ascending. */
function assertPartition(folds: Fold[], n: number): void {
  const seen = new Int32Array(n);
  for (const f of folds) {
    assert.equal(f.train.length + f.test.length, n);
    const inTest = new Set(f.test);
    for (const i of f.train) assert.ok(!inTest.has(i));
    for (const part of [f.train, f.test]) for (let j = 1; j < part.length; j++) assert.ok((part[j] as number) > (part[j - 1] as number));
    for (const i of f.test) seen[i] = (seen[i] as number) + 1;
  }
  assert.ok(seen.every((c) => c === 1));
}

test("blocks (default) reproduces scikit-learn's StratifiedKFold(5, shuffle=False) on breast_cancer", () => {
  const want = cvRef["B_sklearn_StratifiedKFold_noshuffle"]!;
  assert.deepEqual(Array.from(stratifiedFoldOf(y, { k: 5 })), want.fold_of_row);
  const folds = stratifiedKFold(y, { k: 5 });
  assert.deepEqual(folds.map((f) => f.test.length), want.fold_test_sizes);
  folds.forEach((f, k) => assert.deepEqual(f.test, want.fold_of_row.flatMap((g, i) => (g === k ? [i] : []))));
  assertPartition(folds, y.length);
});

test("roundRobin reproduces recipe A (rank within class mod 5) on breast_cancer", () => {
  const want = cvRef["A_roundrobin_within_class"]!;
  assert.deepEqual(Array.from(stratifiedFoldOf(y, { k: 5, method: "roundRobin" })), want.fold_of_row);
  const folds = stratifiedKFold(y, { k: 5, method: "roundRobin" });
  assert.deepEqual(folds.map((f) => f.test.length), want.fold_test_sizes);
  assertPartition(folds, y.length);
});

test("blocks with string labels in another order gives the same folds (classes numbered by first appearance)", () => {
  const names = y.map((v) => (v === 0 ? "malignant" : "benign"));
  assert.deepEqual(Array.from(stratifiedFoldOf(names, { k: 5 })), cvRef["B_sklearn_StratifiedKFold_noshuffle"]!.fold_of_row);
});

test("stratified folds keep class proportions (each class's count per fold differs by at most 1), shuffled or not", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 120 }),
      fc.integer({ min: 2, max: 6 }),
      fc.constantFrom("blocks" as const, "roundRobin" as const),
      fc.boolean(),
      fc.integer(),
      (labels, k, method, shuffle, seed) => {
        const counts = new Map<number, number>();
        for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
        fc.pre(Math.max(...counts.values()) >= k);
        const folds = stratifiedKFold(labels, { k, method, shuffle, seed });
        assertPartition(folds, labels.length);
        for (const [c, m] of counts) {
          const per = folds.map((f) => f.test.filter((i) => labels[i] === c).length);
          assert.ok(Math.max(...per) - Math.min(...per) <= 1, `class ${c}: ${per}`);
          assert.equal(per.reduce((a, b) => a + b, 0), m);
        }
        const sizes = folds.map((f) => f.test.length);
        if (method === "blocks") assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes}`);
        assert.deepEqual(stratifiedKFold(labels, { k, method, shuffle, seed }), folds);
      },
    ),
    { numRuns: 200 },
  );
});

test("kFold: scikit-learn's sizes (first n mod k folds one larger), contiguous without shuffle, seeded shuffle", () => {
  const folds = kFold(10, { k: 3 });
  assert.deepEqual(folds.map((f) => f.test), [
    [0, 1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  assertPartition(folds, 10);
  const a = kFold(50, { k: 4, shuffle: true, seed: 7 });
  assert.deepEqual(kFold(50, { k: 4, shuffle: true, seed: 7 }), a);
  assert.notDeepEqual(kFold(50, { k: 4, shuffle: true, seed: 8 }), a);
  assert.deepEqual(a.map((f) => f.test.length), [13, 13, 12, 12]);
  assertPartition(a, 50);
});

test("fold errors name the problem", () => {
  assert.throws(() => kFold(3, { k: 5 }), ValueError);
  assert.throws(() => kFold(10, { k: 1 }), /at least 2/);
  assert.throws(() => stratifiedKFold([0, 0, 1, 1], { k: 3 }), /largest class has only 2/);
  assert.throws(() => stratifiedKFold([0, 1, 0, 1], { method: "random" as "blocks", k: 2 }), /"blocks" or "roundRobin"/);
  assert.throws(() => stratifiedKFold([0, "a", 0, 1], { k: 2 }), /mix numbers and strings/);
});
