// Metrics on small cases whose answers are worked out by hand or printed in scikit-learn's documentation.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  accuracy,
  classificationReport,
  classificationReportData,
  confusionMatrix,
  f1,
  logLoss,
  precision,
  precisionRecallFscoreSupport,
  recall,
  rocAuc,
  rocCurve,
  ValueError,
} from "../../src/index.js";

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const closeAll = (a: number[], b: number[], tol = 1e-12): void => {
  assert.equal(a.length, b.length);
  a.forEach((v, i) => close(v, b[i] as number, tol));
};

describe("accuracy", () => {
  test("fraction and count", () => {
    assert.equal(accuracy([0, 1, 2, 3], [0, 2, 1, 3]), 0.5);
    assert.equal(accuracy([0, 1, 2, 3], [0, 2, 1, 3], { normalize: false }), 2);
    assert.equal(accuracy(["a", "b", "b"], ["a", "b", "a"], { sampleWeight: [1, 2, 1] }), 0.75);
  });
  test("errors", () => {
    assert.throws(() => accuracy([0, 1], [0]), ValueError);
    assert.throws(() => accuracy([0, 1], ["0", "1"]), /mix numbers and strings/);
    assert.throws(() => accuracy([], []), ValueError);
    assert.throws(() => accuracy([0, NaN], [0, 1]), /finite/);
  });
});

describe("precision / recall / F1", () => {
  // scikit-learn's documentation example: y_true = [0,1,2,0,1,2], y_pred = [0,2,1,0,0,1].
  const yt = [0, 1, 2, 0, 1, 2];
  const yp = [0, 2, 1, 0, 0, 1];
  test("averages", () => {
    close(precision(yt, yp, { average: "macro" }), 2 / 9);
    close(precision(yt, yp, { average: "micro" }), 1 / 3);
    close(precision(yt, yp, { average: "weighted" }), 2 / 9);
    closeAll(precision(yt, yp, { average: "none" }), [2 / 3, 0, 0]);
    close(recall(yt, yp, { average: "macro" }), 1 / 3);
    closeAll(recall(yt, yp, { average: "none" }), [1, 0, 0]);
    close(f1(yt, yp, { average: "macro" }), 0.8 / 3);
    close(f1(yt, yp, { average: "micro" }), 1 / 3);
    close(f1(yt, yp, { average: "weighted" }), 0.8 / 3);
    closeAll(f1(yt, yp, { average: "none" }), [0.8, 0, 0]);
  });
  test("binary with posLabel, strings, labels order", () => {
    // tp = 2, fp = 1, fn = 2 for "spam".
    const t = ["spam", "spam", "ham", "spam", "ham", "spam"];
    const p = ["spam", "spam", "spam", "ham", "ham", "ham"];
    close(precision(t, p, { posLabel: "spam" }), 2 / 3);
    close(recall(t, p, { posLabel: "spam" }), 2 / 4);
    close(f1(t, p, { posLabel: "spam" }), (2 * 2) / (2 * 2 + 1 + 2));
    const per = precisionRecallFscoreSupport(t, p, { average: "none", labels: ["spam", "ham"] });
    assert.deepEqual(per.labels, ["spam", "ham"]);
    assert.deepEqual(per.support, [4, 2]);
    closeAll(per.precision, [2 / 3, 1 / 3]);
    assert.throws(() => precision(t, p), /posLabel 1 is not one of the labels/);
    assert.throws(() => precision(yt, yp), /average "binary" needs at most two labels/);
  });
  test("zero division", () => {
    assert.equal(precision([0, 0, 1], [0, 0, 0]), 0);
    assert.equal(precision([0, 0, 1], [0, 0, 0], { zeroDivision: 1 }), 1);
    assert.equal(f1([0, 0, 0], [0, 0, 0], { zeroDivision: 1 }), 1);
  });
  test("micro average over all labels equals accuracy", () => {
    close(f1(yt, yp, { average: "micro" }), accuracy(yt, yp));
  });
});

