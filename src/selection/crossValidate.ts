// Cross-validation: fit a fresh estimator (and preprocessing) on each training fold, score it on the test fold.
import { ValueError } from "../errors.js";
import { accuracy } from "../metrics/accuracy.js";
import type { Label } from "../metrics/labels.js";
import { logLoss } from "../metrics/logLoss.js";
import { rocAuc } from "../metrics/rocAuc.js";
import { nRows, takeRows } from "./rows.js";
import { stratifiedKFold } from "./stratifiedKFold.js";
import type { Classifier, Fold, Transformer } from "./types.js";

/** A scoring function: the fitted estimator, the test rows (after preprocessing) and their labels → a number. */
export type ScoringFunction<M> = (estimator: Classifier<M>, X: M, y: Label[]) => number;

/** "accuracy" (higher is better), "logLoss" (lower is better; needs predictProba), "rocAuc" (binary or one-vs-rest macro), or a function. */
export type Scoring<M> = "accuracy" | "logLoss" | "rocAuc" | ScoringFunction<M>;

/** Options of `crossValidate` and `crossValScore`. */
export interface CrossValidateOptions<M> {
  /** Number of stratified folds (scikit-learn's StratifiedKFold without shuffling; default 5), or the folds themselves. */
  cv?: number | readonly Fold[];
  /** Makes a fresh preprocessing step for each fold; it is fitted on that fold's training rows only. */
  preprocess?: () => Transformer<M>;
}

/** The outcome of one fold. */
export interface FoldResult<M> {
  /** The fold number, from 0. */
  fold: number;
  train: number[];
  test: number[];
  /** One value per scoring name. */
  scores: Record<string, number>;
  /** The estimator fitted on this fold's training rows. */
  estimator: Classifier<M>;
}

/** Cross-validates with several scorings at once: one FoldResult per fold. */
export function crossValidate<M>(
  makeEstimator: (fold: number) => Classifier<M>,
  X: M,
  y: ArrayLike<Label>,
  scoring: Record<string, Scoring<M>>,
  options: CrossValidateOptions<M> = {},
): FoldResult<M>[] {
  const n = nRows("crossValidate", X as never);
  if (y.length !== n) throw new ValueError(`crossValidate: X has ${n} rows but y has ${y.length} labels: give one label per row`);
  const cv = options.cv ?? 5;
  const folds = typeof cv === "number" ? stratifiedKFold(y, { k: cv }) : checkFolds(cv, n);
  const names = Object.keys(scoring);
  if (names.length === 0) throw new ValueError("crossValidate: no scoring given: name at least one, e.g. { accuracy: \"accuracy\" }");
  const labels = Array.from(y);
  return folds.map((fold, f) => {
    let xTrain = takeRows(X, fold.train);
    let xTest = takeRows(X, fold.test);
    const yTrain = fold.train.map((i) => labels[i] as Label);
    const yTest = fold.test.map((i) => labels[i] as Label);
    if (options.preprocess !== undefined) {
      const step = options.preprocess();
      step.fit(xTrain);
      xTrain = step.transform(xTrain);
      xTest = step.transform(xTest);
    }
    const estimator = makeEstimator(f);
    estimator.fit(xTrain, yTrain);
    const scores: Record<string, number> = {};
    for (const name of names) scores[name] = score(scoring[name] as Scoring<M>, estimator, xTest, yTest);
    return { fold: f, train: fold.train, test: fold.test, scores, estimator };
  });
}

function score<M>(scoring: Scoring<M>, est: Classifier<M>, X: M, y: Label[]): number {
  if (typeof scoring === "function") return scoring(est, X, y);
  if (scoring === "accuracy") return accuracy(y, est.predict(X));
  if (scoring === "logLoss" || scoring === "rocAuc") {
    if (typeof est.predictProba !== "function" || est.classes === undefined) {
      throw new ValueError(`crossValidate: scoring "${scoring}" needs an estimator with predictProba and classes`);
    }
    const P = est.predictProba(X);
    const classes = Array.from(est.classes);
    if (scoring === "logLoss") return logLoss(y, P, { labels: classes });
    return rocAuc(y, P, { classes });
  }
  throw new ValueError(`crossValidate: scoring is ${JSON.stringify(scoring)}: use "accuracy", "logLoss", "rocAuc" or a function`);
}

function checkFolds(folds: readonly Fold[], n: number): Fold[] {
  if (folds.length === 0) throw new ValueError("crossValidate: cv is an empty list of folds: give at least one fold");
  folds.forEach((f, j) => {
    for (const part of ["train", "test"] as const) {
      const idx = f[part];
      if (!Array.isArray(idx) || idx.length === 0) throw new ValueError(`crossValidate: fold ${j} has no ${part} rows`);
      for (const i of idx) {
        if (!Number.isInteger(i) || i < 0 || i >= n) {
          throw new ValueError(`crossValidate: fold ${j}'s ${part} holds index ${i}, outside 0..${n - 1}`);
        }
      }
    }
  });
  return folds.map((f) => ({ train: [...f.train], test: [...f.test] }));
}
