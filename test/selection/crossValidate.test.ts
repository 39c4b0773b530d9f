// crossValScore / crossValidate with a small structural classifier: fresh estimator per fold,
// preprocessing fitted on the training fold only, scores equal to the metrics on each test fold.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  accuracy,
  crossValidate,
  crossValScore,
  logLoss,
  StandardScaler,
  stratifiedKFold,
  ValueError,
  type Classifier,
  type Label,
} from "../../src/index.js";
import { readNumericCsv } from "../preprocess/sharedData.js";

/** Nearest class centroid; probabilities are a softmax of minus squared distances. */
class NearestCentroid implements Classifier<number[][]> {
  classes: Label[] = [];
  centroids: number[][] = [];
  fitRows = 0;
  fit(X: number[][], y: Label[]): this {
    this.fitRows = X.length;
    this.classes = [...new Set(y)].sort((a, b) => (a < b ? -1 : 1));
    this.centroids = this.classes.map((c) => {
      const rows = X.filter((_, i) => y[i] === c);
      return (rows[0] as number[]).map((_, j) => rows.reduce((a, r) => a + (r[j] as number), 0) / rows.length);
    });
    return this;
  }
  predictProba(X: number[][]): number[][] {
    return X.map((r) => {
      const s = this.centroids.map((c) => -r.reduce((a, v, j) => a + (v - (c[j] as number)) ** 2, 0) / 10);
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const z = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / z);
    });
  }
  predict(X: number[][]): Label[] {
    return this.predictProba(X).map((p) => this.classes[p.indexOf(Math.max(...p))] as Label);
  }
}

/** A StandardScaler that records the rows it was fitted on. */
class SpyScaler {
  static fitted: number[][][] = [];
  private s = new StandardScaler();
  fit(X: number[][]): this {
    SpyScaler.fitted.push(X);
    this.s.fit(X);
    return this;
  }
  transform(X: number[][]): number[][] {
    return this.s.transform(X);
  }
}

const { X, y } = readNumericCsv("breast_cancer.csv");

test("each fold: a fresh estimator, the scaler fitted on that fold's training rows only, scores equal to the metrics", () => {
  SpyScaler.fitted = [];
  const made: NearestCentroid[] = [];
  const results = crossValidate(
    () => {
      const e = new NearestCentroid();
      made.push(e);
      return e;
    },
    X,
    y,
    { acc: "accuracy", ll: "logLoss", auc: "rocAuc" },
    { cv: 5, preprocess: () => new SpyScaler() },
  );
  assert.equal(results.length, 5);
  assert.equal(new Set(made).size, 5);
  const folds = stratifiedKFold(y, { k: 5 });
  results.forEach((r, k) => {
    assert.deepEqual({ train: r.train, test: r.test }, folds[k]);
    assert.deepEqual(SpyScaler.fitted[k], r.train.map((i) => X[i]));
    assert.equal((r.estimator as NearestCentroid).fitRows, r.train.length);
    // recompute by hand: scale with the training fold's statistics, predict the test fold
    const sc = new StandardScaler().fit(r.train.map((i) => X[i] as number[]));
    const xt = sc.transform(r.test.map((i) => X[i] as number[]));
    const yt = r.test.map((i) => y[i] as number);
    assert.equal(r.scores["acc"], accuracy(yt, r.estimator.predict(xt)));
    assert.equal(r.scores["ll"], logLoss(yt, (r.estimator as NearestCentroid).predictProba(xt)));
    assert.ok((r.scores["auc"] as number) > 0.9);
  });
  const acc = crossValScore(() => new NearestCentroid(), X, y, { preprocess: () => new StandardScaler() });
  assert.deepEqual(acc, results.map((r) => r.scores["acc"]));
  assert.ok(acc.every((a) => a > 0.85));
});

test("explicit folds, a scoring function, and errors", () => {
  const folds = stratifiedKFold(y, { k: 3, method: "roundRobin" });
  const counts = crossValScore(() => new NearestCentroid(), X, y, {
    cv: folds,
    scoring: (est, xt, yt) => accuracy(yt, est.predict(xt), { normalize: false }),
  });
  assert.equal(counts.length, 3);
  assert.ok(counts.every((c, k) => Number.isInteger(c) && c <= (folds[k] as { test: number[] }).test.length));
  assert.throws(() => crossValScore(() => new NearestCentroid(), X, y.slice(1)), /one label per row/);
  assert.throws(() => crossValScore(() => new NearestCentroid(), X, y, { cv: [{ train: [0, 1], test: [9999] }] }), ValueError);
  const noProba: Classifier<number[][]> = { fit: () => undefined, predict: (x) => x.map(() => 0) };
  assert.throws(() => crossValScore(() => noProba, X, y, { scoring: "logLoss" }), /needs an estimator with predictProba/);
});
