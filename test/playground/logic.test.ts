// The playground's logic in Node, checked against references nobody here wrote: the TensorFlow
// lab's printed losses (tutorial.json), the iris CSV, central-difference gradients, and the
// invariant that every drawn boundary point sits where the model's top two classes tie.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LogisticRegression, parseModelFile, tensor } from "../../src/index.js";
import { EagerSession } from "../../playground/src/eagerSession.js";
import { EstimatorSession } from "../../playground/src/estimatorSession.js";
import { modelFileText, readModelFile } from "../../playground/src/modelIo.js";
import { sessionKey } from "../../playground/src/createSession.js";
import { boundarySegments, lossGradient, meanLoss, probabilities } from "../../playground/src/linearModel.js";
import { IRIS_ROWS } from "../../playground/src/iris.js";
import { makePreset } from "../../playground/src/presets.js";
import { formatTensor } from "../../playground/src/platform/format.js";
import { pointsToCsv } from "../../playground/src/pointsCsv.js";
import type { LinearModel, TrainOptions } from "../../playground/src/types.js";

const DATA = join(import.meta.dirname, "..", "..", "..", "shared", "data");
const tutorial = JSON.parse(readFileSync(join(DATA, "reference", "tutorial.json"), "utf8")) as {
  lab05_1_toy: { loss: number[]; printed_after_update_at_step: number[]; tolerance: number };
};

const LAB_OPTIONS: TrainOptions = { solver: "sgd", penalty: "none", C: 1, learningRate: 0.01, batchSize: 6, maxIter: 1001, tol: 1e-4, seed: 0 };

describe("playground: the lab preset trained with the eager core", () => {
  test("reproduces the losses the TensorFlow lab printed", () => {
    const preset = makePreset("lab");
    assert.deepEqual(preset.options.solver, "sgd");
    const options = { ...LAB_OPTIONS, ...preset.options };
    const s = new EagerSession(sessionKey(preset.points, options), preset.points, options);
    const ref = tutorial.lab05_1_toy;
    const losses: number[] = [];
    while (!s.finished) losses.push(s.step().loss);
    assert.equal(losses.length, 1001);
    assert.equal(s.finished, "maxIter");
    ref.printed_after_update_at_step.forEach((step, i) => {
      // TF printed the loss after the update of step `step` (0-based): our iteration step + 1.
      const got = losses[step]!;
      assert.ok(Math.abs(got - ref.loss[i]!) <= ref.tolerance, `step ${step}: loss ${got}, TensorFlow printed ${ref.loss[i]}`);
    });
  });

  test("softmax with l2 lowers the penalised objective and its gradient matches central differences", () => {
    const preset = makePreset("iris", 2, 3);
    const options: TrainOptions = { solver: "adam", penalty: "l2", C: 1, learningRate: 0.05, batchSize: 150, maxIter: 40, tol: 1e-4, seed: 3 };
    const s = new EagerSession("k", preset.points, options);
    const first = s.step().objective;
    let last = first;
    while (!s.finished) last = s.step().objective;
    assert.ok(last < first, `objective ${first} → ${last}`);
    const m = s.model();
    assert.equal(m.W.length, 3);
    // The page's gradient formula against central differences of its cost.
    const { dW, db } = lossGradient(m, preset.points);
    const h = 1e-6;
    const bump = (f: (c: LinearModel) => void): number => {
      const c = structuredClone(m);
      f(c);
      return meanLoss(c, preset.points);
    };
    for (let r = 0; r < 3; r++) {
      for (let j = 0; j < 2; j++) {
        const num = (bump((c) => (c.W[r]![j]! += h)) - bump((c) => (c.W[r]![j]! -= h))) / (2 * h);
        assert.ok(Math.abs(num - dW[r]![j]!) < 1e-6, `dW[${r}][${j}] ${dW[r]![j]} vs ${num}`);
      }
      const num = (bump((c) => (c.b[r]! += h)) - bump((c) => (c.b[r]! -= h))) / (2 * h);
      assert.ok(Math.abs(num - db[r]!) < 1e-6, `db[${r}] ${db[r]} vs ${num}`);
    }
  });
});

