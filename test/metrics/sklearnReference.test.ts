// Log-loss, accuracy and AUC of scikit-learn's own fitted models (sklearn.json) recomputed from their coefficients.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accuracy, logLoss, rocAuc, StandardScaler } from "../../src/index.js";
import { at, readNumericCsv, readReference } from "../preprocess/sharedData.js";

const ref = readReference("sklearn.json");

function binaryProba(X: number[][], coef: number[], b: number): number[] {
  return X.map((row) => 1 / (1 + Math.exp(-(row.reduce((a, v, j) => a + v * (coef[j] as number), 0) + b))));
}

test("breast_cancer, standardised: training log-loss and accuracy of scikit-learn's model", () => {
  const { X, y } = readNumericCsv("breast_cancer.csv");
  const Z = new StandardScaler().fitTransform(X);
  const m = at(ref, "breast_cancer_l2_C1_standardized", "sklearn") as { coef: number[][]; intercept: number[]; train_log_loss: number; train_accuracy: number };
  const p = binaryProba(Z, m.coef[0] as number[], m.intercept[0] as number);
  assert.ok(Math.abs(logLoss(y, p) - m.train_log_loss) < 1e-12, `${logLoss(y, p)} vs ${m.train_log_loss}`);
  assert.ok(Math.abs(logLoss(y, p.map((q) => [1 - q, q])) - m.train_log_loss) < 1e-12);
  assert.equal(accuracy(y, p.map((q) => (q > 0.5 ? 1 : 0))), m.train_accuracy);
  const o = at(ref, "breast_cancer_l2_C1_standardized", "optimum") as { coef: number[]; intercept: number[]; train_log_loss: number };
  const po = binaryProba(Z, o.coef, o.intercept[0] as number);
  assert.ok(Math.abs(logLoss(y, po) - o.train_log_loss) < 1e-12);
  const auc = rocAuc(y, po);
  assert.ok(auc > 0.99 && auc <= 1);
});

test("iris, multinomial: training log-loss and accuracy of scikit-learn's model", () => {
  const { X, y } = readNumericCsv("iris.csv");
  const Z = new StandardScaler().fitTransform(X);
  const m = at(ref, "iris_multinomial_l2_C1_standardized", "sklearn") as { coef: number[][]; intercept: number[]; train_log_loss: number; train_accuracy: number };
  const P = Z.map((row) => {
    const z = m.coef.map((w, k) => row.reduce((a, v, j) => a + v * (w[j] as number), 0) + (m.intercept[k] as number));
    const mx = Math.max(...z);
    const e = z.map((v) => Math.exp(v - mx));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  assert.ok(Math.abs(logLoss(y, P) - m.train_log_loss) < 1e-12, `${logLoss(y, P)} vs ${m.train_log_loss}`);
  const pred = P.map((r) => r.indexOf(Math.max(...r)));
  assert.equal(accuracy(y, pred), m.train_accuracy);
  const auc = rocAuc(y, P);
  assert.ok(auc > 0.99 && auc <= 1);
});

test("toy data (raw features): training log-loss and accuracy of scikit-learn's model", () => {
  const d = at(ref, "toy_l2_C1", "data") as { x: number[][]; y: number[] };
  const m = at(ref, "toy_l2_C1", "sklearn") as { coef: number[][]; intercept: number[]; train_log_loss: number; train_accuracy: number };
  const p = binaryProba(d.x, m.coef[0] as number[], m.intercept[0] as number);
  assert.ok(Math.abs(logLoss(d.y, p) - m.train_log_loss) < 1e-14);
  assert.equal(accuracy(d.y, p.map((q) => (q > 0.5 ? 1 : 0))), m.train_accuracy);
  assert.equal(rocAuc(d.y, p), 1);
});
