// The grammar of the command line: every command's arguments and options (no library code, so that
// --help and usage errors answer without loading the library); each command's code is loaded on use.
import type { CommandSpec, ParsedArgs } from "./args.js";
import { DATA_OPTIONS, FIT_OPTIONS } from "./trainOptions.js";

/** A sub-command: its argument spec and a loader of the code that runs it. */
export interface Command {
  spec: CommandSpec;
  load(): Promise<{ run(args: ParsedArgs): Promise<void> }>;
}

/** `logreg train`. */
export const TRAIN: Command = {
  spec: {
    name: "train",
    summary: "fit a logistic regression on a CSV file and print its summary (optionally save the model)",
    positionals: [{ name: "data.csv", help: "training data: feature columns and a label column" }],
    options: [
      ...DATA_OPTIONS,
      ...FIT_OPTIONS,
      { name: "test-size", kind: "number", min: 0, minExclusive: true, max: 1, maxExclusive: true, help: "hold out this fraction for a stratified test split" },
      { name: "out", kind: "string", value: "model.json", help: "write the model file here (atomically)" },
      { name: "json", kind: "flag", help: "print one JSON object instead of the summary" },
    ],
    notes: ["Features are standardised (the scaler is stored in the model) unless --no-standardize is given."],
  },
  load: () => import("./commands/train.js"),
};

/** `logreg predict`. */
export const PREDICT: Command = {
  spec: {
    name: "predict",
    summary: "predict the class (or class probabilities) of every row of a CSV file with a saved model",
    positionals: [
      { name: "model.json", help: "a model file written by 'logreg train --out'" },
      { name: "data.csv", help: "rows with the model's feature columns (its target column, if present, is ignored)" },
    ],
    options: [
      { name: "proba", kind: "flag", help: "write one probability column per class (header: the class names)" },
      { name: "out", kind: "string", value: "predictions.csv", help: "write here (atomically) instead of stdout" },
      { name: "no-header", kind: "flag", help: "the file has no header row (columns in the model's order)" },
    ],
    notes: ["Output is CSV: one column 'prediction', or with --proba one column per class; rows in the input's order."],
  },
  load: () => import("./commands/predict.js"),
};

/** `logreg eval`. */
export const EVAL: Command = {
  spec: {
    name: "eval",
    summary: "measure a saved model on labelled rows: accuracy, precision, recall, F1, ROC-AUC, log-loss, confusion matrix",
    positionals: [
      { name: "model.json", help: "a model file written by 'logreg train --out'" },
      { name: "data.csv", help: "rows with the model's feature columns and its target column" },
    ],
    options: [
      { name: "no-header", kind: "flag", help: "the file has no header row (columns in the model's order, target last)" },
      { name: "json", kind: "flag", help: "print one JSON object" },
    ],
  },
  load: () => import("./commands/eval.js"),
};

/** `logreg cv`. */
export const CV: Command = {
  spec: {
    name: "cv",
    summary: "stratified k-fold cross-validation with the train options: accuracy, log-loss and ROC-AUC per fold and mean",
    positionals: [{ name: "data.csv", help: "labelled data, as for train" }],
    options: [
      ...DATA_OPTIONS,
      ...FIT_OPTIONS,
      { name: "folds", kind: "int", min: 2, help: "number of folds", default: "5" },
      { name: "json", kind: "flag", help: "print one JSON object" },
    ],
  },
  load: () => import("./commands/cv.js"),
};

/** `logreg plot`. */
export const PLOT: Command = {
  spec: {
    name: "plot",
    summary: "draw the decision boundary, ROC curves or the training loss of a saved model to .svg or .png",
    positionals: [
      { name: "model.json", help: "a model file written by 'logreg train --out'" },
      { name: "data.csv", help: "rows to draw (not needed for --kind loss)", optional: true },
    ],
    options: [
      { name: "out", kind: "string", value: "FILE.svg|FILE.png", help: "the picture file; its extension picks the format" },
      { name: "kind", kind: "choice", choices: ["boundary", "roc", "loss"], help: "what to draw", default: "boundary" },
      { name: "x", kind: "string", value: "NAME", help: "boundary: feature on the x axis (default: the first)" },
      { name: "y", kind: "string", value: "NAME", help: "boundary: feature on the y axis (default: the second); the others are held at their mean" },
      { name: "no-header", kind: "flag", help: "the file has no header row (columns in the model's order)" },
    ],
  },
  load: () => import("./commands/plot.js"),
};

/** `logreg demo`. */
export const DEMO: Command = {
  spec: {
    name: "demo",
    summary: "run the TensorFlow lab end to end on its bundled data, then the estimator on it; writes lab05.svg",
    positionals: [],
    options: [{ name: "out", kind: "string", value: "DIR", help: "directory for lab05.svg (created if missing)", default: "the current directory" }],
  },
  load: () => import("./commands/demo.js"),
};

/** Every command, in the order of --help. */
export const COMMANDS: readonly Command[] = [TRAIN, PREDICT, EVAL, CV, PLOT, DEMO];
