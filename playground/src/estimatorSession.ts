// Training with lbfgs or newton through the LogisticRegression estimator itself. The estimator's
// onIteration callback reports the objective but not the coefficients, so iteration k is shown
// by fitting with maxIter = k from zero: both solvers are deterministic, so these fits are
// exactly the first k iterations of the full run (and the last one is the full run itself).
import { LogisticRegression, type LogisticRegressionJSON, type LogisticRegressionOptions } from "../../src/index.js";
import { estimatorJSON } from "./estimatorJson.js";
import { classesOf, meanLoss, zeroModel } from "./linearModel.js";
import type { Session } from "./session.js";
import type { Frame, HistoryEntry, LinearModel, Point, StopReason, TrainOptions } from "./types.js";

/** An lbfgs or newton run, one estimator iteration per step. */
export class EstimatorSession implements Session {
  iteration = 0;
  finished: StopReason | null = null;
  private readonly X: number[][];
  private readonly y: number[];
  private readonly classes: number[];
  private estimator: LogisticRegression | null = null;
  private current: LinearModel;
  private last: HistoryEntry;

  constructor(
    readonly key: string,
    private readonly points: readonly Point[],
    private readonly options: TrainOptions,
  ) {
    this.X = points.map((p) => [p.x, p.y]);
    this.y = points.map((p) => p.label);
    this.classes = classesOf(points);
    this.current = zeroModel(this.classes);
    // With W = 0 and b = 0 every class has probability 1/K: the cost is ln K.
    const loss = Math.log(this.classes.length);
    this.last = { iteration: 0, loss, objective: (options.penalty === "l2" ? options.C : 1) * points.length * loss };
  }

  /** The estimator options for a fit of `maxIter` iterations. */
  private params(maxIter: number): LogisticRegressionOptions {
    const o = this.options;
    return { solver: o.solver, penalty: o.penalty, C: o.C, maxIter, tol: o.tol, multiClass: "auto", onWarning: () => undefined };
  }

  step(): HistoryEntry {
    if (this.finished) return this.last;
    const k = this.iteration + 1;
    const est = new LogisticRegression(this.params(k)).fit(this.X, this.y);
    this.estimator = est;
    this.current = { classes: est.classes.map(Number), W: est.coef.map((r) => [r[0]!, r[1]!]), b: est.intercept.slice() };
    this.iteration = est.nIter;
    this.last = { iteration: est.nIter, loss: meanLoss(this.current, this.points), objective: est.objective };
    if (est.converged) this.finished = "converged";
    else if (est.nIter < k) this.finished = est.warnings.some((w) => w.includes("separable")) ? "separable" : "stalled";
    else if (k >= this.options.maxIter) this.finished = "maxIter";
    return this.last;
  }

  model(): LinearModel {
    return { classes: [...this.current.classes], W: this.current.W.map((r) => r.slice()), b: this.current.b.slice() };
  }

  frame(): Frame {
    return { ...this.last, model: this.model() };
  }

  estimatorJSON(): LogisticRegressionJSON {
    // Before the first iteration there is no fit yet: save the zero model with the same options.
    if (!this.estimator) {
      const { onWarning: _drop, ...options } = this.params(this.options.maxIter);
      return estimatorJSON(this.current, options, 0, this.last.objective, []);
    }
    const json = this.estimator.toJSON();
    return { ...json, options: { ...json.options, maxIter: this.options.maxIter } };
  }
}
