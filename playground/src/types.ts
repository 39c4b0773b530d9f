// Shared shapes of the playground: points, training options, the linear model drawn on the plane,
// and the messages between the page and its training worker.

/** A labelled point on the plane (data coordinates); label is the class index 0..3. */
export interface Point {
  x: number;
  y: number;
  label: number;
}

/** The optimisers the page offers (those of LogisticRegression). */
export type SolverName = "lbfgs" | "newton" | "sgd" | "adam";

/** Regularisation choices. */
export type PenaltyName = "l2" | "none";

/** Everything the worker needs to train. */
export interface TrainOptions {
  solver: SolverName;
  penalty: PenaltyName;
  /** Inverse regularisation strength (scikit-learn's C). */
  C: number;
  /** Step size of sgd and adam. */
  learningRate: number;
  /** Rows per step of sgd and adam (clamped to the number of points). */
  batchSize: number;
  /** Iteration cap (epochs for sgd and adam). */
  maxIter: number;
  /** Relative tolerance on the gradient (lbfgs, newton). */
  tol: number;
  /** Seed of the row shuffling (sgd, adam). */
  seed: number;
}

/**
 * A linear classifier as drawn: for two classes one row (P(class 1) = σ(w·x + b));
 * for K > 2 classes K rows (softmax over the K scores).
 */
export interface LinearModel {
  /** The class labels, sorted, one per class index. */
  classes: number[];
  /** Coefficient rows, each [w_x, w_y]. */
  W: number[][];
  /** One intercept per row. */
  b: number[];
  /** One-vs-rest rows (probabilities σ(z_k) normalised to sum 1) instead of softmax. */
  ovr?: boolean;
}

/** One training iteration as streamed from the worker. */
export interface Frame {
  /** Iteration (epoch for sgd/adam) just finished, 1-based; 0 for the initial parameters. */
  iteration: number;
  /** Mean cross-entropy over the points (the lab's cost), without the penalty. */
  loss: number;
  /** Objective the solver minimises (scikit-learn's scale: C·Σ loss + ½‖W‖²). */
  objective: number;
  /** The model after this iteration. */
  model: LinearModel;
}

/** Why training stopped. */
export type StopReason = "converged" | "maxIter" | "stopped" | "separable" | "stalled" | "callback" | "step";

/** Loss and objective of one iteration, for the loss curve. */
export interface HistoryEntry {
  iteration: number;
  loss: number;
  objective: number;
}

/** Messages the page sends to the worker. */
export type WorkerRequest =
  | {
      type: "run";
      /** Request id; every response carries the id of the run it belongs to. */
      id: number;
      points: Point[];
      options: TrainOptions;
      /** Iterations to run now (1 for Step; the rest of maxIter for Train). */
      steps: number;
      /** Iterations per animation tick (~16 ms); Infinity runs as fast as possible. */
      pace: number;
    }
  | { type: "stop" }
  | { type: "reset" };

/** Messages the worker sends back. */
export type WorkerResponse =
  | { type: "progress"; id: number; history: HistoryEntry[]; frame: Frame }
  | { type: "done"; id: number; reason: StopReason; frame: Frame; finished: boolean; modelFile: string }
  | { type: "error"; id: number; message: string };