describe("playground: lbfgs and newton streamed through the estimator", () => {
  for (const solver of ["lbfgs", "newton"] as const) {
    test(`${solver}: iteration k of the stream is iteration k of one full fit`, () => {
      const preset = makePreset("iris", 0, 1);
      const options: TrainOptions = { solver, penalty: "l2", C: 10, learningRate: 0.1, batchSize: 32, maxIter: 200, tol: 1e-8, seed: 0 };
      const full: number[] = [];
      const est = new LogisticRegression({ solver, penalty: "l2", C: 10, maxIter: 200, tol: 1e-8, onWarning: () => undefined, onIteration: (i) => void full.push(i.objective) });
      est.fit(preset.points.map((p) => [p.x, p.y]), preset.points.map((p) => p.label));
      const s = new EstimatorSession("k", preset.points, options);
      const streamed: number[] = [];
      while (!s.finished) streamed.push(s.step().objective);
      assert.equal(s.finished, est.converged ? "converged" : "maxIter");
      assert.equal(streamed.length, full.length);
      streamed.forEach((v, k) => assert.equal(v, full[k], `iteration ${k + 1}`));
      const m = s.model();
      assert.deepEqual(m.W, est.coef);
      assert.deepEqual(m.b, est.intercept);
    });
  }

  test("the model file of a run loads back with the same probabilities", () => {
    const preset = makePreset("blobs");
    const options: TrainOptions = { solver: "lbfgs", penalty: "l2", C: 1, learningRate: 0.1, batchSize: 32, maxIter: 100, tol: 1e-8, seed: 0 };
    const s = new EstimatorSession("k", preset.points, options);
    while (!s.finished) s.step();
    const text = modelFileText(s.estimatorJSON(), preset.points);
    const file = parseModelFile(text, "model.json");
    assert.deepEqual(file.featureNames, ["x", "y"]);
    assert.equal(file.target, "label");
    const loaded = LogisticRegression.fromJSON(file.estimator);
    const X = preset.points.map((p) => [p.x, p.y]);
    const P = loaded.predictProba(X);
    const scratch = new Float64Array(2);
    X.forEach(([x, y], i) => assert.ok(Math.abs(probabilities(s.model(), x!, y!, scratch)[1]! - P[i]![1]!) < 1e-12));
    assert.equal(file.training.trainAccuracy, 1);
    // Reading it back for the plane gives the same model, and the same text.
    const back = readModelFile(text, "model.json");
    assert.deepEqual(back.model.W, s.model().W);
    assert.equal(back.text, text);
  });

  test("an eager (sgd) run's model file holds exactly its W and b", () => {
    const preset = makePreset("lab");
    const s = new EagerSession("k", preset.points, { ...LAB_OPTIONS, maxIter: 50 });
    while (!s.finished) s.step();
    const file = parseModelFile(modelFileText(s.estimatorJSON(), preset.points), "m.json");
    assert.deepEqual(file.estimator.coef, s.model().W);
    assert.deepEqual(file.estimator.intercept, s.model().b);
    assert.equal(file.estimator.nIter, 50);
    assert.equal(file.estimator.history.length, 50);
  });

  test("a scaler in an imported file is folded into W and b", () => {
    const preset = makePreset("blobs");
    const s = new EstimatorSession("k", preset.points, { solver: "newton", penalty: "l2", C: 1, learningRate: 0.1, batchSize: 32, maxIter: 100, tol: 1e-8, seed: 0 });
    while (!s.finished) s.step();
    const file = parseModelFile(modelFileText(s.estimatorJSON(), preset.points), "m.json");
    const mean = [0.5, -1.5];
    const scale = [2, 0.25];
    const scaled = { ...file, scaler: { mean, scale } };
    const back = readModelFile(JSON.stringify(scaled), "scaled.json");
    const est = LogisticRegression.fromJSON(file.estimator);
    const scratch = new Float64Array(2);
    for (const p of preset.points.slice(0, 10)) {
      const want = est.predictProba([[(p.x - mean[0]!) / scale[0]!, (p.y - mean[1]!) / scale[1]!]])[0]![1]!;
      assert.ok(Math.abs(probabilities(back.model, p.x, p.y, scratch)[1]! - want) < 1e-12);
    }
  });
});

