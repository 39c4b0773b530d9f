// The options shared by `train` and `cv`: which column is the target, the estimator's settings, standardisation.
import type { OptionSpec } from "./args.js";

/** Solvers accepted by --solver ("auto" lets the estimator choose). */
export const SOLVERS = ["auto", "lbfgs", "newton", "owlqn", "sgd", "adam"] as const;

/** Reading options of every command that reads a training CSV. */
export const DATA_OPTIONS: readonly OptionSpec[] = [
  { name: "target", kind: "string", value: "NAME", help: "the label column by name (default: the last column)" },
  { name: "target-index", kind: "int", value: "I", help: "the label column by 0-based index, negative from the end", range: "a whole number (0 = first column, -1 = last)" },
  { name: "no-header", kind: "flag", help: "the first row is data, not column names" },
];

/** The estimator options of `train` and `cv`. */
export const FIT_OPTIONS: readonly OptionSpec[] = [
  { name: "penalty", kind: "choice", choices: ["l2", "l1", "elasticnet", "none"], help: "regularisation", default: "l2" },
  { name: "C", kind: "number", min: 0, minExclusive: true, help: "inverse regularisation strength", default: "1" },
  { name: "l1-ratio", kind: "number", min: 0, max: 1, help: "elastic-net mix: 0 = L2, 1 = L1", default: "0.5" },
  { name: "solver", kind: "choice", choices: SOLVERS, help: "optimisation algorithm (auto: newton for l2/none, owlqn for l1/elasticnet)", default: "auto" },
  { name: "max-iter", kind: "int", min: 1, help: "iteration cap (epochs for sgd and adam)", default: "1000" },
  { name: "tol", kind: "number", min: 0, minExclusive: true, help: "stop when the largest gradient entry ≤ tol × its value at zero", default: "1e-12" },
  { name: "no-standardize", kind: "flag", help: "train on the raw features (no StandardScaler)" },
  { name: "class-weight", kind: "choice", choices: ["balanced", "none"], help: "weigh classes by n / (k · count)", default: "none" },
  { name: "multi-class", kind: "choice", choices: ["auto", "multinomial", "ovr"], help: "softmax or one-vs-rest for > 2 classes", default: "auto" },
  { name: "no-intercept", kind: "flag", help: "fit no intercept" },
  { name: "seed", kind: "int", min: 0, max: 4294967295, help: "seed of the split and of the stochastic solvers", default: "0" },
];
