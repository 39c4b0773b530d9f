// `logreg demo [--out DIR]`: the lab end to end on its bundled data, then the estimator on the same data, and lab05.svg.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { accuracy, classificationReport, trainTestSplit, type FlatMatrix, type Label } from "../../index.js";
import { readCsvFile, writeFileAtomic } from "../../io/node.js";
import type { ParsedArgs } from "../args.js";
import { boundarySvg } from "../boundary.js";
import { fitPipeline } from "../fitOptions.js";
import { fmt } from "../format.js";
import { examplesPath, labFunction } from "../labModules.js";
import { whileWriting } from "../interrupt.js";
import { writeOut } from "../output.js";

/** The lab's toy data (lab 05-1: x_train, y_train). */
const TOY_X = [1, 2, 2, 3, 3, 1, 4, 3, 5, 3, 6, 2];
const TOY_Y: Label[] = [0, 0, 0, 1, 1, 1];
/** The lab's test point and its label. */
const TOY_TEST = [5, 2];

function heading(text: string): string {
  return `\n== ${text} ==\n`;
}

/** Runs `logreg demo` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const dir = args.string("out") ?? ".";
  const quiet = args.flag("quiet");
  const say = (line: string): Promise<void> => writeOut(line + "\n");

  await say(heading("Lab 05-1: logistic classification of the toy data, as in the TensorFlow tutorial (GradientTape + SGD, 1001 steps)").trimStart());
  const lines: string[] = [];
  (await labFunction("lab05_1_toy.js", "runLab05Toy"))({ log: (l: string) => lines.push(l) } as never);
  await say(lines.join("\n"));

  const diabetesLines: string[] = [];
  await say(heading("Lab 05-2: the same on diabetes.csv (759 rows, 8 features; seeded random start)"));
  (await labFunction("lab05_2_diabetes.js", "runLab05Diabetes"))({ log: (l: string) => diabetesLines.push(l) } as never);
  await say(diabetesLines.join("\n"));

  // The estimator on the toy data: raw features, L2 with C = 1 (the exact optimum).
  await say(heading("LogisticRegression on the lab's toy data (6 rows, penalty l2, C = 1, raw features)"));
  const toyX: FlatMatrix = { data: Float64Array.from(TOY_X), shape: [6, 2] };
  const toy = fitPipeline(toyX, TOY_Y, { C: 1 }, false, quiet);
  const est = toy.estimator;
  const testProba = est.predictProba({ data: Float64Array.from(TOY_TEST), shape: [1, 2] })[0]!;
  await say(
    [
      `coef ${JSON.stringify(est.coef[0]!.map((v) => Number(v.toFixed(6))))}, intercept ${fmt(est.intercept[0]!, 6)}`,
      `${est.converged ? "converged" : "did NOT converge"} after ${est.nIter} iterations (${est.resolvedSolver}), objective ${fmt(est.objective, 8)}`,
      `training accuracy ${fmt(accuracy(TOY_Y, est.predict(toyX)), 4)}; test point [5, 2]: P(class 1) = ${fmt(testProba[1]!, 4)}, predicted ${String(est.predict({ data: Float64Array.from(TOY_TEST), shape: [1, 2] })[0])} (true 1)`,
      "",
      classificationReport(TOY_Y, est.predict(toyX), { digits: 4 }).trimEnd(),
    ].join("\n"),
  );

  // The estimator on diabetes: standardised, a stratified 25% test split.
  const diabetesPath = examplesPath("data/diabetes.csv");
  const diabetes = await readCsvFile(diabetesPath, { header: false, fileName: "diabetes.csv" });
  const dX: FlatMatrix = { data: diabetes.X, shape: [diabetes.n, diabetes.d] };
  const dY = Array.from<Label>(diabetes.y!);
  const split = trainTestSplit(dX, dY, { testSize: 0.25, seed: 0, stratify: true });
  await say(
    heading(`LogisticRegression on diabetes.csv (${diabetes.n} rows, ${diabetes.d} features; standardised; stratified test split of ${split.yTest.length} rows, seed 0)`),
  );
  const fitted = fitPipeline(split.xTrain, split.yTrain, { C: 1 }, true, quiet);
  const seeTest = fitted.scaler!.transform(split.xTest);
  const seeTrain = fitted.scaler!.transform(split.xTrain);
  const predTest = fitted.estimator.predict(seeTest);
  await say(
    [
      `${fitted.estimator.converged ? "converged" : "did NOT converge"} after ${fitted.estimator.nIter} iterations (${fitted.estimator.resolvedSolver}), objective ${fmt(fitted.estimator.objective, 8)}`,
      `training accuracy ${fmt(accuracy(split.yTrain, fitted.estimator.predict(seeTrain)), 4)}, test accuracy ${fmt(accuracy(split.yTest, predTest), 4)}`,
      "",
      "classification report (test rows):",
      "",
      classificationReport(split.yTest, predTest, { digits: 4 }).trimEnd(),
    ].join("\n"),
  );

  // The decision-boundary picture of the toy data.
  await mkdir(dir, { recursive: true });
  const svgPath = join(dir, "lab05.svg");
  const svg = boundarySvg({
    scaler: null,
    estimator: est,
    X: toyX,
    y: TOY_Y,
    featureNames: ["x1", "x2"],
    xIndex: 0,
    yIndex: 1,
    title: "Lab 05 toy data: LogisticRegression (C = 1) decision boundary",
  });
  await whileWriting(() => writeFileAtomic(svgPath, svg));
  await say(`\nwrote ${svgPath} (the toy data's decision boundary)`);
}