describe("playground: boundaries", () => {
  const box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

  test("binary: both ends of the segment have probability 0.5 and lie on the box", () => {
    const m: LinearModel = { classes: [0, 1], W: [[1.3, -0.7]], b: [0.4] };
    const [s, ...rest] = boundarySegments(m, box);
    assert.ok(s);
    assert.equal(rest.length, 0);
    const p = new Float64Array(2);
    for (const [x, y] of [[s.x1, s.y1], [s.x2, s.y2], [(s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2]] as const) {
      assert.ok(Math.abs(probabilities(m, x, y, p)[1]! - 0.5) < 1e-12);
    }
    const onEdge = (x: number, y: number): boolean => [x - box.xMin, box.xMax - x, y - box.yMin, box.yMax - y].some((d) => Math.abs(d) < 1e-9);
    assert.ok(onEdge(s.x1, s.y1) && onEdge(s.x2, s.y2));
  });

  test("multinomial: along every segment the two classes tie for the highest probability", () => {
    const m: LinearModel = { classes: [0, 1, 2, 3], W: [[2, 0], [-1, 1.5], [-1, -1.5], [0.2, 0.1]], b: [0, 0.3, -0.2, 0.5] };
    const segs = boundarySegments(m, box);
    assert.ok(segs.length >= 3, `${segs.length} segments`);
    const p = new Float64Array(4);
    for (const s of segs) {
      for (const t of [0.01, 0.5, 0.99]) {
        probabilities(m, s.x1 + t * (s.x2 - s.x1), s.y1 + t * (s.y2 - s.y1), p);
        assert.ok(Math.abs(p[s.a]! - p[s.b]!) < 1e-9, `pair ${s.a}-${s.b} at t=${t}: ${p[s.a]} vs ${p[s.b]}`);
        for (let c = 0; c < 4; c++) if (c !== s.a && c !== s.b) assert.ok(p[c]! <= p[s.a]! + 1e-9);
      }
    }
  });

  test("zero weights draw no boundary", () => {
    assert.deepEqual(boundarySegments({ classes: [0, 1], W: [[0, 0]], b: [1] }, box), []);
  });
});

describe("playground: data", () => {
  test("the embedded iris numbers are the rows of iris.csv", () => {
    const lines = readFileSync(join(DATA, "iris.csv"), "utf8").trim().split(/\r?\n/).slice(1);
    assert.equal(IRIS_ROWS.length, lines.length);
    lines.forEach((line, i) => assert.deepEqual([...IRIS_ROWS[i]!], line.split(",").map(Number)));
  });

  test("points CSV has the header x,y,label and one row per point", () => {
    const pts = makePreset("blobs").points;
    const rows = pointsToCsv(pts).trimEnd().split("\n");
    assert.equal(rows[0], "x,y,label");
    assert.equal(rows.length, pts.length + 1);
    rows.slice(1).forEach((r, i) => assert.deepEqual(r.split(",").map(Number), [pts[i]!.x, pts[i]!.y, pts[i]!.label]));
  });
});

describe("playground: build stand-ins", () => {
  test("the stand-in for tensor/format.ts keeps toString's header and lists every value", () => {
    const t = tensor([[1.5, -2], [0.25, 3]]);
    const lib = t.toString().split("\n");
    const mine = formatTensor(t.dataSync(), t.shape, t.dtype, "Tensor").split("\n");
    assert.deepEqual(mine.slice(0, 5), lib.slice(0, 5), "kind, dtype, rank, shape, 'values:'");
    assert.equal(mine[5], "    [1.5, -2, 0.25, 3]");
  });
});
