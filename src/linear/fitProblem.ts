// Turns validated inputs into the objectives the solvers minimise (binary, multinomial, or one
// binary problem per class for one-vs-rest), runs the chosen solver on each, and summarises.
import { kernelsFor } from "../kernels/registry.js";
import { releaseDesignMatrix } from "../kernels/wasm/design-matrix.js";
import type { DesignMatrix } from "../kernels/types.js";
import { adam } from "./adam.js";
import { lbfgs } from "./lbfgs.js";
import { defaultEpochs, MINIBATCH_AVERAGE_FROM } from "./minibatch.js";
import { newtonCg } from "./newtonCg.js";
import { BinaryObjective, MultinomialObjective } from "./objective.js";
import type { Objective } from "./objective.js";
import type { ResolvedParams, SolverName } from "./options.js";
import { owlqn } from "./owlqn.js";
import { sgd, sgdDefaultLearningRate } from "./sgd.js";
import type { IterationInfo, SolverResult } from "./solver.js";

/** Default base step size of adam (on the mean objective, in parameter units). */
export const ADAM_DEFAULT_LEARNING_RATE = 0.05;

/** How the classes are modelled: one binary row, a full softmax, or one binary problem per class. */
export type FittedMultiClass = "binary" | "multinomial" | "ovr";

/** What a fit needs beyond the parameters. */
export interface FitInput {
  X: DesignMatrix;
  n: number;
  d: number;
  K: number;
  /** Class index of each row. */
  yIndex: Int32Array;
  /** Sample weight × C of each row (class weights are applied here). */
  baseWeight: Float64Array;
  mode: FittedMultiClass;
  /** Starting parameters per problem (null: zeros). */
  start: Float64Array[] | null;
  onIteration?: ((info: IterationInfo) => boolean | void) | undefined;
}

/** A solved problem and its objective (for the summary). */
export interface SolvedProblem {
  result: SolverResult;
  solver: Exclude<SolverName, "auto">;
}

/** The solver "auto" resolves to for a penalty. */
export function resolveSolver(p: ResolvedParams): Exclude<SolverName, "auto"> {
  if (p.solver !== "auto") return p.solver;
  return p.penalty === "l1" || p.penalty === "elasticnet" ? "owlqn" : "newton";
}

/** Weights of the ½‖W‖² and ‖W‖₁ terms for a penalty. */
export function penaltyWeights(p: ResolvedParams): { alpha: number; beta: number } {
  switch (p.penalty) {
    case "l2":
      return { alpha: 1, beta: 0 };
    case "l1":
      return { alpha: 0, beta: 1 };
    case "elasticnet":
      return { alpha: 1 - p.l1Ratio, beta: p.l1Ratio };
    case "none":
      return { alpha: 0, beta: 0 };
  }
}

/** Balanced class weights n / (k · count) for class indices with k classes (classes without rows get 0). */
export function balancedWeights(yIndex: ArrayLike<number>, k: number): Float64Array {
  const count = new Float64Array(k);
  for (let i = 0; i < yIndex.length; i++) count[yIndex[i]!] = count[yIndex[i]!]! + 1;
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) out[c] = count[c]! > 0 ? yIndex.length / (k * count[c]!) : 0;
  return out;
}

function runSolver(solver: Exclude<SolverName, "auto">, obj: Objective, w0: Float64Array, p: ResolvedParams, onIteration: FitInput["onIteration"]): SolverResult {
  const base = { maxIter: p.maxIter, tol: p.tol, onIteration };
  switch (solver) {
    case "lbfgs":
      return lbfgs(obj, w0, base);
    case "newton":
      return newtonCg(obj, w0, base);
    case "owlqn":
      return owlqn(obj, w0, base);
    case "sgd":
    case "adam": {
      const epochs = p.epochs === "auto" ? defaultEpochs(obj.rows, p.batchSize) : p.epochs;
      const learningRate = p.learningRate !== "auto" ? p.learningRate : solver === "sgd" ? sgdDefaultLearningRate(obj, p.batchSize) : ADAM_DEFAULT_LEARNING_RATE;
      const settings = { ...base, maxIter: epochs, batchSize: p.batchSize, learningRate, seed: p.seed, averageFrom: MINIBATCH_AVERAGE_FROM, momentum: p.momentum };
      return solver === "sgd" ? sgd(obj, w0, settings) : adam(obj, w0, settings);
    }
  }
}

/** Builds the objective(s) for the input and solves each; one result per problem (ovr: one per class). */
export function solveProblems(input: FitInput, p: ResolvedParams, classWeight: Float64Array | ((yBin: Float64Array) => Float64Array)): SolvedProblem[] {
  const { X, n, d, K, yIndex, baseWeight, mode } = input;
  const { alpha, beta } = penaltyWeights(p);
  const kernels = kernelsFor(X);
  const solver = resolveSolver(p);
  const out: SolvedProblem[] = [];
  const tasks = mode === "ovr" ? K : 1;
  for (let t = 0; t < tasks; t++) {
    let obj: Objective;
    let labels: Float64Array | Int32Array = yIndex;
    const rowWeight = new Float64Array(n);
    if (mode === "multinomial") {
      const cw = classWeight as Float64Array;
      for (let i = 0; i < n; i++) rowWeight[i] = baseWeight[i]! * cw[yIndex[i]!]!;
      obj = new MultinomialObjective({ X, n, d, K, y: yIndex, rowWeight }, p.fitIntercept, alpha, beta, kernels);
    } else {
      const pos = mode === "binary" ? 1 : t;
      const yBin = new Float64Array(n);
      labels = yBin;
      for (let i = 0; i < n; i++) yBin[i] = yIndex[i] === pos ? 1 : 0;
      const cw = typeof classWeight === "function" ? classWeight(yBin) : null;
      for (let i = 0; i < n; i++) {
        rowWeight[i] = baseWeight[i]! * (cw !== null ? cw[yBin[i]!]! : (classWeight as Float64Array)[yIndex[i]!]!);
      }
      obj = new BinaryObjective({ X, n, d, y: yBin, rowWeight }, p.fitIntercept, alpha, beta, kernels);
    }
    const w0 = input.start?.[t] ?? new Float64Array(obj.dim);
    const cb = input.onIteration;
    const onIteration = cb === undefined ? undefined : mode === "ovr" ? (info: IterationInfo) => cb({ ...info, task: t }) : cb;
    try {
      out.push({ result: runSolver(solver, obj, w0, p, onIteration), solver });
    } finally {
      // The kernels keep WebAssembly copies of y and rowWeight until garbage collection, which a
      // loop of fits without an event-loop turn never reaches: free them now.
      releaseDesignMatrix(rowWeight);
      releaseDesignMatrix(labels);
    }
  }
  return out;
}
