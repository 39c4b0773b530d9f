// A training run in the worker: advances one iteration at a time and reports the model after it.
import type { LogisticRegressionJSON } from "../../src/index.js";
import type { Frame, HistoryEntry, LinearModel, StopReason } from "./types.js";

/** One training run on fixed points and options. */
export interface Session {
  /** Identifies the points and options this run trains on. */
  readonly key: string;
  /** Iterations done so far. */
  readonly iteration: number;
  /** Why the run cannot go on, or null while it can. */
  readonly finished: StopReason | null;
  /** Runs one more iteration (epoch for sgd/adam) and returns its loss. */
  step(): HistoryEntry;
  /** The current parameters. */
  model(): LinearModel;
  /** The current parameters with the last iteration's loss. */
  frame(): Frame;
  /** The current model as LogisticRegression's JSON (what model files embed). */
  estimatorJSON(): LogisticRegressionJSON;
}
