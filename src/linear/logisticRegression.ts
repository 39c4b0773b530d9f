// LogisticRegression: a scikit-learn style estimator that lands on the exact optimum of the
// regularised logistic objective (C·Σ w_i loss_i + penalty; intercepts not penalised).
import { ModelFileError, NotFittedError, ShapeError, ValueError } from "../errors.js";
import type { DesignMatrix } from "../kernels/types.js";
import { kernelsFor } from "../kernels/registry.js";
import { releaseDesignMatrix } from "../kernels/wasm/design-matrix.js";
import { balancedWeights, resolveSolver, solveProblems } from "./fitProblem.js";
import type { FittedMultiClass } from "./fitProblem.js";
import { encodeLabels, readLabels, readMatrix, readSampleWeight, sortedClasses } from "./input.js";
import type { ClassLabel, Labels, Matrix } from "./input.js";
import { resolveParams } from "./options.js";
import type { LogisticRegressionOptions, LogisticRegressionParams, ResolvedParams, SolverName } from "./options.js";
import { parseModelJSON } from "./modelJSON.js";
import type { LogisticRegressionJSON } from "./modelJSON.js";

/** Options of LogisticRegression.fit. */
export interface FitOptions {
  /** Weight of each row (length n, finite, ≥ 0); multiplies C and the class weight. */
  sampleWeight?: ArrayLike<number>;
}

interface FittedState {
  classes: ClassLabel[];
  coef: number[][];
  intercept: number[];
  multiClass: FittedMultiClass;
  nFeatures: number;
  nIter: number;
  converged: boolean;
  objective: number;
  history: number[];
  warnings: string[];
}

/** Fraction of the starting gradient below which a stalled solver counts as converged (float64 noise floor). */
const STALL_CONVERGED = 1e-6;

function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Logistic regression (binary, multinomial or one-vs-rest) fitted to the exact optimum.
 * @example
 * const model = new LogisticRegression({ C: 1 }).fit(X, y);
 * model.predictProba(X);
 */
export class LogisticRegression {
  /** The options as given to the constructor (validated by fit). */
  readonly options: LogisticRegressionOptions;
  private state: FittedState | null = null;

  /** Stores the options; nothing is validated until fit. */
  constructor(options: LogisticRegressionOptions = {}) {
    this.options = options;
  }

  /** True once fit (or fromJSON) has produced coefficients. */
  get isFitted(): boolean {
    return this.state !== null;
  }

  private fitted(what: string): FittedState {
    if (this.state === null) throw new NotFittedError(`LogisticRegression (${what})`);
    return this.state;
  }

  /** Coefficients, one row per class (binary: one row), nFeatures columns. */
  get coef(): number[][] {
    return this.fitted("coef").coef.map((r) => r.slice());
  }
  /** Intercepts, one per coefficient row (0 when fitIntercept is false). */
  get intercept(): number[] {
    return this.fitted("intercept").intercept.slice();
  }
  /** The class labels, sorted (numbers ascending, strings lexically). */
  get classes(): ClassLabel[] {
    return this.fitted("classes").classes.slice();
  }
  /** How the classes were modelled. */
  get multiClass(): FittedMultiClass {
    return this.fitted("multiClass").multiClass;
  }
  /** Number of features seen in fit. */
  get nFeatures(): number {
    return this.fitted("nFeatures").nFeatures;
  }
  /** Iterations (epochs for sgd/adam) the solver ran (one-vs-rest: the most of any class). */
  get nIter(): number {
    return this.fitted("nIter").nIter;
  }
  /** Whether the stopping rule was met (one-vs-rest: for every class). */
  get converged(): boolean {
    return this.fitted("converged").converged;
  }
  /** Final objective C·Σ w_i loss_i + penalty, in float64 (one-vs-rest: the sum over classes). */
  get objective(): number {
    return this.fitted("objective").objective;
  }
  /** Objective after each iteration. */
  get history(): number[] {
    return this.fitted("history").history.slice();
  }
  /** Warnings of the last fit (also sent to onWarning). */
  get warnings(): string[] {
    return this.fitted("warnings").warnings.slice();
  }

  /** Fits the model to rows X and labels y; returns this. */
  fit(X: Matrix, y: Labels, options: FitOptions = {}): this {
    const where = "LogisticRegression.fit";
    const p = resolveParams(this.options);
    const { X: data, n, d, owned } = readMatrix(where, X, p.precision);
    try {
      return this.fitMatrix(where, p, data, n, d, y, options);
    } finally {
      // The estimator keeps no reference to X: a copy made for the fit is freed now, not at garbage collection.
      if (owned) releaseDesignMatrix(data);
    }
  }

