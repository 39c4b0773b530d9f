// Training with sgd or adam the way the TensorFlow lab does it, one epoch per iteration:
// Variables W and b, a GradientTape around the loss of each mini-batch, and the optimizer's
// applyGradients(zip(grads, [W, b])). Binary: σ(x·W + b) with W [2, 1]; K classes: softmax
// with W [2, K]. The loss is the mean cross-entropy of the batch plus ‖W‖² / (2·C·n) for l2,
// i.e. scikit-learn's objective C·Σ loss + ½‖W‖² divided by C·n.
import {
  Adam,
  GradientTape,
  Rng,
  SGD,
  Variable,
  add,
  div,
  logSoftmax,
  matMul,
  mean,
  mul,
  neg,
  softplus,
  square,
  sub,
  sum,
  tensor,
  zeros,
  zip,
  type LogisticRegressionJSON,
  type Optimizer,
  type Tensor,
} from "../../src/index.js";
import { estimatorJSON } from "./estimatorJson.js";
import { classesOf } from "./linearModel.js";
import type { Session } from "./session.js";
import type { Frame, HistoryEntry, LinearModel, Point, StopReason, TrainOptions } from "./types.js";

/** An sgd or adam run over the eager core. */
export class EagerSession implements Session {
  iteration = 0;
  finished: StopReason | null = null;
  private readonly classes: number[];
  /** The points' coordinates, row-major [n, 2]. */
  private readonly xs: Float32Array;
  /** Binary: labels 0/1, [n, 1]; multinomial: one-hot rows, [n, K]. */
  private readonly ys: Float32Array;
  private readonly X: Tensor;
  private readonly Y: Tensor;
  private readonly W: Variable;
  private readonly b: Variable;
  private readonly optimizer: Optimizer;
  private readonly rng: Rng;
  private readonly order: number[];
  private last: HistoryEntry;
  private readonly objectives: number[] = [];

  constructor(
    readonly key: string,
    private readonly points: readonly Point[],
    private readonly options: TrainOptions,
  ) {
    this.classes = classesOf(points);
    const k = this.classes.length;
    const rows = k === 2 ? 1 : k;
    const n = points.length;
    this.xs = Float32Array.from(points.flatMap((p) => [p.x, p.y]));
    this.ys = new Float32Array(n * rows);
    points.forEach((p, i) => {
      const c = this.classes.indexOf(p.label);
      if (rows === 1) this.ys[i] = c;
      else this.ys[i * rows + c] = 1;
    });
    this.X = tensor(this.xs, [n, 2]);
    this.Y = tensor(this.ys, [n, rows]);
    this.W = new Variable(zeros([2, rows]), { name: "weight" });
    this.b = new Variable(zeros([rows]), { name: "bias" });
    this.optimizer = options.solver === "adam" ? new Adam({ learningRate: options.learningRate }) : new SGD({ learningRate: options.learningRate });
    this.rng = new Rng(options.seed);
    this.order = points.map((_, i) => i);
    this.last = this.evaluate(0);
  }

  /** The rows `idx` of a row-major matrix of `width` columns, as an [idx.length, width] tensor. */
  private static rows(m: Float32Array, width: number, idx: readonly number[]): Tensor {
    const out = new Float32Array(idx.length * width);
    idx.forEach((r, i) => out.set(m.subarray(r * width, (r + 1) * width), i * width));
    return tensor(out, [idx.length, width]);
  }

  /** Mean cross-entropy of the rows of x (logits z) against y. */
  private crossEntropy(z: Tensor, y: Tensor): Tensor {
    if (this.W.shape[1] === 1) return mean(sub(softplus(z), mul(y, z)));
    return neg(mean(sum(mul(y, logSoftmax(z, 1)), 1)));
  }

  private logits(x: Tensor): Tensor {
    return add(matMul(x, this.W), this.b);
  }

  /** The batch loss that is differentiated: cross-entropy plus the scaled l2 term. */
  private batchLoss(x: Tensor, y: Tensor): Tensor {
    const ce = this.crossEntropy(this.logits(x), y);
    if (this.options.penalty !== "l2") return ce;
    return add(ce, div(sum(square(this.W)), 2 * this.options.C * this.points.length));
  }

  private evaluate(iteration: number): HistoryEntry {
    const loss = Number(this.crossEntropy(this.logits(this.X), this.Y).dataSync()[0]);
    const w = this.W.dataSync();
    let sq = 0;
    for (let i = 0; i < w.length; i++) sq += Number(w[i]) ** 2;
    const n = this.points.length;
    const objective = this.options.penalty === "l2" ? this.options.C * n * loss + sq / 2 : n * loss;
    return { iteration, loss, objective };
  }

  step(): HistoryEntry {
    if (this.finished) return this.last;
    const n = this.points.length;
    const bs = Math.max(1, Math.min(n, Math.round(this.options.batchSize)));
    if (bs < n) this.rng.shuffle(this.order);
    for (let start = 0; start < n; start += bs) {
      const rows = bs === n ? null : this.order.slice(start, start + bs);
      const x = rows ? EagerSession.rows(this.xs, 2, rows) : this.X;
      const y = rows ? EagerSession.rows(this.ys, this.Y.shape[1]!, rows) : this.Y;
      const tape = new GradientTape();
      const loss = this.batchLoss(x, y);
      const grads = tape.gradient(loss, [this.W, this.b]);
      this.optimizer.applyGradients(zip(grads, [this.W, this.b]));
    }
    this.iteration++;
    this.last = this.evaluate(this.iteration);
    this.objectives.push(this.last.objective);
    if (!Number.isFinite(this.last.loss)) this.finished = "stalled";
    else if (this.iteration >= this.options.maxIter) this.finished = "maxIter";
    return this.last;
  }

  model(): LinearModel {
    const w = this.W.dataSync();
    const b = this.b.dataSync();
    const rows = this.W.shape[1]!;
    const W: number[][] = [];
    for (let r = 0; r < rows; r++) W.push([Number(w[r]), Number(w[rows + r])]);
    return { classes: [...this.classes], W, b: Array.from(b, Number) };
  }

  frame(): Frame {
    return { ...this.last, model: this.model() };
  }

  /**
   * The model as LogisticRegression's JSON, checked by LogisticRegression.fromJSON. The options
   * record the run: plain gradient steps (momentum 0) of this learning rate and batch size for
   * `epochs` passes. (The estimator's own sgd/adam decay the step size; this loop does not, as in the lab.)
   */
  estimatorJSON(): LogisticRegressionJSON {
    const o = this.options;
    const options = {
      solver: o.solver,
      penalty: o.penalty,
      C: o.C,
      learningRate: o.learningRate,
      batchSize: Math.max(1, Math.min(this.points.length, Math.round(o.batchSize))),
      epochs: o.maxIter,
      seed: o.seed,
      ...(o.solver === "sgd" ? { momentum: 0 } : {}),
    };
    return estimatorJSON(this.model(), options, this.iteration, this.last.objective, this.objectives.slice());
  }
}
