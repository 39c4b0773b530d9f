// Benchmark: the lab 05-1 training loop (toy data, full batch, SGD 0.01, 1001 epochs, the loss
// printed every 100 steps) in logreg and in TensorFlow.js with its pure-JS CPU backend, several
// runs each in this one process. Prints both medians, the time per epoch and the ratio.
// logreg is measured as it ships: src/index.ts compiled to plain JavaScript (esbuild bundle in
// a temporary folder), not through tsx's development transform, which adds per-call overhead.
// Usage: npm run bench:lab [-- --runs N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { build } from "esbuild";
import type { Tensor } from "../src/index.js";
import { arg, isMain, median } from "./util.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = mkdtempSync(join(tmpdir(), "logreg-bench-"));
const bundle = join(outDir, "index.mjs");
await build({ entryPoints: [join(root, "src", "index.ts")], bundle: true, format: "esm", platform: "neutral", outfile: bundle, logLevel: "warning" });
const lib = (await import(pathToFileURL(bundle).href)) as typeof import("../src/index.js");
rmSync(outDir, { recursive: true, force: true });
const { Dataset, GradientTape, SGD, Variable, add, binaryCrossEntropy, log, matMul, mean, mul, neg, sigmoid, sub, tensor, zeros, zip } = lib;

/** Epochs of the lab loop. */
export const EPOCHS = 1001;
const X = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]];
const Y = [[0], [0], [0], [1], [1], [1]];

/** One lab run in logreg (the lab's loss lines, or the fused loss from logits); returns the final loss. */
function runLogreg(fused: boolean): number {
  const xTrain = tensor(X);
  const yTrain = tensor(Y);
  const dataset = Dataset.fromTensorSlices([xTrain, yTrain]).batch(xTrain.shape[0]!);
  const W = new Variable(zeros([2, 1]), { name: "weight" });
  const b = new Variable(zeros([1]), { name: "bias" });
  const hypothesisFn = (features: Tensor): Tensor => sigmoid(add(matMul(features, W), b));
  const lossFn = (h: Tensor, labels: Tensor): Tensor => neg(mean(add(mul(labels, log(h)), mul(sub(1, labels), log(sub(1, h))))));
  const fusedLossFn = (features: Tensor, labels: Tensor): Tensor => binaryCrossEntropy(labels, add(matMul(features, W), b), { fromLogits: true });
  const loss_ = (features: Tensor, labels: Tensor): Tensor => (fused ? fusedLossFn(features, labels) : lossFn(hypothesisFn(features), labels));
  const optimizer = new SGD({ learningRate: 0.01 });
  let loss = NaN;
  for (let step = 0; step < EPOCHS; step++) {
    for (const [features, labels] of dataset) {
      const tape = new GradientTape();
      const lossValue = loss_(features, labels);
      const grads = tape.gradient(lossValue, [W, b]);
      optimizer.applyGradients(zip(grads, [W, b]));
      if (step % 100 === 0) loss = loss_(features, labels).dataSync()[0] as number;
    }
  }
  return loss;
}

/** One lab run in TensorFlow.js (tensors held in memory, tf.tidy per step; the lab's loss lines or tf.losses.sigmoidCrossEntropy); returns the final loss. */
function runTfjs(fused: boolean): number {
  const xTrain = tf.tensor2d(X);
  const yTrain = tf.tensor2d(Y);
  const W = tf.variable(tf.zeros([2, 1]), true, "weight");
  const b = tf.variable(tf.zeros([1]), true, "bias");
  const hypothesisFn = (features: tf.Tensor): tf.Tensor => tf.sigmoid(tf.add(tf.matMul(features, W), b));
  const lossFn = (h: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
    tf.neg(tf.mean(tf.add(tf.mul(labels, tf.log(h)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, h)))))) as tf.Scalar;
  const fusedLossFn = (features: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
    tf.losses.sigmoidCrossEntropy(labels, tf.add(tf.matMul(features, W), b)) as tf.Scalar;
  const loss_ = (): tf.Scalar => (fused ? fusedLossFn(xTrain, yTrain) : lossFn(hypothesisFn(xTrain), yTrain));
  const optimizer = tf.train.sgd(0.01);
  let loss = NaN;
  for (let step = 0; step < EPOCHS; step++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(loss_, [W, b]);
      optimizer.applyGradients(grads);
      if (step % 100 === 0) loss = loss_().dataSync()[0] as number;
    });
  }
  tf.dispose([xTrain, yTrain, W, b]);
  optimizer.dispose();
  return loss;
}