describe("confusionMatrix", () => {
  test("scikit-learn's documentation examples", () => {
    assert.deepEqual(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]), [
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
    const t = ["cat", "ant", "cat", "cat", "ant", "bird"];
    const p = ["ant", "ant", "cat", "cat", "ant", "cat"];
    assert.deepEqual(confusionMatrix(t, p, { labels: ["ant", "bird", "cat"] }), [
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });
  test("labels order, left-out labels, normalisation, weights", () => {
    assert.deepEqual(confusionMatrix([0, 1, 1, 2], [1, 1, 0, 2], { labels: [1, 0] }), [
      [1, 1],
      [1, 0],
    ]);
    assert.deepEqual(confusionMatrix([0, 0, 1], [0, 1, 1], { normalize: "true" }), [
      [0.5, 0.5],
      [0, 1],
    ]);
    assert.deepEqual(confusionMatrix([0, 0, 1], [0, 1, 1], { sampleWeight: [2, 1, 3] }), [
      [2, 1],
      [0, 3],
    ]);
    assert.throws(() => confusionMatrix([0, 1], [0, 1], { labels: [5] }), /none of the given labels/);
    assert.throws(() => confusionMatrix([0, 1], [0, 1], { labels: [0, 0] }), /twice/);
  });
});

describe("ROC", () => {
  test("scikit-learn's documentation example", () => {
    const y = [0, 0, 1, 1];
    const s = [0.1, 0.4, 0.35, 0.8];
    close(rocAuc(y, s), 0.75);
    const c = rocCurve(y, s);
    assert.deepEqual(c.fpr, [0, 0, 0.5, 0.5, 1]);
    assert.deepEqual(c.tpr, [0, 0.5, 0.5, 1, 1]);
    assert.deepEqual(c.thresholds, [Infinity, 0.8, 0.4, 0.35, 0.1]);
  });
  test("ties count half; intermediate points dropped or kept", () => {
    // every score tied: AUC 0.5
    close(rocAuc([0, 1, 0, 1], [3, 3, 3, 3]), 0.5);
    // one positive tied with one negative at the top, then a negative: 1 pair won, 1 half, (p,n) = (1,2) → (1 + 0.5)/2
    close(rocAuc(["n", "p", "n"], [0.9, 0.9, 0.1]), 0.75);
    const full = rocCurve([0, 0, 0, 1, 1, 1], [1, 2, 3, 4, 5, 6], { dropIntermediate: false });
    assert.equal(full.fpr.length, 7);
    const dropped = rocCurve([0, 0, 0, 1, 1, 1], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(dropped.fpr, [0, 0, 0, 1]);
    assert.deepEqual(dropped.tpr, [0, 1 / 3, 1, 1]);
  });
  test("one-vs-rest macro and weighted on a probability matrix", () => {
    const y = [0, 1, 2, 2];
    const P = [
      [0.8, 0.1, 0.1],
      [0.3, 0.4, 0.3],
      [0.5, 0.1, 0.4],
      [0.1, 0.2, 0.7],
    ];
    // class 0 vs rest: scores .8 | .3 .5 .1 → 1; class 1: .4 | .1 .1 .2 → 1; class 2: .3? no: pos .4 .7, neg .1 .3 → 1
    close(rocAuc(y, P), 1);
    const Q = [
      [0.2, 0.1, 0.7],
      [0.3, 0.4, 0.3],
      [0.5, 0.1, 0.4],
      [0.1, 0.2, 0.7],
    ];
    // class 0: pos .2 vs neg .3 .5 .1 → 1/3; class 1: pos .4 vs .1 .1 .2 → 1; class 2: pos .4 .7 vs neg .7 .3 → (0 + .5 + 1 + 1)/4 = .625
    close(rocAuc(y, Q), (1 / 3 + 1 + 0.625) / 3);
    close(rocAuc(y, Q, { average: "weighted" }), (1 / 3 + 1 + 2 * 0.625) / 4);
    close(rocAuc(["a", "b", "c", "c"], Q), (1 / 3 + 1 + 0.625) / 3);
    assert.throws(() => rocAuc([0, 1, 1], [[0.5, 0.5, 0], [0.5, 0.5, 0], [0.5, 0.5, 0]], { classes: [0, 1, 2] }), /does not occur/);
  });
  test("errors", () => {
    assert.throws(() => rocAuc([1, 1, 1], [0.1, 0.2, 0.3]), /no negative/);
    assert.throws(() => rocAuc([0, 1, 2], [0.1, 0.2, 0.3]), /n × K/);
    assert.throws(() => rocAuc([0, 1], [0.1, NaN]), /finite/);
  });
});

describe("logLoss", () => {
  test("scikit-learn's documentation example", () => {
    const v = logLoss(["spam", "ham", "ham", "spam"], [
      [0.1, 0.9],
      [0.9, 0.1],
      [0.8, 0.2],
      [0.35, 0.65],
    ]);
    close(v, -(Math.log(0.9) + Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4);
    close(v, 0.21616187468057912, 1e-15);
  });
  test("1-D probabilities of the positive class, weights, sum", () => {
    close(logLoss([0, 1, 1], [0.2, 0.7, 0.9]), -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3);
    close(logLoss([0, 1], [0.2, 0.7], { sampleWeight: [3, 1] }), -(3 * Math.log(0.8) + Math.log(0.7)) / 4);
    close(logLoss([0, 1], [0.2, 0.7], { normalize: false }), -(Math.log(0.8) + Math.log(0.7)));
  });
  test("clipping keeps a confident mistake finite", () => {
    const v = logLoss([0, 1], [1, 1]);
    assert.ok(Number.isFinite(v));
    close(v, -Math.log(2.220446049250313e-16) / 2, 1e-9);
    close(logLoss([0, 1], [1, 1], { eps: 1e-15 }), -Math.log(1e-15) / 2, 1e-9);
  });
  test("errors", () => {
    assert.throws(() => logLoss([0, 1, 2], [0.1, 0.2, 0.3]), /n × 3/);
    assert.throws(() => logLoss([0, 1], [[0.5, 0.6], [0.5, 0.5]]), /sums to 1.1/);
    assert.throws(() => logLoss([0, 1], [[-0.5, 1.5], [0.5, 0.5]]), /\[0, 1\]/);
    assert.throws(() => logLoss([0, 2], [[0.5, 0.5], [0.5, 0.5]], { labels: [0, 1] }), /not one of the labels/);
    assert.throws(() => logLoss([1, 1], [0.5, 0.5]), /pass labels/);
  });
});

describe("classificationReport", () => {
  test("scikit-learn's documentation example, text and data", () => {
    const text = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ["class 0", "class 1", "class 2"] });
    const expected = [
      "              precision    recall  f1-score   support",
      "",
      "     class 0       0.50      1.00      0.67         1",
      "     class 1       0.00      0.00      0.00         1",
      "     class 2       1.00      0.67      0.80         3",
      "",
      "    accuracy                           0.60         5",
      "   macro avg       0.50      0.56      0.49         5",
      "weighted avg       0.70      0.60      0.61         5",
      "",
    ].join("\n");
    assert.equal(text, expected);
    const data = classificationReportData([0, 1, 2, 2, 2], [0, 0, 2, 2, 1]);
    assert.equal(data.accuracy, 0.6);
    assert.equal(data.classes.length, 3);
    close(data.macroAvg.f1Score, (2 / 3 + 0 + 0.8) / 3);
    assert.equal(data.weightedAvg.support, 5);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), data);
  });
  test("labels not covering the data show a micro average instead of accuracy", () => {
    const text = classificationReport([1, 1, 1], [1, 1, 0], { labels: [1, 2, 3] });
    const expected = [
      "              precision    recall  f1-score   support",
      "",
      "           1       1.00      0.67      0.80         3",
      "           2       0.00      0.00      0.00         0",
      "           3       0.00      0.00      0.00         0",
      "",
      "   micro avg       1.00      0.67      0.80         3",
      "   macro avg       0.33      0.22      0.27         3",
      "weighted avg       1.00      0.67      0.80         3",
      "",
    ].join("\n");
    assert.equal(text, expected);
  });
  test("ties round to even like Python's format", () => {
    // precision 1/8 = 0.125 exactly: Python prints 0.12 (JavaScript's toFixed would print 0.13)
    const yt = [1, 0, 0, 0, 0, 0, 0, 0];
    const yp = [1, 1, 1, 1, 1, 1, 1, 1];
    const text = classificationReport(yt, yp, { digits: 2, labels: [1] });
    assert.match(text, /^ {11}1 {7}0\.12 /m);
  });
});
