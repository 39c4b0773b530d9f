// `logreg cv <data.csv>`: stratified k-fold cross-validation with the train options (scaler fitted per fold).
import { crossValidate, LogisticRegression, StandardScaler, stratifiedKFold, type FlatMatrix, type Label } from "../../index.js";
import type { ParsedArgs } from "../args.js";
import { readLabelledCsv } from "../data.js";
import { estimatorOptions, newBar } from "../fitOptions.js";
import { fmt, formatJson, modelLine, table } from "../format.js";
import { writeErr, writeOut } from "../output.js";
import type { ProgressBar } from "../progress.js";
import { UsageError } from "../usageError.js";

function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, std };
}

/** Runs `logreg cv` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const path = args.positional(0);
  const quiet = args.flag("quiet");
  const k = args.number("folds") ?? 5;
  const options = estimatorOptions(args);
  const standardize = !args.flag("no-standardize");
  const data = await readLabelledCsv(path, args);
  const X: FlatMatrix = { data: data.X, shape: [data.n, data.d] };
  const y: Label[] = Array.from<Label>(data.y);
  // Every test fold needs rows of every class (or its ROC-AUC and log-loss are undefined).
  const counts = new Map<Label, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [rarest, fewest] = [...counts].reduce((a, b) => (b[1] < a[1] ? b : a));
  if (fewest < k) {
    throw new UsageError(
      `${path}: class ${JSON.stringify(rarest)} has only ${fewest} row${fewest === 1 ? "" : "s"}, so with --folds ${k} some test folds would hold none of it; ` +
        (fewest >= 2 ? `use --folds ${fewest} or fewer` : "cross-validation needs at least 2 rows of every class"),
    );
  }
  const folds = stratifiedKFold(y, { k });
  const binary = new Set(y).size === 2;
  const bars: ProgressBar[] = [];
  const warnings: string[] = [];
  const results = crossValidate(
    (fold) => {
      const bar = newBar(`fold ${fold + 1}/${k}`, options, quiet);
      bars.push(bar);
      return new LogisticRegression({
        ...options,
        onIteration: (info) => {
          bar.update(info.iteration, info.objective);
        },
        onWarning: (w) => {
          warnings.push(`fold ${fold + 1}: ${w}`);
        },
      });
    },
    X,
    y,
    { accuracy: "accuracy", logLoss: "logLoss", rocAuc: "rocAuc" },
    { cv: folds, ...(standardize ? { preprocess: () => new StandardScaler() } : {}) },
  );
  for (const b of bars) b.done();
  if (!quiet) for (const w of warnings) writeErr(`warning: ${w}`);
  const perFold = results.map((r) => {
    const est = r.estimator as LogisticRegression;
    return {
      fold: r.fold + 1,
      trainRows: r.train.length,
      testRows: r.test.length,
      accuracy: r.scores["accuracy"]!,
      logLoss: r.scores["logLoss"]!,
      rocAuc: r.scores["rocAuc"]!,
      nIter: est.nIter,
      converged: est.converged,
    };
  });
  const acc = meanStd(perFold.map((f) => f.accuracy));
  const ll = meanStd(perFold.map((f) => f.logLoss));
  const auc = meanStd(perFold.map((f) => f.rocAuc));
  if (args.flag("json")) {
    const json = {
      file: path,
      rows: data.n,
      folds: k,
      standardize,
      options: { ...options },
      perFold,
      mean: { accuracy: acc.mean, logLoss: ll.mean, rocAuc: auc.mean },
      std: { accuracy: acc.std, logLoss: ll.std, rocAuc: auc.std },
    };
    await writeOut(formatJson(json) + "\n");
    return;
  }
  const rows = [
    ["fold", "train rows", "test rows", "accuracy", "log-loss", binary ? "ROC-AUC" : "ROC-AUC (ovr)", "iterations"],
    ...perFold.map((f) => [String(f.fold), String(f.trainRows), String(f.testRows), fmt(f.accuracy, 4), fmt(f.logLoss, 4), fmt(f.rocAuc, 4), `${f.nIter}${f.converged ? "" : "*"}`]),
    ["mean", "", "", fmt(acc.mean, 4), fmt(ll.mean, 4), fmt(auc.mean, 4), ""],
    ["std", "", "", fmt(acc.std, 4), fmt(ll.std, 4), fmt(auc.std, 4), ""],
  ];
  const lines = [
    `data:   ${path}: ${data.n} rows, ${data.d} features, target ${JSON.stringify(data.targetName)}`,
    `model:  ${modelLine(new LogisticRegression(options), standardize)}`,
    `folds:  ${k} stratified folds (scikit-learn's StratifiedKFold order, no shuffle); scaler fitted on each training part`,
    "",
    table(rows),
  ];
  if (perFold.some((f) => !f.converged)) lines.push("", "* did not converge within --max-iter");
  await writeOut(lines.join("\n") + "\n");
}
