// The epoch loop shared by the stochastic solvers (sgd, adam): each epoch visits the rows in a
// fresh seeded order, `Dataset.range(n).shuffle(n, { seed }).batch(b)` (int32 index batches;
// the Dataset reshuffles on every pass), and takes one step per mini-batch
// on the mean objective F(w)/n. The step size decays over the run and the reported
// parameters are the running average of the iterates over the later epochs (Polyak–Ruppert), which
// cancels most of the gradient noise. After each epoch the full objective is evaluated for the
// history, the progress callback and the stopping rule.
import { Dataset } from "../data/dataset.js";
import type { Objective } from "./objective.js";
import { gradNormAtZero, infNorm, l1Norm, Monitor, pseudoGradient } from "./solver.js";
import type { SolverResult, SolverSettings, StopReason } from "./solver.js";

/** One stochastic update rule (plain SGD or Adam). */
export interface StepRule {
  /**
   * Updates w in place from g, the mini-batch gradient of the smooth part of the mean objective,
   * with base step size lr; then applies the proximal step of l1PerRow·‖W‖₁ (exact zeros).
   */
  step(w: Float64Array, g: Float64Array, lr: number, l1PerRow: number, penalized: Uint8Array): void;
}

/** Settings of the stochastic solvers. */
export interface MinibatchSettings extends SolverSettings {
  /** Rows per mini-batch. */
  batchSize: number;
  /** Base step size (on the mean objective). */
  learningRate: number;
  /** Seed of the row order. */
  seed: number;
  /** Fraction of the epochs after which iterate averaging starts. */
  averageFrom: number;
}

/** Default number of epochs: enough for MINIBATCH_STEP_BUDGET steps, and at least MINIBATCH_MIN_EPOCHS. */
export function defaultEpochs(rows: number, batchSize: number): number {
  const stepsPerEpoch = Math.ceil(rows / Math.max(1, Math.min(batchSize, rows)));
  return Math.max(MINIBATCH_MIN_EPOCHS, Math.ceil(MINIBATCH_STEP_BUDGET / stepsPerEpoch));
}

/** Mini-batch steps a default sgd or adam run takes at least. */
export const MINIBATCH_STEP_BUDGET = 10000;
/** Epochs a default sgd or adam run takes at least. */
export const MINIBATCH_MIN_EPOCHS = 50;
/** Fraction of the epochs after which the iterates are averaged. */
export const MINIBATCH_AVERAGE_FROM = 0.75;

/** Soft-thresholding: the proximal map of t·|x|. */
export function softThreshold(x: number, t: number): number {
  return x > t ? x - t : x < -t ? x + t : 0;
}

/** Runs `settings.maxIter` epochs of mini-batch updates with `rule` from w0. */
export function minibatch(obj: Objective, w0: Float64Array, settings: MinibatchSettings, rule: StepRule): SolverResult {
  const dim = obj.dim;
  const n = obj.rows;
  const gRef = gradNormAtZero(obj);
  const mon = new Monitor(obj, settings, gRef);
  const w = Float64Array.from(w0);
  const avg = Float64Array.from(w0);
  const g = new Float64Array(dim);
  const pg = new Float64Array(dim);
  const l1PerRow = obj.l1 / n;
  const epochs = settings.maxIter;
  const batchSize = Math.min(settings.batchSize, n);
  const stepsPerEpoch = Math.ceil(n / batchSize);
  const totalSteps = epochs * stepsPerEpoch;
  const averageStart = Math.floor(settings.averageFrom * epochs) * stepsPerEpoch;
  const batches = Dataset.range(n).shuffle(n, { seed: settings.seed }).batch(batchSize);
  let t = 0;
  let averaged = 0;
  let f = NaN;
  let gInf = NaN;
  let reason: StopReason | null = null;
  while (reason === null) {
    for (const batch of batches) {
      const idx = batch.dataSync() as Int32Array;
      // Step size decays linearly from its base value to zero over the run.
      const lr = settings.learningRate * (1 - t / totalSteps);
      obj.batchValue(idx, idx.length, 1 / idx.length, 1 / n, w, g);
      rule.step(w, g, lr, l1PerRow, obj.penalized);
      t++;
      if (t > averageStart) {
        averaged++;
        const c = 1 / averaged;
        for (let j = 0; j < dim; j++) avg[j] = avg[j]! + c * (w[j]! - avg[j]!);
      } else {
        avg.set(w);
      }
    }
    // Adam's per-coordinate steps can drift along directions the objective is flat in (the sum of
    // the multinomial intercepts); re-centre there, which changes no prediction.
    obj.project(avg);
    f = obj.value(avg, g) + l1Norm(obj, avg);
    pseudoGradient(obj, avg, g, pg);
    gInf = infNorm(pg);
    reason = mon.record(f, gInf, obj.lastDataLoss);
  }
  return { w: avg, nIter: mon.iteration, reason, objective: f, history: mon.history, gradNorm: gInf, gradNormAtZero: gRef };
}
