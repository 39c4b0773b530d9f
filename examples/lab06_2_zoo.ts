// Lab 06-2 of the TensorFlow 2 tutorial, "Softmax classifier on the zoo data (eager execution)",
// line for line with logreg's public API: 16 features, 7 classes, SGD at learning rate 0.1.
// W and b start random normal (seeded), so the figures differ from TensorFlow's but follow the
// same course (tutorial.json: loss 3.635 → 0.0902, accuracy 0.168 → 1.0).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  GradientTape, SGD, Variable, add, argMax, cast, equal, matMul, mean, oneHot, randomNormal, reshape, softmax,
  softmaxCrossEntropy, tensor, zip, type Tensor,
} from "../src/index.js";
import { readNumericCsv } from "./readNumericCsv.js";

/** Options of the zoo lab: where printed lines go, the number of steps and the seed of the initial weights. */
export interface Lab06ZooOptions {
  log?: (line: string) => void;
  epochs?: number;
  seed?: number;
}

/** What the lab printed: step, loss and training accuracy at step 1 and every 100 steps. */
export interface Lab06ZooResult {
  steps: number[];
  losses: number[];
  accuracies: number[];
  lines: string[];
}

/** Runs lab 06-2 on zoo.csv and returns the printed figures. */
export function runLab06Zoo(options: Lab06ZooOptions = {}): Lab06ZooResult {
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    options.log?.(line);
  };
  const seed = options.seed ?? 1;
  const xy = readNumericCsv(join(dirname(fileURLToPath(import.meta.url)), "data", "zoo.csv"));
  const xData = tensor(xy.map((row) => row.slice(0, -1)));
  const yData = tensor(xy.map((row) => [row[row.length - 1]!]), undefined, "int32");

  const nbClasses = 7;
  const YOneHot = reshape(oneHot(yData, nbClasses), [-1, nbClasses]);

  const W = new Variable(randomNormal([16, nbClasses], { seed }), { name: "weight" });
  const b = new Variable(randomNormal([nbClasses], { seed: seed + 1 }), { name: "bias" });
  const variables = [W, b];

  const logitFn = (X: Tensor): Tensor => add(matMul(X, W), b);
  const hypothesis = (X: Tensor): Tensor => softmax(logitFn(X));

  const costFn = (X: Tensor, Y: Tensor): Tensor => softmaxCrossEntropy(Y, logitFn(X));

  const gradFn = (X: Tensor, Y: Tensor): (Tensor | null)[] => {
    using tape = new GradientTape();
    const loss = costFn(X, Y);
    return tape.gradient(loss, variables);
  };

  const prediction = (X: Tensor, Y: Tensor): Tensor => {
    const pred = argMax(hypothesis(X), 1);
    const correctPrediction = equal(pred, argMax(Y, 1));
    return mean(cast(correctPrediction, "float32"));
  };

  const steps: number[] = [];
  const losses: number[] = [];
  const accuracies: number[] = [];
  const epochs = options.epochs ?? 1000;
  const verbose = 100;
  const optimizer = new SGD({ learningRate: 0.1 });
  for (let i = 0; i < epochs; i++) {
    const grads = gradFn(xData, YOneHot);
    optimizer.applyGradients(zip(grads, variables));
    if (i === 0 || (i + 1) % verbose === 0) {
      const loss = costFn(xData, YOneHot).arraySync() as number;
      const acc = prediction(xData, YOneHot).arraySync() as number;
      steps.push(i + 1);
      losses.push(loss);
      accuracies.push(acc);
      print(`Steps: ${i + 1} Loss: ${loss.toFixed(4)}, Acc: ${acc.toFixed(4)}`);
    }
  }
  return { steps, losses, accuracies, lines };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLab06Zoo({ log: (line) => console.log(line) });
}
