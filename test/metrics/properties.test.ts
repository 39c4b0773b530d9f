// Metric invariants over random inputs (fast-check): Mann–Whitney AUC, monotone invariance, harmonic means, counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { accuracy, confusionMatrix, f1, logLoss, precision, precisionRecallFscoreSupport, recall, rocAuc, rocCurve } from "../../src/index.js";

/** Binary labels with both classes present, and scores drawn from a few values so that ties are common. */
const binaryCase = fc
  .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: -4, max: 4 }), w: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((rows) => rows.some((r) => r.y === 1) && rows.some((r) => r.y === 0));

/** The Mann–Whitney statistic by brute force over all (positive, negative) pairs, ties counted half. */
function mannWhitney(y: number[], s: number[], w?: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      const pw = (w?.[i] ?? 1) * (w?.[j] ?? 1);
      den += pw;
      const a = s[i] as number;
      const b = s[j] as number;
      num += pw * (a > b ? 1 : a === b ? 0.5 : 0);
    }
  }
  return num / den;
}

test("binary AUC equals the Mann–Whitney statistic (ties half), with and without weights", () => {
  fc.assert(
    fc.property(binaryCase, (rows) => {
      const y = rows.map((r) => r.y);
      const s = rows.map((r) => r.s / 3);
      const w = rows.map((r) => r.w);
      assert.ok(Math.abs(rocAuc(y, s) - mannWhitney(y, s)) < 1e-12);
      assert.ok(Math.abs(rocAuc(y, s, { sampleWeight: w }) - mannWhitney(y, s, w)) < 1e-12);
    }),
    { numRuns: 300 },
  );
});

test("AUC is invariant under strictly increasing transforms and flips under reversal", () => {
  fc.assert(
    fc.property(binaryCase, (rows) => {
      const y = rows.map((r) => r.y);
      const s = rows.map((r) => r.s);
      const auc = rocAuc(y, s);
      assert.ok(Math.abs(rocAuc(y, s.map((v) => Math.exp(v) * 7 - 2)) - auc) < 1e-12);
      assert.ok(Math.abs(rocAuc(y, s.map((v) => 1 / (1 + Math.exp(-v)))) - auc) < 1e-12);
      assert.ok(Math.abs(rocAuc(y, s.map((v) => -v)) - (1 - auc)) < 1e-12);
    }),
    { numRuns: 200 },
  );
});

test("perfect and reversed scores give AUC 1 and 0; the curve is monotone from (0,0) to (1,1)", () => {
  fc.assert(
    fc.property(binaryCase, (rows) => {
      const y = rows.map((r) => r.y);
      assert.equal(rocAuc(y, y.map((v, i) => v * 100 + i / 1000)), 1);
      assert.equal(rocAuc(y, y.map((v, i) => -v * 100 + i / 1000)), 0);
      const c = rocCurve(y, rows.map((r) => r.s));
      assert.equal(c.fpr[0], 0);
      assert.equal(c.tpr[0], 0);
      assert.equal(c.fpr.at(-1), 1);
      assert.equal(c.tpr.at(-1), 1);
      for (let i = 1; i < c.fpr.length; i++) {
        assert.ok((c.fpr[i] as number) >= (c.fpr[i - 1] as number));
        assert.ok((c.tpr[i] as number) >= (c.tpr[i - 1] as number));
        assert.ok((c.thresholds[i] as number) < (c.thresholds[i - 1] as number));
      }
    }),
    { numRuns: 200 },
  );
});

const multiclassCase = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.array(fc.record({ t: fc.integer({ min: 0, max: k - 1 }), p: fc.integer({ min: 0, max: k - 1 }) }), { minLength: 1, maxLength: 80 }),
);

test("confusion matrix sums to n; its trace / n is the accuracy; its margins are the supports", () => {
  fc.assert(
    fc.property(multiclassCase, (rows) => {
      const t = rows.map((r) => `c${r.t}`);
      const p = rows.map((r) => `c${r.p}`);
      const C = confusionMatrix(t, p);
      const total = C.flat().reduce((a, b) => a + b, 0);
      assert.equal(total, rows.length);
      const trace = C.reduce((a, row, i) => a + (row[i] as number), 0);
      assert.ok(Math.abs(trace / rows.length - accuracy(t, p)) < 1e-15);
      const per = precisionRecallFscoreSupport(t, p, { average: "none" });
      per.support.forEach((s, i) => assert.equal(s, (C[i] as number[]).reduce((a, b) => a + b, 0)));
      per.precision.forEach((v, j) => {
        const col = C.reduce((a, row) => a + (row[j] as number), 0);
        assert.ok(Math.abs(v - (col === 0 ? 0 : (C[j] as number[])[j]! / col)) < 1e-15);
      });
    }),
    { numRuns: 200 },
  );
});

test("F1 is the harmonic mean of precision and recall; micro scores equal accuracy; macro is the mean of per-class", () => {
  fc.assert(
    fc.property(multiclassCase, (rows) => {
      const t = rows.map((r) => r.t);
      const p = rows.map((r) => r.p);
      const P = precision(t, p, { average: "none" });
      const R = recall(t, p, { average: "none" });
      const F = f1(t, p, { average: "none" });
      F.forEach((v, i) => {
        const a = P[i] as number;
        const b = R[i] as number;
        const h = a + b === 0 ? 0 : (2 * a * b) / (a + b);
        assert.ok(Math.abs(v - h) < 1e-12, `${v} vs ${h}`);
      });
      const acc = accuracy(t, p);
      for (const fn of [precision, recall, f1]) assert.ok(Math.abs(fn(t, p, { average: "micro" }) - acc) < 1e-12);
      assert.ok(Math.abs(f1(t, p, { average: "macro" }) - F.reduce((a, b) => a + b, 0) / F.length) < 1e-12);
    }),
    { numRuns: 200 },
  );
});

test("log-loss equals the mean negative log-probability of the true class (no clipping needed)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 })), {
        minLength: 1,
        maxLength: 40,
      }),
      (rows) => {
        const y = rows.map((r) => r[0]);
        const P = rows.map((r) => {
          const s = r[1].reduce((a, b) => a + b, 0);
          return r[1].map((v) => v / s);
        });
        const want = -P.reduce((a, row, i) => a + Math.log(row[y[i] as number] as number), 0) / rows.length;
        assert.ok(Math.abs(logLoss(y, P, { labels: [0, 1, 2] }) - want) < 1e-12);
      },
    ),
    { numRuns: 200 },
  );
});