/**
 * Runs `fn` until both `minRuns` runs and `minMs` milliseconds have passed, so that the JIT has
 * compiled and settled its hot code before timing starts. Both libraries get the same warm-up time:
 * a logreg run takes a few milliseconds and needs many runs (about 10,000 epochs) before its speed
 * is steady; tfjs settles within two or three of its much longer runs.
 */
function warmUp(fn: () => number, minRuns: number, minMs: number): { runs: number; lastMs: number } {
  const t0 = performance.now();
  let runs = 0;
  let last = t0;
  let lastMs = NaN;
  while (runs < minRuns || last - t0 < minMs) {
    fn();
    const now = performance.now();
    lastMs = now - last;
    last = now;
    runs++;
  }
  return { runs, lastMs };
}

/** Alternates timed runs of `a` and `b` (so that machine load hits both alike) after a warm-up of each. */
function timeInterleaved(a: () => number, b: () => number, runsA: number, runsB: number, warmMs: number): { msA: number[]; msB: number[]; lossA: number; lossB: number; warmA: number; warmB: number } {
  const warmA = warmUp(a, 20, warmMs).runs;
  const warmB = warmUp(b, 3, warmMs).runs;
  let lossA = NaN;
  let lossB = NaN;
  const msA: number[] = [];
  const msB: number[] = [];
  const perB = Math.max(1, Math.round(runsA / runsB));
  for (let r = 0; r < runsB; r++) {
    for (let k = 0; k < perB; k++) {
      const t0 = performance.now();
      lossA = a();
      msA.push(performance.now() - t0);
    }
    const t1 = performance.now();
    lossB = b();
    msB.push(performance.now() - t1);
  }
  return { msA, msB, lossA, lossB, warmA, warmB };
}

/** Median milliseconds per lab run of logreg (compiled) and tfjs-cpu, for the lab's own lines and for the fused loss. */
export interface LabResult {
  title: string;
  fused: boolean;
  oursMs: number;
  tfjsMs: number;
  oursLoss: number;
  tfjsLoss: number;
  /** Untimed warm-up runs before timing (logreg, tfjs). */
  warmRuns: [number, number];
}

/** Milliseconds of untimed warm-up given to each library before its timed runs. */
export const WARM_MS = 1500;

/** Runs the lab loop in logreg and tfjs-cpu, `runs` tfjs runs and 10 × runs logreg runs per variant, interleaved, after a warm-up of each. */
export async function labBench(runs = 7): Promise<LabResult[]> {
  await tf.setBackend("cpu");
  await tf.ready();
  const out: LabResult[] = [];
  for (const [title, fused] of [
    ["the lab's lines: h = sigmoid(XW + b), loss = −mean(y log h + (1−y) log(1−h))", false],
    ["fused loss from logits: binaryCrossEntropy(y, XW + b, { fromLogits }) vs tf.losses.sigmoidCrossEntropy", true],
  ] as const) {
    const { msA, msB, lossA, lossB, warmA, warmB } = timeInterleaved(() => runLogreg(fused), () => runTfjs(fused), runs * 10, runs, WARM_MS);
    out.push({ title, fused, oursMs: median(msA), tfjsMs: median(msB), oursLoss: lossA, tfjsLoss: lossB, warmRuns: [warmA, warmB] });
  }
  return out;
}

if (isMain(import.meta.url)) {
  const runs = arg("runs", 7);
  console.log(`lab 05-1 loop: ${EPOCHS} epochs, full batch of 6 rows, SGD 0.01, loss read every 100 steps`);
  console.log(`${runs} timed tfjs runs and ${runs * 10} logreg runs per variant, interleaved, after ${WARM_MS / 1000} s of untimed warm-up runs each`);
  const row = (name: string, m: number, loss: number): string =>
    `  ${name.padEnd(22)} median ${m.toFixed(2).padStart(9)} ms/run  ${((m / EPOCHS) * 1000).toFixed(2).padStart(8)} µs/epoch  final loss ${loss.toFixed(4)}`;
  for (const r of await labBench(runs)) {
    console.log(`\n${r.title}`);
    console.log(row("logreg (compiled)", r.oursMs, r.oursLoss));
    console.log(row(`tfjs ${tf.version.tfjs} (cpu)`, r.tfjsMs, r.tfjsLoss));
    console.log(`  warm-up: ${r.warmRuns[0]} logreg runs, ${r.warmRuns[1]} tfjs runs`);
    console.log(`  ratio: logreg is ${(r.tfjsMs / r.oursMs).toFixed(1)}× faster than tfjs-cpu`);
  }
}
