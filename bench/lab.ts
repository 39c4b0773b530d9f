// Benchmark: the lab 05-1 training loop (toy data, full batch, SGD 0.01, 1001 epochs, the loss
// printed every 100 steps) in logreg and in TensorFlow.js with its pure-JS CPU backend, several
// runs each in this one process. Prints both medians, the time per epoch and the ratio.
// Three variants, each written alike in both libraries:
// - "lab": the lab's code line for line: hypothesis = 1 / (1 + exp(XW + b)); loss_fn recomputes the
//   hypothesis for its first term; the loop computes one more hypothesis outside the tape to pass
//   to grad(), as the lab does.
// - "sigmoid": the same model as sigmoid(XW + b), computed once per step (examples/ and README form).
// - "fused": the loss from logits in one op (binaryCrossEntropy vs tf.losses.sigmoidCrossEntropy).
// tfjs iterates no tf.data Dataset (its iterators are asynchronous and would be far slower); it
// uses the tensors directly, with tf.tidy per step: its fastest form of the loop.
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
const { Dataset, GradientTape, SGD, Variable, add, binaryCrossEntropy, div, exp, log, matMul, mean, mul, neg, sigmoid, sub, tensor, zeros, zip } = lib;

/** The variants of the loop (see the head of this file). */
export type LabVariant = "lab" | "sigmoid" | "fused";

/** Epochs of the lab loop. */
export const EPOCHS = 1001;
const X = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]];
const Y = [[0], [0], [0], [1], [1], [1]];

/** One lab run in logreg; returns the last printed loss. */
function runLogreg(variant: LabVariant): number {
  const xTrain = tensor(X);
  const yTrain = tensor(Y);
  const dataset = Dataset.fromTensorSlices([xTrain, yTrain]).batch(xTrain.shape[0]!);
  const W = new Variable(zeros([2, 1]), { name: "weight" });
  const b = new Variable(zeros([1]), { name: "bias" });
  const optimizer = new SGD({ learningRate: 0.01 });
  let loss = NaN;
  if (variant === "lab") {
    const logisticRegression = (features: Tensor): Tensor => div(1, add(1, exp(add(matMul(features, W), b))));
    const lossFn = (hypothesis: Tensor, features: Tensor, labels: Tensor): Tensor =>
      neg(mean(add(mul(labels, log(logisticRegression(features))), mul(sub(1, labels), log(sub(1, hypothesis))))));
    const grad = (_hypothesis: Tensor, features: Tensor, labels: Tensor): (Tensor | null)[] => {
      const tape = new GradientTape();
      const lossValue = lossFn(logisticRegression(features), features, labels);
      return tape.gradient(lossValue, [W, b]);
    };
    for (let step = 0; step < EPOCHS; step++) {
      for (const [features, labels] of dataset) {
        const grads = grad(logisticRegression(features), features, labels);
        optimizer.applyGradients(zip(grads, [W, b]));
        if (step % 100 === 0) loss = lossFn(logisticRegression(features), features, labels).dataSync()[0] as number;
      }
    }
    return loss;
  }
  const hypothesisFn = (features: Tensor): Tensor => sigmoid(add(matMul(features, W), b));
  const lossFn = (h: Tensor, labels: Tensor): Tensor => neg(mean(add(mul(labels, log(h)), mul(sub(1, labels), log(sub(1, h))))));
  const fusedLossFn = (features: Tensor, labels: Tensor): Tensor => binaryCrossEntropy(labels, add(matMul(features, W), b), { fromLogits: true });
  const loss_ = (features: Tensor, labels: Tensor): Tensor => (variant === "fused" ? fusedLossFn(features, labels) : lossFn(hypothesisFn(features), labels));
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

/** One lab run in TensorFlow.js (tensors held in memory, tf.tidy per step); returns the last printed loss. */
function runTfjs(variant: LabVariant): number {
  const xTrain = tf.tensor2d(X);
  const yTrain = tf.tensor2d(Y);
  const W = tf.variable(tf.zeros([2, 1]), true, "weight");
  const b = tf.variable(tf.zeros([1]), true, "bias");
  const optimizer = tf.train.sgd(0.01);
  let loss = NaN;
  if (variant === "lab") {
    const logisticRegression = (features: tf.Tensor): tf.Tensor => tf.div(1, tf.add(1, tf.exp(tf.add(tf.matMul(features, W), b))));
    const lossFn = (hypothesis: tf.Tensor, features: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
      tf.neg(tf.mean(tf.add(tf.mul(labels, tf.log(logisticRegression(features))), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, hypothesis)))))) as tf.Scalar;
    for (let step = 0; step < EPOCHS; step++) {
      tf.tidy(() => {
        logisticRegression(xTrain); // the hypothesis the lab's loop passes to grad(), unused there
        const { grads } = tf.variableGrads(() => lossFn(logisticRegression(xTrain), xTrain, yTrain), [W, b]);
        optimizer.applyGradients(grads);
        if (step % 100 === 0) loss = lossFn(logisticRegression(xTrain), xTrain, yTrain).dataSync()[0] as number;
      });
    }
  } else {
    const hypothesisFn = (features: tf.Tensor): tf.Tensor => tf.sigmoid(tf.add(tf.matMul(features, W), b));
    const lossFn = (h: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
      tf.neg(tf.mean(tf.add(tf.mul(labels, tf.log(h)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, h)))))) as tf.Scalar;
    const fusedLossFn = (features: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
      tf.losses.sigmoidCrossEntropy(labels, tf.add(tf.matMul(features, W), b)) as tf.Scalar;
    const loss_ = (): tf.Scalar => (variant === "fused" ? fusedLossFn(xTrain, yTrain) : lossFn(hypothesisFn(xTrain), yTrain));
    for (let step = 0; step < EPOCHS; step++) {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(loss_, [W, b]);
        optimizer.applyGradients(grads);
        if (step % 100 === 0) loss = loss_().dataSync()[0] as number;
      });
    }
  }
  tf.dispose([xTrain, yTrain, W, b]);
  optimizer.dispose();
  return loss;
}