  private fitMatrix(where: string, p: ResolvedParams, data: DesignMatrix, n: number, d: number, y: Labels, options: FitOptions): this {
    const labels = readLabels(where, y, n);
    const classes = sortedClasses(labels);
    const K = classes.length;
    if (K < 2) {
      throw new ValueError(`${where}: y has only one class (${JSON.stringify(classes[0])}); a classifier needs samples of at least two classes`);
    }
    const yIndex = encodeLabels(labels, classes);
    const sw = options.sampleWeight === undefined ? null : readSampleWeight(where, options.sampleWeight, n);
    const baseWeight = new Float64Array(n);
    for (let i = 0; i < n; i++) baseWeight[i] = p.C * (sw === null ? 1 : sw[i]!);
    const mode: FittedMultiClass = K === 2 && p.multiClass !== "multinomial" ? "binary" : p.multiClass === "ovr" ? "ovr" : "multinomial";
    const classWeight = classWeights(where, p, classes, yIndex, mode);

    const prev = this.state;
    const warm =
      p.warmStart && prev !== null && prev.nFeatures === d && prev.multiClass === mode &&
      prev.classes.length === K && prev.classes.every((c, k) => c === classes[k]);
    const start = warm ? startingPoints(prev, d) : null;

    const solved = solveProblems({ X: data, n, d, K, yIndex, baseWeight, mode, start, onIteration: this.options.onIteration }, p, classWeight);

    const rows = mode === "multinomial" ? K : mode === "ovr" ? K : 1;
    const coef: number[][] = [];
    const intercept: number[] = [];
    for (let k = 0; k < rows; k++) {
      const w = mode === "ovr" ? solved[k]!.result.w : solved[0]!.result.w;
      const off = mode === "multinomial" ? k * (d + 1) : 0;
      coef.push(Array.from(w.subarray(off, off + d)));
      intercept.push(p.fitIntercept ? w[off + d]! : 0);
    }
    const warnings: string[] = [];
    let converged = true;
    solved.forEach(({ result: r, solver }, t) => {
      const task = mode === "ovr" ? ` (class ${JSON.stringify(classes[t])} vs rest)` : "";
      const rel = r.gradNormAtZero > 0 ? r.gradNorm / r.gradNormAtZero : 0;
      const gradText = `max|gradient| = ${r.gradNorm.toExponential(2)} (${rel.toExponential(2)} × its value at zero, tol ${p.tol})`;
      switch (r.reason) {
        case "converged":
          break;
        case "callback":
          converged = false;
          break;
        case "stalled":
          if (rel > STALL_CONVERGED) {
            converged = false;
            warnings.push(`LogisticRegression${task}: solver ${solver} could not decrease the objective further after ${r.nIter} iterations; ${gradText}. The features may be badly scaled: standardise them (StandardScaler) or try solver "newton"`);
          }
          break;
        case "maxIter":
          converged = false;
          warnings.push(
            solver === "sgd" || solver === "adam"
              ? `LogisticRegression${task}: ${solver} ran its ${r.nIter} epochs without meeting the stopping rule; ${gradText}. The coefficients are approximate: raise epochs, or use solver "newton" (or "owlqn" for L1) for the exact optimum`
              : `LogisticRegression${task}: solver ${solver} did not converge in maxIter = ${p.maxIter} iterations; ${gradText}. Raise maxIter, standardise the features, or try solver "newton"`,
          );
          break;
        case "separable":
          converged = false;
          warnings.push(`LogisticRegression${task}: the training data are perfectly separable and penalty is "none", so the unpenalised log-likelihood has no maximum (the coefficients would grow without bound). Stopped at iteration ${r.nIter}, the first that separates every row; use penalty "l2" (a finite C) for a unique, well-defined solution`);
          break;
      }
    });
    const maxLen = Math.max(...solved.map((s) => s.result.history.length));
    const history: number[] = [];
    for (let it = 0; it < maxLen; it++) {
      let sum = 0;
      for (const s of solved) {
        const h = s.result.history;
        sum += h.length === 0 ? s.result.objective : h[Math.min(it, h.length - 1)]!;
      }
      history.push(sum);
    }
    this.state = {
      classes,
      coef,
      intercept,
      multiClass: mode,
      nFeatures: d,
      nIter: Math.max(...solved.map((s) => s.result.nIter)),
      converged,
      objective: solved.reduce((a, s) => a + s.result.objective, 0),
      history,
      warnings,
    };
    const warn = this.options.onWarning ?? ((m: string) => console.warn(m));
    for (const w of warnings) warn(w);
    return this;
  }

