// `logreg train <data.csv>`: fit (scaler +) LogisticRegression, report it, optionally save the model file.
// Modules imported one by one rather than through index.js: this command loads only what it uses.
import type { ModelFile } from "../../io/modelFile.js";
import { accuracy } from "../../metrics/accuracy.js";
import { classificationReport } from "../../metrics/classificationReport.js";
import type { Label } from "../../metrics/labels.js";
import { logLoss } from "../../metrics/logLoss.js";
import type { FlatMatrix } from "../../preprocess/matrix.js";
import { trainTestSplit } from "../../selection/trainTestSplit.js";
import { writeModelFile } from "../../io/node.js";
import { whileWriting } from "../interrupt.js";
import type { ParsedArgs } from "../args.js";
import { readLabelledCsv } from "../data.js";
import { estimatorOptions, fitPipeline, type FittedPipeline } from "../fitOptions.js";
import { fitStorage, releaseStorage } from "../fitStorage.js";
import { fmt, formatJson, modelLine } from "../format.js";
import { writeOut } from "../output.js";
import { flatScores } from "../trainingScores.js";

/** Accuracy and log-loss of a fitted pipeline on some rows, with its predictions. */
export interface Scores {
  rows: number;
  accuracy: number;
  logLoss: number;
  /** The predicted labels (made on demand). */
  predicted: () => Label[];
}

/**
 * Scores the fitted pipeline on rows X (raw features) with labels y; `seen` gives those rows as
 * the estimator already saw them (after the scaler, in its storage) to skip that work.
 */
export function scorePipeline(p: FittedPipeline, X: FlatMatrix, y: readonly Label[], seen?: FlatMatrix): Scores {
  const stored = seen !== undefined ? { X: seen, owned: false } : fitStorage(p.scaler === null ? X : p.scaler.transform(X));
  try {
    const xs = stored.X;
    const classes = Array.from(p.estimator.classes);
    const flat = flatScores(p.estimator, xs, y);
    if (flat !== null) {
      const idx = flat.predicted;
      return { rows: y.length, accuracy: flat.accuracy, logLoss: flat.logLoss, predicted: () => Array.from(idx, (k) => classes[k]!) };
    }
    // the general path (it names the problem: a label outside the classes, an overflowing decision value)
    const proba = p.estimator.predictProba(xs);
    const predicted = Array.from(p.estimator.predict(xs));
    return { rows: y.length, accuracy: accuracy(y, predicted), logLoss: logLoss(y, proba, { labels: classes }), predicted: () => predicted };
  } finally {
    releaseStorage(stored);
  }
}

/** Runs `logreg train` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const path = args.positional(0);
  const quiet = args.flag("quiet");
  const options = estimatorOptions(args);
  const standardize = !args.flag("no-standardize");
  const out = args.string("out");
  const testSize = args.number("test-size");
  // Without a scaler or a split the fit uses X as read: read it straight into the fit's storage.
  const data = await readLabelledCsv(path, args, !standardize && testSize === undefined);
  const X: FlatMatrix = { data: data.X, shape: [data.n, data.d] };
  const y: Label[] = Array.from<Label>(data.y);
  let xTrain = X;
  let yTrain = y;
  let test: { X: FlatMatrix; y: Label[] } | null = null;
  if (testSize !== undefined) {
    const split = trainTestSplit(X, y, { testSize, seed: options.seed ?? 0, stratify: true });
    xTrain = split.xTrain;
    yTrain = split.yTrain;
    test = { X: split.xTest, y: split.yTest };
  }
  const fitted = fitPipeline(xTrain, yTrain, options, standardize, quiet);
  const est = fitted.estimator;
  const trainScores = scorePipeline(fitted, xTrain, yTrain, fitted.xSeen);
  releaseStorage(fitted.seen);
  const testScores = test === null ? null : scorePipeline(fitted, test.X, test.y);
  const estimatorJson = est.toJSON();
  const scalerJson = fitted.scaler === null ? null : fitted.scaler.toJSON();
  if (out !== undefined) {
    const model: ModelFile = {
      format: "logreg-model",
      version: 1,
      featureNames: data.featureNames,
      target: data.targetName,
      scaler: scalerJson,
      estimator: { ...estimatorJson, classes: estimatorJson.classes as number[] | string[], options: { ...estimatorJson.options } },
      training: { rows: yTrain.length, trainLogLoss: trainScores.logLoss, trainAccuracy: trainScores.accuracy, objectiveHistory: est.history },
    };
    await whileWriting(() => writeModelFile(out, model));
  }
  if (args.flag("json")) {
    const json: Record<string, unknown> = {
      file: path,
      target: data.targetName,
      featureNames: data.featureNames,
      classes: est.classes,
      coef: estimatorJson.coef,
      intercept: estimatorJson.intercept,
      scaler: scalerJson,
      multiClass: estimatorJson.multiClass,
      solver: est.resolvedSolver,
      options: estimatorJson.options,
      objective: est.objective,
      nIter: est.nIter,
      converged: est.converged,
      rows: data.n,
      trainRows: trainScores.rows,
      trainLogLoss: trainScores.logLoss,
      trainAccuracy: trainScores.accuracy,
    };
    if (testScores !== null) {
      json.testRows = testScores.rows;
      json.testLogLoss = testScores.logLoss;
      json.testAccuracy = testScores.accuracy;
    }
    json.warnings = [...est.warnings];
    if (out !== undefined) json.model = out;
    await writeOut(formatJson(json) + "\n");
    return;
  }
  const classes = Array.from(est.classes);
  const lines: string[] = [];
  lines.push(`data:      ${path}: ${data.n} rows, ${data.d} features, target ${JSON.stringify(data.targetName)}, classes ${classes.join(", ")}`);
  lines.push(`model:     ${modelLine(est, standardize)}`);
  lines.push(`fit:       ${est.converged ? "converged" : "did NOT converge"} after ${est.nIter} iterations, objective ${fmt(est.objective, 10)}`);
  if (test !== null && testScores !== null) {
    lines.push(`split:     ${trainScores.rows} training rows, ${testScores.rows} test rows (stratified, seed ${options.seed ?? 0})`);
  }
  lines.push(`train:     accuracy ${fmt(trainScores.accuracy, 4)}, log-loss ${fmt(trainScores.logLoss, 6)}`);
  if (testScores !== null) lines.push(`test:      accuracy ${fmt(testScores.accuracy, 4)}, log-loss ${fmt(testScores.logLoss, 6)}`);
  const reportOn = test !== null && testScores !== null ? { y: test.y, pred: testScores.predicted(), what: "test rows" } : { y: yTrain, pred: trainScores.predicted(), what: "training rows" };
  lines.push("", `classification report (${reportOn.what}):`, "", classificationReport(reportOn.y, reportOn.pred, { labels: classes, digits: 4 }).trimEnd());
  if (out !== undefined) lines.push("", `model written to ${out}`);
  await writeOut(lines.join("\n") + "\n");
}