/**
 * Runs `fn` until both `minRuns` runs and `minMs` milliseconds have passed, so that the JIT has
 * compiled and settled its hot code before timing starts. Both libraries get the same warm-up time:
 * a logreg run takes a few milliseconds and needs many runs (about 10,000 epochs) before its speed
 * is steady; tfjs settles within two or three of its much longer runs. Returns the number of runs.
 */
function warmUp(fn: () => number, minRuns: number, minMs: number): number {
  const t0 = performance.now();
  let runs = 0;
  while (runs < minRuns || performance.now() - t0 < minMs) {
    fn();
    runs++;
  }
  return runs;
}

/**
 * Times `rounds` rounds of `perRound` runs of `a` then one run of `b`, alternating so that machine
 * load hits both alike. Besides the medians of each, the ratio is taken per round (b's run over the
 * median of a's runs next to it) and its median reported: runs close in time share the load.
 */
function timeInterleaved(a: () => number, b: () => number, perRound: number, rounds: number): { msA: number[]; msB: number[]; ratios: number[]; lossA: number; lossB: number } {
  let lossA = NaN;
  let lossB = NaN;
  const msA: number[] = [];
  const msB: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round: number[] = [];
    for (let k = 0; k < perRound; k++) {
      const t0 = performance.now();
      lossA = a();
      round.push(performance.now() - t0);
    }
    const t1 = performance.now();
    lossB = b();
    const tb = performance.now() - t1;
    msA.push(...round);
    msB.push(tb);
    ratios.push(tb / median(round));
  }
  return { msA, msB, ratios, lossA, lossB };
}