  /** Decision values: n rows × one value per coefficient row (binary: one value, x·coef + intercept). */
  decisionFunction(X: Matrix): number[][] {
    const { z, n, rows } = this.scores(X, "LogisticRegression.decisionFunction");
    const out: number[][] = [];
    for (let i = 0; i < n; i++) out.push(Array.from(z.subarray(i * rows, i * rows + rows)));
    return out;
  }

  /** Class probabilities: n rows × one column per class (in `classes` order); rows sum to 1. */
  predictProba(X: Matrix): number[][] {
    const s = this.fitted("predictProba");
    const { z, n, rows } = this.scores(X, "LogisticRegression.predictProba");
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const zi = z.subarray(i * rows, i * rows + rows);
      if (s.multiClass === "binary") {
        const t = zi[0]!;
        const e = Math.exp(-Math.abs(t));
        const big = 1 / (1 + e);
        const small = e / (1 + e);
        out.push(t >= 0 ? [small, big] : [big, small]);
      } else if (s.multiClass === "multinomial") {
        let m = -Infinity;
        for (const v of zi) m = Math.max(m, v);
        const e = Array.from(zi, (v) => Math.exp(v - m));
        const sum = e.reduce((a, b) => a + b, 0);
        out.push(e.map((v) => v / sum));
      } else {
        const sig = Array.from(zi, (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
        const sum = sig.reduce((a, b) => a + b, 0);
        out.push(sig.map((v) => v / sum));
      }
    }
    return out;
  }

  /** Natural logarithm of predictProba, computed without underflow to −∞ where possible. */
  predictLogProba(X: Matrix): number[][] {
    const s = this.fitted("predictLogProba");
    const { z, n, rows } = this.scores(X, "LogisticRegression.predictLogProba");
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const zi = z.subarray(i * rows, i * rows + rows);
      if (s.multiClass === "binary") {
        const t = zi[0]!;
        out.push([-softplus(t), -softplus(-t)]);
      } else if (s.multiClass === "multinomial") {
        let m = -Infinity;
        for (const v of zi) m = Math.max(m, v);
        let sum = 0;
        for (const v of zi) sum += Math.exp(v - m);
        const lse = m + Math.log(sum);
        out.push(Array.from(zi, (v) => v - lse));
      } else {
        const logSig = Array.from(zi, (v) => -softplus(-v));
        let m = -Infinity;
        for (const v of logSig) m = Math.max(m, v);
        let sum = 0;
        for (const v of logSig) sum += Math.exp(v - m);
        const lse = m + Math.log(sum);
        out.push(logSig.map((v) => v - lse));
      }
    }
    return out;
  }

  /** Predicted class label of each row (the class with the largest decision value). */
  predict(X: Matrix): ClassLabel[] {
    const s = this.fitted("predict");
    const { z, n, rows } = this.scores(X, "LogisticRegression.predict");
    const out: ClassLabel[] = new Array<ClassLabel>(n);
    for (let i = 0; i < n; i++) {
      if (s.multiClass === "binary") {
        out[i] = s.classes[z[i]! > 0 ? 1 : 0]!;
      } else {
        let best = 0;
        for (let k = 1; k < rows; k++) if (z[i * rows + k]! > z[i * rows + best]!) best = k;
        out[i] = s.classes[best]!;
      }
    }
    return out;
  }

