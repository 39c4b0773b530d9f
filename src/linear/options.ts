// Options of LogisticRegression: their types, defaults, and validation (every bad value is a
// ValueError naming the option, the value, and the allowed values).
import { ValueError } from "../errors.js";
import type { IterationInfo } from "./solver.js";

/** Penalty on the coefficients (intercepts are never penalised). */
export type Penalty = "l2" | "l1" | "elasticnet" | "none";
/** Optimisation algorithm; "auto" picks newton for l2/none and owlqn for l1/elasticnet. */
export type SolverName = "auto" | "lbfgs" | "newton" | "sgd" | "adam" | "owlqn";
/** How more than two classes are fitted. */
export type MultiClass = "auto" | "multinomial" | "ovr";
/** Storage of X during fit: "auto" is float64 when n·d ≤ 1,000,000, float32 above. */
export type Precision = "auto" | "float32" | "float64";
/** Class weights: "balanced" (n / (k · count)) or a weight per class label (missing classes weigh 1). */
export type ClassWeight = "balanced" | Readonly<Record<string, number>>;

/** The JSON-able options of LogisticRegression (everything except the callbacks). */
export interface LogisticRegressionParams {
  /** Penalty (default "l2"). */
  penalty?: Penalty;
  /** Inverse regularisation strength: objective C·Σ loss + penalty (default 1). */
  C?: number;
  /** Elastic-net mix in [0, 1]: l1Ratio‖W‖₁ + (1 − l1Ratio)/2‖W‖² (default 0.5; used by "elasticnet" only). */
  l1Ratio?: number;
  /** Fit an intercept per class (default true). */
  fitIntercept?: boolean;
  /** Solver (default "auto"). */
  solver?: SolverName;
  /** Iteration cap of lbfgs, newton and owlqn (default 1000). */
  maxIter?: number;
  /** Stop when max|gradient| ≤ tol × its value at zero coefficients (for L1: the minimum-norm subgradient; default 1e-12). */
  tol?: number;
  /** Class weights (default none). */
  classWeight?: ClassWeight | null;
  /** Multi-class strategy (default "auto": binary for two classes, multinomial for more). */
  multiClass?: MultiClass;
  /** Start the next fit from the current coefficients when the problem has the same shape (default false). */
  warmStart?: boolean;
  /** Seed of the row order of sgd and adam (default 0). */
  seed?: number;
  /** Base step size of sgd and adam on the mean objective; "auto" (default): sgd 1/(batch smoothness), adam 0.05. It decays linearly to 0. */
  learningRate?: number | "auto";
  /** Rows per mini-batch of sgd and adam (default 32). */
  batchSize?: number;
  /** Passes over the data of sgd and adam; "auto" (default): at least 50 and enough for 10,000 steps. */
  epochs?: number | "auto";
  /** Heavy-ball momentum of sgd in [0, 1) (default 0.9). */
  momentum?: number;
  /** Storage of X during fit (default "auto"). */
  precision?: Precision;
}

/** All options of LogisticRegression: the JSON-able parameters plus callbacks. */
export interface LogisticRegressionOptions extends LogisticRegressionParams {
  /** Called after each iteration (epoch for sgd/adam); returning false stops the fit. */
  onIteration?: (info: IterationInfo) => boolean | void;
  /** Receives warnings (not converged, separable data…); default console.warn. */
  onWarning?: (message: string) => void;
}

/** Fully resolved parameters. */
export interface ResolvedParams {
  penalty: Penalty;
  C: number;
  l1Ratio: number;
  fitIntercept: boolean;
  solver: SolverName;
  maxIter: number;
  tol: number;
  classWeight: ClassWeight | null;
  multiClass: MultiClass;
  warmStart: boolean;
  seed: number;
  learningRate: number | "auto";
  batchSize: number;
  epochs: number | "auto";
  momentum: number;
  precision: Precision;
}

/** Default values of every parameter. */
export const DEFAULT_PARAMS: Readonly<ResolvedParams> = {
  penalty: "l2",
  C: 1,
  l1Ratio: 0.5,
  fitIntercept: true,
  solver: "auto",
  maxIter: 1000,
  tol: 1e-12,
  classWeight: null,
  multiClass: "auto",
  warmStart: false,
  seed: 0,
  learningRate: "auto",
  batchSize: 32,
  epochs: "auto",
  momentum: 0.9,
  precision: "auto",
};

