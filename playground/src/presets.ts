// Ready-made point sets: the lab's toy data, Gaussian blobs (apart and overlapping), a ring, and
// iris on two chosen features. Random ones use the library's seeded generator, so a preset is
// the same on every load and in every test.
import { Rng } from "../../src/index.js";
import { IRIS_FEATURES, IRIS_ROWS } from "./iris.js";
import type { Point, SolverName, TrainOptions } from "./types.js";

/** Names of the presets, as offered in the page. */
export type PresetName = "lab" | "blobs" | "overlap" | "ring" | "iris";

/** A preset: its points, axis titles, and the training options that suit it. */
export interface Preset {
  points: Point[];
  xLabel: string;
  yLabel: string;
  /** Options to switch to when the preset is loaded (the rest keep their values). */
  options: Partial<TrainOptions> & { solver: SolverName };
}

/** The lab 05 toy data: six points, two classes (x_train, y_train of the TensorFlow lab). */
const LAB_X: readonly (readonly [number, number])[] = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]];
const LAB_Y: readonly number[] = [0, 0, 0, 1, 1, 1];

function blob(rng: Rng, n: number, cx: number, cy: number, sd: number, label: number, out: Point[]): void {
  for (let i = 0; i < n; i++) out.push({ x: round(cx + sd * rng.nextNormal()), y: round(cy + sd * rng.nextNormal()), label });
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Builds a preset's points (iris uses the two feature columns given). */
export function makePreset(name: PresetName, irisX = 2, irisY = 3): Preset {
  const rng = new Rng(name === "blobs" ? 7 : name === "overlap" ? 11 : 13);
  const points: Point[] = [];
  switch (name) {
    case "lab":
      LAB_X.forEach(([x, y], i) => points.push({ x, y, label: LAB_Y[i]! }));
      return { points, xLabel: "x₁", yLabel: "x₂", options: { solver: "sgd", penalty: "none", learningRate: 0.01, batchSize: 6, maxIter: 1001 } };
    case "blobs":
      blob(rng, 30, -2, -1.5, 0.8, 0, points);
      blob(rng, 30, 2, 1.5, 0.8, 1, points);
      return { points, xLabel: "x₁", yLabel: "x₂", options: { solver: "lbfgs", penalty: "l2", maxIter: 100 } };
    case "overlap":
      blob(rng, 40, -0.8, -0.5, 1.3, 0, points);
      blob(rng, 40, 0.8, 0.5, 1.3, 1, points);
      return { points, xLabel: "x₁", yLabel: "x₂", options: { solver: "lbfgs", penalty: "l2", maxIter: 100 } };
    case "ring":
      for (let i = 0; i < 40; i++) {
        const r = 0.9 * Math.sqrt(rng.nextFloat());
        const t = 2 * Math.PI * rng.nextFloat();
        points.push({ x: round(r * Math.cos(t)), y: round(r * Math.sin(t)), label: 0 });
      }
      for (let i = 0; i < 60; i++) {
        const r = 2 + 0.35 * rng.nextNormal();
        const t = 2 * Math.PI * rng.nextFloat();
        points.push({ x: round(r * Math.cos(t)), y: round(r * Math.sin(t)), label: 1 });
      }
      return { points, xLabel: "x₁", yLabel: "x₂", options: { solver: "adam", penalty: "l2", learningRate: 0.05, batchSize: 16, maxIter: 300 } };
    case "iris":
      for (const row of IRIS_ROWS) points.push({ x: row[irisX]!, y: row[irisY]!, label: row[4] });
      return {
        points,
        xLabel: IRIS_FEATURES[irisX] ?? "x",
        yLabel: IRIS_FEATURES[irisY] ?? "y",
        options: { solver: "lbfgs", penalty: "l2", maxIter: 200 },
      };
  }
}
