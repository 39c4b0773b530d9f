// Lab 05-2 of the TensorFlow 2 tutorial, "Logistic Classification on the diabetes data (eager
// execution)", line for line with logreg's public API: 759 rows, 8 features scaled to [-1, 1].
// W and b start random normal (seeded), so the losses differ from TensorFlow's printed ones
// (tutorial.json: 0.6556 → 0.5475) while following the same course.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Dataset, GradientTape, SGD, Variable, add, cast, equal, greater, log, matMul, mean, mul, neg, randomNormal, sigmoid, sub, tensor,
  zip, type Tensor,
} from "../src/index.js";
import { readNumericCsv } from "./readNumericCsv.js";

/** Options of the diabetes lab: where printed lines go, the number of epochs and the seed of the initial weights. */
export interface Lab05DiabetesOptions {
  log?: (line: string) => void;
  epochs?: number;
  seed?: number;
}

/** What the lab printed: the loss after the update every 100 steps, and the accuracy on the training data. */
export interface Lab05DiabetesResult {
  steps: number[];
  losses: number[];
  accuracy: number;
  lines: string[];
}

/** Runs lab 05-2 on diabetes.csv and returns the printed figures. */
export function runLab05Diabetes(options: Lab05DiabetesOptions = {}): Lab05DiabetesResult {
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    options.log?.(line);
  };
  const seed = options.seed ?? 777;
  const xy = readNumericCsv(join(dirname(fileURLToPath(import.meta.url)), "data", "diabetes.csv"));
  const xTrain = tensor(xy.map((row) => row.slice(0, -1)));
  const yTrain = tensor(xy.map((row) => [row[row.length - 1]!]));

  const dataset = Dataset.fromTensorSlices([xTrain, yTrain]).batch(xTrain.shape[0]!);

  const W = new Variable(randomNormal([8, 1], { seed }), { name: "weight" });
  const b = new Variable(randomNormal([1], { seed: seed + 1 }), { name: "bias" });

  const logisticRegression = (features: Tensor): Tensor => sigmoid(add(matMul(features, W), b));

  const lossFn = (hypothesis: Tensor, labels: Tensor): Tensor =>
    neg(mean(add(mul(labels, log(hypothesis)), mul(sub(1, labels), log(sub(1, hypothesis))))));

  const optimizer = new SGD({ learningRate: 0.01 });

  const accuracyFn = (hypothesis: Tensor, labels: Tensor): Tensor => {
    const predicted = cast(greater(hypothesis, 0.5), "float32");
    return mean(cast(equal(predicted, labels), "float32"));
  };

  const grad = (features: Tensor, labels: Tensor): (Tensor | null)[] => {
    using tape = new GradientTape();
    const lossValue = lossFn(logisticRegression(features), labels);
    return tape.gradient(lossValue, [W, b]);
  };

  const steps: number[] = [];
  const losses: number[] = [];
  const epochs = options.epochs ?? 1001;
  for (let step = 0; step < epochs; step++) {
    for (const [features, labels] of dataset) {
      const grads = grad(features, labels);
      optimizer.applyGradients(zip(grads, [W, b]));
      if (step % 100 === 0) {
        const loss = lossFn(logisticRegression(features), labels).arraySync() as number;
        steps.push(step);
        losses.push(loss);
        print(`Iter: ${step}, Loss: ${loss.toFixed(4)}`);
      }
    }
  }
  const accuracy = accuracyFn(logisticRegression(xTrain), yTrain).arraySync() as number;
  print(`Accuracy (training set): ${accuracy.toFixed(4)}`);
  return { steps, losses, accuracy, lines };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLab05Diabetes({ log: (line) => console.log(line) });
}
