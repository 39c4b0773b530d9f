// placeholder until LogisticRegression lands
import type { Session } from "./session.js";
import type { Point, TrainOptions } from "./types.js";
export class EstimatorSession implements Session {
  iteration = 0;
  finished = null;
  constructor(readonly key: string, _p: readonly Point[], _o: TrainOptions) { throw new Error("lbfgs/newton are not wired yet"); }
  step(): never { throw new Error("x"); }
  model(): never { throw new Error("x"); }
  frame(): never { throw new Error("x"); }
}
