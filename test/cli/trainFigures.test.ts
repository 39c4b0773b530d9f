// `logreg train` computes its training (and test) figures in one flat pass over the decision values
// and reads X straight into the fit's storage; both must give exactly what the public API gives:
// accuracy(y, predict(X)) and logLoss(y, predictProba(X)) of the saved model on the parsed file,
// for binary, multinomial and one-vs-rest models, raw and standardised, float64 and float32 storage
// (a file past 1e6 values), with and without a test split.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LogisticRegression, StandardScaler, accuracy, logLoss, parseCsv, parseModelFile, trainTestSplit, type Label } from "../../src/index.js";
import { data, logreg, tempDir } from "./run.js";

interface TrainJson {
  rows: number;
  trainRows: number;
  trainLogLoss: number;
  trainAccuracy: number;
  testLogLoss?: number;
  testAccuracy?: number;
}

/** Exact figures of a saved model on rows X (raw features) with labels y, through the public API. */
function figures(model: string, X: Float64Array, n: number, d: number, y: readonly Label[]): { accuracy: number; logLoss: number } {
  const file = parseModelFile(readFileSync(model, "utf8"));
  const est = LogisticRegression.fromJSON(file.estimator);
  const scaler = file.scaler === null ? null : StandardScaler.fromJSON(file.scaler);
  const raw = { data: X, shape: [n, d] as [number, number] };
  const xs = scaler === null ? raw : scaler.transform(raw);
  return { accuracy: accuracy(y, est.predict(xs)), logLoss: logLoss(y, est.predictProba(xs), { labels: Array.from(est.classes) }) };
}

/** A seeded 3-class file of 20,000 × 52 (1,040,000 values: float32 storage), string labels. */
function bigFile(path: string): void {
  let a = 12345;
  const r = (): number => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
  const d = 52;
  const lines = [Array.from({ length: d }, (_, j) => `x${j}`).join(",") + ",kind"];
  for (let i = 0; i < 20_000; i++) {
    const row: string[] = [];
    let z0 = 0;
    let z1 = 0;
    for (let j = 0; j < d; j++) {
      const v = (r() - 0.5) * (1 + j);
      row.push(v.toPrecision(1 + (j % 9)));
      z0 += j % 3 === 0 ? v / (1 + j) : 0;
      z1 += j % 3 === 1 ? v / (1 + j) : 0;
    }
    const u = r() - 0.5;
    lines.push(`${row.join(",")},${z0 + u > 0.3 ? "high" : z1 + u > 0 ? "mid" : "low"}`);
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

describe("train: figures equal to the public API's", () => {
  const tmp = tempDir("logreg-figures-");
  let big = "";
  before(() => {
    big = join(tmp.dir, "big.csv");
    bigFile(big);
  });
  after(() => tmp.cleanup());

  const cases: { name: string; file: () => string; args: string[] }[] = [
    { name: "binary, standardised", file: () => data("breast_cancer.csv"), args: [] },
    { name: "binary, raw", file: () => data("breast_cancer.csv"), args: ["--no-standardize"] },
    { name: "multinomial, raw", file: () => data("iris.csv"), args: ["--no-standardize"] },
    { name: "one-vs-rest, standardised, test split", file: () => data("iris.csv"), args: ["--multi-class", "ovr", "--test-size", "0.3"] },
    { name: "float32 storage read straight from the file (raw, 1,040,000 values), multinomial", file: () => big, args: ["--no-standardize", "--max-iter", "30"] },
    { name: "float32 storage after the scaler", file: () => big, args: ["--max-iter", "30"] },
    { name: "float32 storage, one-vs-rest, test split", file: () => big, args: ["--multi-class", "ovr", "--test-size", "0.2", "--max-iter", "20"] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const model = join(tmp.dir, "model.json");
      const r = logreg(["train", c.file(), ...c.args, "--json", "--quiet", "--out", model]);
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as TrainJson;
      const parsed = parseCsv(new Uint8Array(readFileSync(c.file())));
      const y = parsed.y as Label[];
      let train = { X: parsed.X, n: parsed.n, y };
      let test: typeof train | null = null;
      const at = c.args.indexOf("--test-size");
      if (at >= 0) {
        const s = trainTestSplit({ data: parsed.X, shape: [parsed.n, parsed.d] }, y, { testSize: Number(c.args[at + 1]), seed: 0, stratify: true });
        train = { X: s.xTrain.data as Float64Array, n: s.yTrain.length, y: s.yTrain };
        test = { X: s.xTest.data as Float64Array, n: s.yTest.length, y: s.yTest };
      }
      const want = figures(model, train.X, train.n, parsed.d, train.y);
      assert.equal(j.trainRows, train.n);
      assert.equal(j.trainAccuracy, want.accuracy);
      assert.equal(j.trainLogLoss, want.logLoss);
      const saved = parseModelFile(readFileSync(model, "utf8"));
      assert.equal(saved.training.trainLogLoss, want.logLoss);
      assert.equal(saved.training.trainAccuracy, want.accuracy);
      if (test !== null) {
        const t = figures(model, test.X, test.n, parsed.d, test.y);
        assert.equal(j.testAccuracy, t.accuracy);
        assert.equal(j.testLogLoss, t.logLoss);
      }
      // the text output prints the same figures
      const text = logreg(["train", c.file(), ...c.args, "--quiet"]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`train: +accuracy ${want.accuracy.toFixed(4).replace(".", "\\.")}`));
    });
  }
});
