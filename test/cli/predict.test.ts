// `logreg predict`: with or without the target column, --proba, --out, headerless files, string labels, streaming order.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LogisticRegression, StandardScaler, parseCsv, parseModelFile } from "../../src/index.js";
import { assertInputError, data, logreg, snapshot, tempDir } from "./run.js";

const tmp = tempDir();
const model = join(tmp.dir, "iris.json");
const irisText = readFileSync(data("iris.csv"), "utf8");
const irisLines = irisText.trimEnd().split("\n");

/** The model's predictions computed through the public API from the saved model file. */
function libraryPredict(modelPath: string, csvText: string): { labels: (number | string)[]; proba: number[][] } {
  const m = parseModelFile(readFileSync(modelPath, "utf8"), modelPath);
  const t = parseCsv(csvText, { featureNames: m.featureNames, target: m.target });
  const scaler = StandardScaler.fromJSON(m.scaler);
  const est = LogisticRegression.fromJSON(m.estimator);
  const X = scaler.transform({ data: t.X, shape: [t.n, t.d] });
  return { labels: est.predict(X), proba: est.predictProba(X) };
}

describe("logreg predict", () => {
  before(() => {
    const r = logreg(["train", data("iris.csv"), "--out", model, "--quiet"]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => tmp.cleanup());

  test("one 'prediction' column, rows in order, equal to the estimator's predictions", () => {
    const r = logreg(["predict", model, data("iris.csv")]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.equal(lines[0], "prediction");
    assert.deepEqual(lines.slice(1), libraryPredict(model, irisText).labels.map(String));
  });

  test("a file without the target column gives the same output; the columns may come in another order", () => {
    const noTarget = irisLines.map((l) => l.split(",").slice(0, 4).join(",")).join("\n") + "\n";
    const shuffled = irisLines.map((l) => { const c = l.split(","); return [c[4], c[2], c[0], c[3], c[1]].join(","); }).join("\n") + "\n";
    writeFileSync(join(tmp.dir, "noTarget.csv"), noTarget);
    writeFileSync(join(tmp.dir, "shuffled.csv"), shuffled);
    const base = logreg(["predict", model, data("iris.csv"), "--proba"]);
    for (const f of ["noTarget.csv", "shuffled.csv"]) {
      const r = logreg(["predict", model, join(tmp.dir, f), "--proba"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, base.stdout, f);
    }
  });

  test("--proba: a header of the class names, one row of probabilities summing to 1 per input row", () => {
    const r = logreg(["predict", model, data("iris.csv"), "--proba"]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.equal(lines[0], "0,1,2");
    const P = lines.slice(1).map((l) => l.split(",").map(Number));
    assert.equal(P.length, 150);
    for (const p of P) assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const lib = libraryPredict(model, irisText).proba;
    P.forEach((p, i) => p.forEach((v, k) => assert.equal(v, lib[i]![k]!)));
  });

  test("--out writes the file (and nothing on stdout); --no-header reads a headerless file", () => {
    const out = join(tmp.dir, "pred.csv");
    const r = logreg(["predict", model, data("iris.csv"), "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(readFileSync(out, "utf8"), logreg(["predict", model, data("iris.csv")]).stdout);
    writeFileSync(join(tmp.dir, "nohead.csv"), irisLines.slice(1).join("\n") + "\n");
    const h = logreg(["predict", model, join(tmp.dir, "nohead.csv"), "--no-header"]);
    assert.equal(h.code, 0, h.stderr);
    assert.equal(h.stdout, readFileSync(out, "utf8"));
    assert.deepEqual(snapshot(tmp.dir).split("\n").filter((l) => l.startsWith(".")), [], "no temporary file left behind");
  });

  test("string labels: class names in the header, quoted when they hold a comma", () => {
    const names = ["setosa", "versi,color", 'vir"ginica'];
    const text = irisLines[0] + "\n" + irisLines.slice(1).map((l) => { const c = l.split(","); const k = Number(c[4]); return [...c.slice(0, 4), JSON.stringify(names[k]).replace(/\\"/g, '""')].join(","); }).join("\n") + "\n";
    const f = join(tmp.dir, "named.csv");
    writeFileSync(f, text);
    const m = join(tmp.dir, "named.json");
    assert.equal(logreg(["train", f, "--out", m, "--quiet"]).code, 0);
    const r = logreg(["predict", m, f, "--proba"]);
    assert.equal(r.code, 0, r.stderr);
    // sorted classes: "setosa" < "versi,color" < 'vir"ginica'
    assert.equal(r.stdout.split("\n")[0], 'setosa,"versi,color","vir""ginica"');
    const labels = logreg(["predict", m, f]).stdout.trimEnd().split("\n").slice(1);
    assert.equal(labels.filter((l) => l === '"versi,color"').length > 40, true);
    assert.deepEqual(labels.slice(0, 3), ["setosa", "setosa", "setosa"]);
  });

  test("a big file streams in blocks and keeps the rows in order", () => {
    // 2,000 copies of iris's 150 rows, each copy rotated so that block edges fall mid-pattern
    const body = irisLines.slice(1);
    const parts: string[] = [irisLines[0]!];
    const order: number[] = [];
    for (let rep = 0; rep < 2000; rep++) {
      for (let i = 0; i < 150; i++) {
        const src = (i + rep) % 150;
        parts.push(body[src]!);
        order.push(src);
      }
    }
    const f = join(tmp.dir, "big.csv");
    writeFileSync(f, parts.join("\n") + "\n");
    const r = logreg(["predict", model, f, "--proba"]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split("\n");
    assert.equal(lines.length, 300_000 + 2);
    const one = libraryPredict(model, irisText).proba.map((p) => p.join(","));
    for (let i = 0; i < order.length; i++) {
      if (lines[i + 1] !== one[order[i]!]) assert.fail(`row ${i + 1}: ${lines[i + 1]} ≠ ${one[order[i]!]}`);
    }
  });

  test("feature names that differ from the model's: an error listing the difference", () => {
    const renamed = irisText.replace("sepal_width_cm", "sepal_wid").replace("petal_width_cm,", "");
    const f = join(tmp.dir, "renamed.csv");
    writeFileSync(f, renamed.split("\n").map((l, i) => (i === 0 ? l : l.split(",").filter((_, j) => j !== 3).join(","))).join("\n"));
    const out = join(tmp.dir, "never.csv");
    const r = logreg(["predict", model, f, "--out", out]);
    assertInputError(r, /renamed\.csv, line 1: .*missing "sepal_width_cm", "petal_width_cm"; not expected "sepal_wid"/);
    assert.doesNotMatch(snapshot(tmp.dir), /never\.csv/);
  });
});
