// `logreg eval` and `logreg cv` against scikit-learn's figures in sklearn.json.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { data, dataDir, logreg, tempDir } from "./run.js";

const sk = JSON.parse(readFileSync(join(dataDir, "reference", "sklearn.json"), "utf8")) as {
  breast_cancer_l2_C1_standardized: { optimum: { train_log_loss: number; train_accuracy: number } };
  iris_multinomial_l2_C1_standardized: { optimum: { train_log_loss: number; train_accuracy: number } };
  breast_cancer_cv5_standardized_l2_C1: {
    B_sklearn_StratifiedKFold_noshuffle: { fold_test_sizes: number[]; fold_accuracy: number[]; mean_accuracy: number; fold_test_log_loss: number[] };
  };
};

interface EvalJson {
  rows: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number | null;
  logLoss: number;
  confusionMatrix: number[][];
  classes: number[];
}

describe("logreg eval", () => {
  const tmp = tempDir();
  const bc = join(tmp.dir, "bc.json");
  const iris = join(tmp.dir, "iris.json");
  before(() => {
    assert.equal(logreg(["train", data("breast_cancer.csv"), "--out", bc, "--quiet"]).code, 0);
    assert.equal(logreg(["train", data("iris.csv"), "--out", iris, "--quiet"]).code, 0);
  });
  after(() => tmp.cleanup());

  test("--json on the training data: scikit-learn's optimum log-loss and accuracy, consistent counts", () => {
    const r = logreg(["eval", bc, data("breast_cancer.csv"), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as EvalJson;
    const opt = sk.breast_cancer_l2_C1_standardized.optimum;
    for (const k of ["accuracy", "precision", "recall", "f1", "rocAuc", "logLoss", "confusionMatrix", "rows"]) assert.ok(k in j, k);
    assert.equal(j.rows, 569);
    assert.ok(Math.abs(j.logLoss - opt.train_log_loss) < 1e-9, `${j.logLoss} vs ${opt.train_log_loss}`);
    assert.equal(j.accuracy, opt.train_accuracy);
    // the confusion matrix holds every row; precision/recall/F1 of class 1 follow from it
    const [[tn, fp], [fn, tp]] = j.confusionMatrix as [[number, number], [number, number]];
    assert.equal(tn + fp + fn + tp, 569);
    assert.equal(tn + fp, 212, "212 malignant rows in breast_cancer");
    assert.equal((tn + tp) / 569, j.accuracy);
    assert.equal(j.precision, tp / (tp + fp));
    assert.equal(j.recall, tp / (tp + fn));
    assert.ok(Math.abs(j.f1 - (2 * tp) / (2 * tp + fp + fn)) < 1e-15);
    assert.ok(j.rocAuc !== null && j.rocAuc > 0.99 && j.rocAuc <= 1);
  });

  test("multiclass: macro averages, one-vs-rest AUC, a 3 × 3 matrix; the text form prints the report", () => {
    const r = logreg(["eval", iris, data("iris.csv"), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as EvalJson;
    const opt = sk.iris_multinomial_l2_C1_standardized.optimum;
    assert.ok(Math.abs(j.logLoss - opt.train_log_loss) < 1e-9);
    assert.equal(j.accuracy, opt.train_accuracy);
    assert.equal(j.confusionMatrix.length, 3);
    assert.deepEqual(j.confusionMatrix.map((row) => row.reduce((a, b) => a + b, 0)), [50, 50, 50]);
    const text = logreg(["eval", iris, data("iris.csv")]).stdout;
    assert.match(text, new RegExp(`accuracy: +${j.accuracy.toFixed(4)}`));
    assert.match(text, /^ +precision +recall +f1-score +support$/m);
    assert.match(text, /^ *weighted avg( +\d\.\d{4}){3} +150$/m);
    assert.match(text, /true \\ predicted +0 +1 +2/);
  });

  test("a file without the target column: eval says it needs the labels", () => {
    const f = join(tmp.dir, "nolabel.csv");
    writeFileSync(f, readFileSync(data("iris.csv"), "utf8").split("\n").map((l) => l.split(",").slice(0, 4).join(",")).join("\n"));
    const r = logreg(["eval", iris, f]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: .*nolabel\.csv: the file has no target column "label"; eval needs the true labels/);
  });
});

describe("logreg cv", () => {
  test("5 stratified folds on breast_cancer: scikit-learn's StratifiedKFold fold sizes, accuracies and log-losses", () => {
    const r = logreg(["cv", data("breast_cancer.csv"), "--C", "1", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as {
      perFold: { testRows: number; accuracy: number; logLoss: number; rocAuc: number }[];
      mean: { accuracy: number; logLoss: number; rocAuc: number };
    };
    const ref = sk.breast_cancer_cv5_standardized_l2_C1.B_sklearn_StratifiedKFold_noshuffle;
    assert.deepEqual(j.perFold.map((f) => f.testRows), ref.fold_test_sizes);
    assert.deepEqual(j.perFold.map((f) => f.accuracy), ref.fold_accuracy);
    assert.ok(Math.abs(j.mean.accuracy - ref.mean_accuracy) < 1e-12);
    // scikit-learn's lbfgs stops about 1e-4 short of the optimum; the log-losses agree to that
    j.perFold.forEach((f, i) => assert.ok(Math.abs(f.logLoss - ref.fold_test_log_loss[i]!) < 1e-3, `fold ${i}: ${f.logLoss} vs ${ref.fold_test_log_loss[i]}`));
    // the text form: one line per fold, then the mean
    const text = logreg(["cv", data("breast_cancer.csv"), "--folds", "5"]).stdout;
    assert.match(text, new RegExp(`^mean +${ref.mean_accuracy.toFixed(4)} `, "m"));
    assert.equal(text.split("\n").filter((l) => /^ +[1-5] +45[56] +11[34] /.test(l)).length, 5);
  });

  test("--folds 3 on iris with the train options", () => {
    const r = logreg(["cv", data("iris.csv"), "--folds", "3", "--penalty", "l1", "--C", "0.5", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { perFold: { testRows: number; accuracy: number }[]; options: { penalty: string; C: number } };
    assert.deepEqual(j.perFold.map((f) => f.testRows), [50, 50, 50]);
    assert.equal(j.options.penalty, "l1");
    for (const f of j.perFold) assert.ok(f.accuracy > 0.8);
  });
});
