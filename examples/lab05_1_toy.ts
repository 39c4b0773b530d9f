// Lab 05-1 of the TensorFlow 2 tutorial, "Logistic Classification (eager execution)", line for
// line with logreg's public API. Run it with `npm run lab`; it prints what TensorFlow printed:
// Iter: 0, Loss: 0.6874 … Iter: 1000, Loss: 0.4144, then Testset Accuracy: 1.0000.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Dataset, GradientTape, SGD, Variable, add, cast, div, equal, exp, greater, log, matMul, mean, mul, neg, sub, tensor, zeros, zip,
  type Tensor,
} from "../src/index.js";

/** What the lab printed: the loss after the update at steps 0, 100, …, 1000, and the test accuracy. */
export interface Lab05ToyResult {
  steps: number[];
  losses: number[];
  testAccuracy: number;
  lines: string[];
}

/** Options of the lab runs: where printed lines go (default: nowhere), and the number of epochs. */
export interface LabOptions {
  log?: (line: string) => void;
  epochs?: number;
}

/** Runs lab 05-1 on the toy data and returns the printed figures. */
export function runLab05Toy(options: LabOptions = {}): Lab05ToyResult {
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    options.log?.(line);
  };
  const xTrain = tensor([[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]]);
  const yTrain = tensor([[0], [0], [0], [1], [1], [1]]);
  const xTest = tensor([[5, 2]]);
  const yTest = tensor([[1]]);

  const dataset = Dataset.fromTensorSlices([xTrain, yTrain]).batch(xTrain.shape[0]!);

  const W = new Variable(zeros([2, 1]), { name: "weight" });
  const b = new Variable(zeros([1]), { name: "bias" });

  // The lab's hypothesis, 1 / (1 + exp(XW + b)): sigmoid(XW + b) with W and b negated, so the
  // losses are the same (tutorial.json); examples elsewhere write sigmoid(add(matMul(x, W), b)).
  const logisticRegression = (features: Tensor): Tensor => div(1, add(1, exp(add(matMul(features, W), b))));

  // As in the lab, the first term recomputes the hypothesis from the features.
  const lossFn = (hypothesis: Tensor, features: Tensor, labels: Tensor): Tensor =>
    neg(mean(add(mul(labels, log(logisticRegression(features))), mul(sub(1, labels), log(sub(1, hypothesis))))));

  const optimizer = new SGD({ learningRate: 0.01 });

  const accuracyFn = (hypothesis: Tensor, labels: Tensor): Tensor => {
    const predicted = cast(greater(hypothesis, 0.5), "float32");
    return mean(cast(equal(predicted, labels), "float32"));
  };

  const grad = (_hypothesis: Tensor, features: Tensor, labels: Tensor): (Tensor | null)[] => {
    using tape = new GradientTape();
    const lossValue = lossFn(logisticRegression(features), features, labels);
    return tape.gradient(lossValue, [W, b]);
  };

  const steps: number[] = [];
  const losses: number[] = [];
  const epochs = options.epochs ?? 1001;
  for (let step = 0; step < epochs; step++) {
    for (const [features, labels] of dataset) {
      const grads = grad(logisticRegression(features), features, labels);
      optimizer.applyGradients(zip(grads, [W, b]));
      if (step % 100 === 0) {
        const loss = lossFn(logisticRegression(features), features, labels).arraySync() as number;
        steps.push(step);
        losses.push(loss);
        print(`Iter: ${step}, Loss: ${loss.toFixed(4)}`);
      }
    }
  }
  const testAccuracy = accuracyFn(logisticRegression(xTest), yTest).arraySync() as number;
  print(`Testset Accuracy: ${testAccuracy.toFixed(4)}`);
  return { steps, losses, testAccuracy, lines };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLab05Toy({ log: (line) => console.log(line) });
}