const PARAM_NAMES = Object.keys(DEFAULT_PARAMS) as (keyof ResolvedParams)[];

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  throw new ValueError(`LogisticRegression: option ${name} is ${JSON.stringify(v)}; allowed values: ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
}

function num(name: string, v: unknown, ok: (x: number) => boolean, rule: string): number {
  if (typeof v === "number" && Number.isFinite(v) && ok(v)) return v;
  throw new ValueError(`LogisticRegression: option ${name} is ${typeof v === "number" ? String(v) : JSON.stringify(v)}; it must be ${rule}`);
}

function bool(name: string, v: unknown): boolean {
  if (typeof v === "boolean") return v;
  throw new ValueError(`LogisticRegression: option ${name} is ${JSON.stringify(v)}; it must be true or false`);
}

/** Validates options (unknown names included) and fills in defaults. */
export function resolveParams(opts: LogisticRegressionOptions): ResolvedParams {
  if (typeof opts !== "object" || opts === null) throw new ValueError("LogisticRegression: options must be an object");
  for (const key of Object.keys(opts)) {
    if (!(PARAM_NAMES as string[]).includes(key) && key !== "onIteration" && key !== "onWarning") {
      throw new ValueError(`LogisticRegression: unknown option ${JSON.stringify(key)}; known options: ${[...PARAM_NAMES, "onIteration", "onWarning"].join(", ")}`);
    }
  }
  const get = <K extends keyof ResolvedParams>(k: K): unknown => (opts[k] === undefined ? DEFAULT_PARAMS[k] : opts[k]);
  const penalty = oneOf("penalty", get("penalty"), ["l2", "l1", "elasticnet", "none"] as const);
  const solver = oneOf("solver", get("solver"), ["auto", "lbfgs", "newton", "sgd", "adam", "owlqn"] as const);
  if ((penalty === "l1" || penalty === "elasticnet") && (solver === "lbfgs" || solver === "newton")) {
    throw new ValueError(`LogisticRegression: solver "${solver}" needs a smooth objective and cannot handle penalty "${penalty}"; use solver "owlqn" (exact zeros), "sgd" or "adam", or "auto"`);
  }
  const cw = get("classWeight");
  let classWeight: ClassWeight | null = null;
  if (cw === "balanced") classWeight = "balanced";
  else if (cw !== null) {
    if (typeof cw !== "object" || Array.isArray(cw)) {
      throw new ValueError(`LogisticRegression: option classWeight is ${JSON.stringify(cw)}; it must be "balanced", null, or an object mapping class labels to weights`);
    }
    for (const [k, v] of Object.entries(cw as Record<string, unknown>)) {
      num(`classWeight[${JSON.stringify(k)}]`, v, (x) => x >= 0, "a finite number ≥ 0");
    }
    classWeight = { ...(cw as Record<string, number>) };
  }
  const lr = get("learningRate");
  const ep = get("epochs");
  if (opts.onIteration !== undefined && typeof opts.onIteration !== "function") throw new ValueError("LogisticRegression: option onIteration must be a function");
  if (opts.onWarning !== undefined && typeof opts.onWarning !== "function") throw new ValueError("LogisticRegression: option onWarning must be a function");
  return {
    penalty,
    C: num("C", get("C"), (x) => x > 0, "a finite number > 0"),
    l1Ratio: num("l1Ratio", get("l1Ratio"), (x) => x >= 0 && x <= 1, "a number in [0, 1]"),
    fitIntercept: bool("fitIntercept", get("fitIntercept")),
    solver,
    maxIter: num("maxIter", get("maxIter"), (x) => Number.isInteger(x) && x >= 1, "an integer ≥ 1"),
    tol: num("tol", get("tol"), (x) => x >= 0, "a finite number ≥ 0"),
    classWeight,
    multiClass: oneOf("multiClass", get("multiClass"), ["auto", "multinomial", "ovr"] as const),
    warmStart: bool("warmStart", get("warmStart")),
    seed: num("seed", get("seed"), (x) => Number.isInteger(x), "an integer"),
    learningRate: lr === "auto" ? "auto" : num("learningRate", lr, (x) => x > 0, 'a finite number > 0 or "auto"'),
    batchSize: num("batchSize", get("batchSize"), (x) => Number.isInteger(x) && x >= 1, "an integer ≥ 1"),
    epochs: ep === "auto" ? "auto" : num("epochs", ep, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1 or "auto"'),
    momentum: num("momentum", get("momentum"), (x) => x >= 0 && x < 1, "a number in [0, 1)"),
    precision: oneOf("precision", get("precision"), ["auto", "float32", "float64"] as const),
  };
}