/** Median milliseconds per lab run of logreg (compiled) and tfjs-cpu, for one variant of the loop, and the median per-round ratio. */
export interface LabResult {
  title: string;
  variant: LabVariant;
  oursMs: number;
  tfjsMs: number;
  /** Median over rounds of (tfjs run ÷ median of the logreg runs of that round). */
  ratio: number;
  /** The per-round ratios, lowest first. */
  ratios: number[];
  oursLoss: number;
  tfjsLoss: number;
  /** Untimed warm-up runs before timing (logreg, tfjs). */
  warmRuns: [number, number];
}

/** Milliseconds of untimed warm-up given to each library and variant before any timing. */
export const WARM_MS = 1500;

const VARIANTS = [
  ["the lab's code line for line: h = 1 / (1 + exp(XW + b)), loss_fn recomputing h, one more h per step outside the tape", "lab"],
  ["sigmoid form: h = sigmoid(XW + b) once per step, loss = −mean(y log h + (1−y) log(1−h))", "sigmoid"],
  ["fused loss from logits: binaryCrossEntropy(y, XW + b, { fromLogits }) vs tf.losses.sigmoidCrossEntropy", "fused"],
] as const;

/**
 * Runs the lab loop in logreg and tfjs-cpu: first an untimed warm-up of every variant in both
 * libraries (so that no timed run shares the machine with the JIT compiling other code), then per
 * variant `rounds` rounds of 10 logreg runs and one tfjs run.
 */
export async function labBench(rounds = 9): Promise<LabResult[]> {
  await tf.setBackend("cpu");
  await tf.ready();
  const warm = VARIANTS.map(([, variant]) => [warmUp(() => runLogreg(variant), 20, WARM_MS), warmUp(() => runTfjs(variant), 3, WARM_MS)] as [number, number]);
  const out: LabResult[] = [];
  VARIANTS.forEach(([title, variant], v) => {
    const { msA, msB, ratios, lossA, lossB } = timeInterleaved(() => runLogreg(variant), () => runTfjs(variant), 10, rounds);
    out.push({ title, variant, oursMs: median(msA), tfjsMs: median(msB), ratio: median(ratios), ratios: [...ratios].sort((x, y) => x - y), oursLoss: lossA, tfjsLoss: lossB, warmRuns: warm[v] as [number, number] });
  });
  return out;
}

if (isMain(import.meta.url)) {
  const rounds = arg("runs", 9);
  console.log(`lab 05-1 loop: ${EPOCHS} epochs, full batch of 6 rows, SGD 0.01, loss read every 100 steps`);
  console.log("the same lines in both libraries; tfjs uses its tensors directly (no tf.data), tf.tidy per step");
  console.log(`after ${WARM_MS / 1000} s of untimed warm-up of each library and variant: ${rounds} rounds per variant of 10 logreg runs and 1 tfjs run`);
  const row = (name: string, m: number, loss: number): string =>
    `  ${name.padEnd(22)} median ${m.toFixed(2).padStart(9)} ms/run  ${((m / EPOCHS) * 1000).toFixed(2).padStart(8)} µs/epoch  final loss ${loss.toFixed(4)}`;
  for (const r of await labBench(rounds)) {
    console.log(`\n${r.title}`);
    console.log(row("logreg (compiled)", r.oursMs, r.oursLoss));
    console.log(row(`tfjs ${tf.version.tfjs} (cpu)`, r.tfjsMs, r.tfjsLoss));
    console.log(`  warm-up: ${r.warmRuns[0]} logreg runs, ${r.warmRuns[1]} tfjs runs; per-round ratios ${r.ratios.map((x) => x.toFixed(1)).join(" ")}`);
    console.log(`  ratio: logreg is ${r.ratio.toFixed(1)}× faster than tfjs-cpu (median per-round ratio; ratio of the medians ${(r.tfjsMs / r.oursMs).toFixed(1)}×)`);
  }
}