  /** Mean accuracy of predict(X) against y. */
  score(X: Matrix, y: Labels): number {
    const pred = this.predict(X);
    const labels = readLabels("LogisticRegression.score", y, pred.length);
    let hit = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === labels[i]) hit++;
    return hit / pred.length;
  }

  private scores(X: Matrix, where: string): { z: Float64Array; n: number; rows: number } {
    const s = this.fitted(where);
    const precision = resolveParams(this.options).precision;
    const { X: data, n, d, owned } = readMatrix(where, X, precision);
    try {
      return this.scoresOf(where, s, data, n, d);
    } finally {
      if (owned) releaseDesignMatrix(data);
    }
  }

  private scoresOf(where: string, s: FittedState, data: DesignMatrix, n: number, d: number): { z: Float64Array; n: number; rows: number } {
    if (d !== s.nFeatures) {
      throw new ShapeError(`${where}: X has ${d} features but the model was fitted with ${s.nFeatures}; give the same columns, in the same order, as in fit`);
    }
    const rows = s.coef.length;
    const kernels = kernelsFor(data);
    const z = new Float64Array(n * rows);
    if (rows === 1) {
      const w = Float64Array.from([...s.coef[0]!, s.intercept[0]!]);
      kernels.binaryDecision(data, n, d, w, true, z);
    } else {
      const W = new Float64Array(rows * (d + 1));
      for (let k = 0; k < rows; k++) {
        W.set(s.coef[k]!, k * (d + 1));
        W[k * (d + 1) + d] = s.intercept[k]!;
      }
      kernels.multinomialDecision(data, n, d, rows, W, true, z);
    }
    // Finite inputs can still overflow x·w (huge coefficients or features): say so rather than return NaN.
    for (let k = 0; k < z.length; k++) {
      if (!Number.isFinite(z[k]!)) {
        const i = Math.floor(k / rows);
        let largest = 0;
        for (const r of s.coef) for (const c of r) largest = Math.max(largest, Math.abs(c));
        throw new ValueError(
          `${where}: the decision value of row ${i} overflows (${z[k]}): the features times the coefficients (largest |coef| ${largest.toExponential(2)}) exceed the floating-point range; check the scale of the features and of the model`,
        );
      }
    }
    return { z, n, rows };
  }

  /** The fitted model as plain JSON (options without callbacks, classes, coefficients, summary). */
  toJSON(): LogisticRegressionJSON {
    const s = this.fitted("toJSON");
    const p = resolveParams(this.options);
    const options: LogisticRegressionParams = { ...p, classWeight: p.classWeight === null ? null : p.classWeight === "balanced" ? "balanced" : { ...p.classWeight } };
    return {
      kind: "LogisticRegression",
      options,
      classes: s.classes.slice(),
      coef: s.coef.map((r) => r.slice()),
      intercept: s.intercept.slice(),
      multiClass: s.multiClass,
      nFeatures: s.nFeatures,
      nIter: s.nIter,
      converged: s.converged,
      objective: s.objective,
      history: s.history.slice(),
    };
  }

  /** The solver a fit with the current options uses ("auto" resolved: newton for l2/none, owlqn for l1/elasticnet). */
  get resolvedSolver(): Exclude<SolverName, "auto"> {
    return resolveSolver(resolveParams(this.options));
  }

  /** Rebuilds a fitted model from toJSON output, checking every field (ModelFileError says what is wrong). */
  static fromJSON(obj: unknown): LogisticRegression {
    const m = parseModelJSON(obj);
    let model: LogisticRegression;
    try {
      resolveParams(m.options);
      model = new LogisticRegression({ ...m.options });
    } catch (e) {
      if (e instanceof ValueError) throw new ModelFileError("LogisticRegression.fromJSON", `options: ${e.message}`);
      throw e;
    }
    model.state = {
      classes: m.classes.slice(),
      coef: m.coef.map((r) => r.slice()),
      intercept: m.intercept.slice(),
      multiClass: m.multiClass,
      nFeatures: m.nFeatures,
      nIter: m.nIter,
      converged: m.converged,
      objective: m.objective,
      history: m.history.slice(),
      warnings: [],
    };
    return model;
  }
}

function classWeights(where: string, p: ResolvedParams, classes: ClassLabel[], yIndex: Int32Array, mode: FittedMultiClass): Float64Array | ((yBin: Float64Array) => Float64Array) {
  const K = classes.length;
  const cw = p.classWeight;
  if (cw === null) return new Float64Array(K).fill(1);
  if (cw === "balanced") {
    // One-vs-rest balances each binary problem (positive class vs the rest), as scikit-learn does.
    if (mode === "ovr") return (yBin: Float64Array) => balancedWeights(yBin, 2);
    return balancedWeights(yIndex, K);
  }
  const out = new Float64Array(K).fill(1);
  const keys = new Map(classes.map((c, k) => [String(c), k]));
  for (const [label, w] of Object.entries(cw)) {
    const k = keys.get(label);
    if (k === undefined) {
      throw new ValueError(`${where}: classWeight names class ${JSON.stringify(label)}, which is not in y; the classes are ${classes.map((c) => JSON.stringify(c)).join(", ")}`);
    }
    out[k] = w;
  }
  return out;
}

function startingPoints(s: FittedState, d: number): Float64Array[] {
  if (s.multiClass === "multinomial") {
    const W = new Float64Array(s.coef.length * (d + 1));
    s.coef.forEach((row, k) => {
      W.set(row, k * (d + 1));
      W[k * (d + 1) + d] = s.intercept[k]!;
    });
    return [W];
  }
  return s.coef.map((row, k) => Float64Array.from([...row, s.intercept[k]!]));
}
