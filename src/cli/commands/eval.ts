// `logreg eval <model.json> <data.csv>`: the model's metrics on labelled rows.
import {
  accuracy,
  classificationReport,
  classificationReportData,
  confusionMatrix,
  logLoss,
  precisionRecallFscoreSupport,
  rocAuc,
  type FlatMatrix,
  type Label,
} from "../../index.js";
import { readCsvFile } from "../../io/node.js";
import type { ParsedArgs } from "../args.js";
import { fmt, formatJson, table } from "../format.js";
import { loadModel, modelInput } from "../model.js";
import { writeOut } from "../output.js";
import { UsageError } from "../usageError.js";

/** Runs `logreg eval` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const modelPath = args.positional(0);
  const path = args.positional(1);
  const model = await loadModel(modelPath);
  const data = await readCsvFile(path, {
    header: !args.flag("no-header"),
    featureNames: model.file.featureNames,
    target: model.file.target,
    fileName: path,
  });
  if (data.y === null) {
    throw new UsageError(
      `${path}: the file has no target column ${JSON.stringify(model.file.target)}; eval needs the true labels (use 'logreg predict' for unlabelled rows)`,
    );
  }
  const y: Label[] = Array.from<Label>(data.y);
  const classes = model.classes;
  const known = new Set<Label>(classes);
  const odd = y.findIndex((l) => !known.has(l));
  if (odd >= 0) {
    throw new UsageError(
      `${path}: data row ${odd + 1} has the label ${JSON.stringify(y[odd])}, which is not one of the model's classes (${classes.map((c) => JSON.stringify(c)).join(", ")}); evaluate on data with the same labels`,
    );
  }
  const X: FlatMatrix = { data: data.X, shape: [data.n, data.d] };
  const xs = modelInput(model, X);
  const proba = model.estimator.predictProba(xs);
  const predicted: Label[] = Array.from(model.estimator.predict(xs));
  const binary = classes.length === 2;
  const averaged = binary
    ? precisionRecallFscoreSupport(y, predicted, { labels: classes, average: "binary", posLabel: classes[1]! })
    : precisionRecallFscoreSupport(y, predicted, { labels: classes, average: "macro" });
  const rows = Array.from(proba, (r) => Array.from(r));
  const presentClasses = new Set(y).size;
  // ROC-AUC needs both a positive and a negative row (each class, for one-vs-rest); otherwise it is undefined.
  const auc = presentClasses === classes.length ? (binary ? rocAuc(y, rows.map((r) => r[1]!), { posLabel: classes[1]! }) : rocAuc(y, rows, { classes })) : null;
  const result = {
    model: modelPath,
    file: path,
    rows: data.n,
    classes,
    accuracy: accuracy(y, predicted),
    average: binary ? "binary" : "macro",
    ...(binary ? { posLabel: classes[1]! } : {}),
    precision: averaged.precision,
    recall: averaged.recall,
    f1: averaged.f1,
    rocAuc: auc,
    logLoss: logLoss(y, rows, { labels: classes }),
    confusionMatrix: confusionMatrix(y, predicted, { labels: classes }),
    report: classificationReportData(y, predicted, { labels: classes }),
  };
  if (args.flag("json")) {
    await writeOut(formatJson(result) + "\n");
    return;
  }
  const cm = [["true \\ predicted", ...classes.map(String)], ...result.confusionMatrix.map((r, i) => [String(classes[i]), ...r.map(String)])];
  const lines = [
    `model:     ${modelPath} (${classes.length} classes, ${model.file.featureNames.length} features)`,
    `data:      ${path}: ${data.n} rows`,
    `accuracy:  ${fmt(result.accuracy, 4)}`,
    `precision: ${fmt(result.precision, 4)}   recall: ${fmt(result.recall, 4)}   F1: ${fmt(result.f1, 4)}   (${binary ? `positive class ${String(classes[1])}` : "macro average"})`,
    `ROC-AUC:   ${auc === null ? "undefined (not every class occurs in the file)" : fmt(auc, 4)}${binary || auc === null ? "" : " (one-vs-rest, macro)"}`,
    `log-loss:  ${fmt(result.logLoss, 6)}`,
    "",
    "confusion matrix:",
    table(cm),
    "",
    "classification report:",
    "",
    classificationReport(y, predicted, { labels: classes, digits: 4 }).trimEnd(),
  ];
  await writeOut(lines.join("\n") + "\n");
}
