// From the parsed train/cv options to the estimator's options, and the fit with its progress bar and warnings.
// Modules imported one by one rather than through index.js: `logreg train` then loads only what it uses.
import { LogisticRegression } from "../linear/logisticRegression.js";
import type { LogisticRegressionOptions } from "../linear/options.js";
import type { Label } from "../metrics/labels.js";
import type { FlatMatrix } from "../preprocess/matrix.js";
import { StandardScaler } from "../preprocess/standardScaler.js";
import type { ParsedArgs } from "./args.js";
import { fitStorage, type FitStorage } from "./fitStorage.js";
import { ProgressBar } from "./progress.js";
import { writeErr } from "./output.js";

/** The estimator options given on the command line (callbacks are added at fit time). */
export function estimatorOptions(args: ParsedArgs): LogisticRegressionOptions {
  const o: LogisticRegressionOptions = {};
  const penalty = args.string("penalty");
  if (penalty !== undefined) o.penalty = penalty as NonNullable<LogisticRegressionOptions["penalty"]>;
  const C = args.number("C");
  if (C !== undefined) o.C = C;
  const l1Ratio = args.number("l1-ratio");
  if (l1Ratio !== undefined) o.l1Ratio = l1Ratio;
  const solver = args.string("solver");
  if (solver !== undefined) o.solver = solver as NonNullable<LogisticRegressionOptions["solver"]>;
  const maxIter = args.number("max-iter");
  if (maxIter !== undefined) o.maxIter = maxIter;
  const tol = args.number("tol");
  if (tol !== undefined) o.tol = tol;
  const classWeight = args.string("class-weight");
  if (classWeight === "balanced") o.classWeight = "balanced";
  const multiClass = args.string("multi-class");
  if (multiClass !== undefined) o.multiClass = multiClass as NonNullable<LogisticRegressionOptions["multiClass"]>;
  if (args.flag("no-intercept")) o.fitIntercept = false;
  o.seed = args.number("seed") ?? 0;
  return o;
}

/** How long a fit runs before its bar appears: 1000 ms, or LOGREG_PROGRESS_DELAY_MS (a whole number ≥ 0). */
export function progressDelayMs(): number {
  const v = process.env["LOGREG_PROGRESS_DELAY_MS"];
  const ms = v === undefined || !/^\d+$/.test(v) ? NaN : Number(v);
  return Number.isSafeInteger(ms) ? ms : 1000;
}

/** A progress bar for one fit: iterations out of --max-iter, or a running count of epochs for sgd and adam. */
export function newBar(label: string, options: LogisticRegressionOptions, quiet: boolean): ProgressBar {
  const stochastic = options.solver === "sgd" || options.solver === "adam";
  const total = stochastic ? undefined : options.maxIter;
  return new ProgressBar(label, total, ProgressBar.wanted(quiet), process.stderr, progressDelayMs(), stochastic ? "epoch" : "iteration");
}

/** A fitted scaler (or none) and estimator. */
export interface FittedPipeline {
  scaler: StandardScaler | null;
  estimator: LogisticRegression;
  /** The training rows as the estimator saw them (after the scaler, in the estimator's storage). */
  xSeen: FlatMatrix;
  /** xSeen's storage (release it with releaseStorage when done). */
  seen: FitStorage;
}

/**
 * Fits the optional StandardScaler and then the estimator on (X, y), drawing a progress bar on a
 * terminal for fits that take more than a second and printing the estimator's warnings to stderr.
 */
export function fitPipeline(
  X: FlatMatrix,
  y: readonly Label[],
  options: LogisticRegressionOptions,
  standardize: boolean,
  quiet: boolean,
  label = "fitting",
): FittedPipeline {
  const scaler = standardize ? new StandardScaler().fit(X) : null;
  // one conversion to the estimator's storage, shared by the fit and the training figures
  const seen = fitStorage(scaler === null ? X : scaler.transform(X));
  const xSeen = seen.X;
  const bar = newBar(label, options, quiet);
  const estimator = new LogisticRegression({
    ...options,
    onIteration: (info) => {
      bar.update(info.iteration, info.objective);
    },
    onWarning: (w) => {
      bar.done();
      if (!quiet) writeErr(`warning: ${w}`);
    },
  });
  try {
    estimator.fit(xSeen, y);
  } finally {
    bar.done();
  }
  return { scaler, estimator, xSeen, seen };
}
