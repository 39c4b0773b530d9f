// The lab's cost and the accuracy of a fitted estimator on the points, from its own predictProba
// (the worker's counterpart of linearModel.ts's meanLoss and accuracy, which stay on the page).
import type { LogisticRegression } from "../../src/index.js";
import type { Point } from "./types.js";

/** Mean cross-entropy (no penalty) and fraction classified right, over the points whose label is a class of `est`. */
export function fitScores(est: LogisticRegression, points: readonly Point[]): { loss: number; accuracy: number } {
  const classes = est.classes;
  const known = points.filter((p) => classes.includes(p.label));
  const P = est.predictProba(known.map((p) => [p.x, p.y]));
  let loss = 0;
  let right = 0;
  known.forEach((p, i) => {
    const row = P[i]!;
    loss -= Math.log(Math.max(row[classes.indexOf(p.label)]!, 1e-300));
    // argmax, ties to the lower index
    if (classes[row.indexOf(Math.max(...row))] === p.label) right++;
  });
  return { loss: loss / known.length, accuracy: right / known.length };
}
