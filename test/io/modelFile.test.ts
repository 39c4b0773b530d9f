// Model files: deterministic round trips of real fitted models (scikit-learn's numbers), and
// every kind of damaged file gives a ModelFileError that says which field and what to do.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { ModelFileError, parseModelFile, serializeModelFile, validateModelFile, type ModelFile } from "../../src/index.js";
import { readModelFile, writeModelFile } from "../../src/io/node.js";
import { DATA } from "./helpers.js";

interface SkFit {
  coef: number[][];
  intercept: number[];
  classes: number[];
  n_iter: number[];
  train_log_loss: number;
  train_accuracy: number;
  scaler_mean?: number[];
  scaler_scale?: number[];
  sklearn_objective_C_sum_loss_plus_half_w2: number;
}
const ref = JSON.parse(readFileSync(join(DATA, "reference", "sklearn.json"), "utf8")) as Record<string, { sklearn: SkFit }>;
const header = (name: string): string[] => readFileSync(join(DATA, name), "utf8").split("\n")[0]!.trim().split(",");

function model(key: string, csv: string, multiClass: "binary" | "multinomial"): ModelFile {
  const s = ref[key]!.sklearn;
  const names = header(csv);
  const d = names.length - 1;
  return {
    format: "logreg-model",
    version: 1,
    featureNames: names.slice(0, d),
    target: names[d]!,
    scaler: s.scaler_mean && s.scaler_scale ? { mean: s.scaler_mean, scale: s.scaler_scale } : null,
    estimator: {
      kind: "LogisticRegression",
      options: { penalty: "l2", C: 1, solver: "lbfgs", classWeight: null, tol: 1e-12, maxIter: 10000 },
      classes: s.classes,
      coef: s.coef,
      intercept: s.intercept,
      multiClass,
      nFeatures: d,
      nIter: s.n_iter[0]!,
      converged: true,
      objective: s.sklearn_objective_C_sum_loss_plus_half_w2,
      history: [100.5, 50.25, s.sklearn_objective_C_sum_loss_plus_half_w2],
    },
    training: { rows: 569, trainLogLoss: s.train_log_loss, trainAccuracy: s.train_accuracy, objectiveHistory: [100.5, 50.25, s.sklearn_objective_C_sum_loss_plus_half_w2] },
  };
}
const cancer = (): ModelFile => model("breast_cancer_l2_C1_standardized", "breast_cancer.csv", "binary");
const iris = (): ModelFile => model("iris_multinomial_l2_C1_standardized", "iris.csv", "multinomial");

describe("round trips", () => {
  test("scikit-learn's fitted numbers survive exactly, and the text is byte-identical each time", () => {
    for (const m of [cancer(), iris()]) {
      const text = serializeModelFile(m);
      assert.equal(serializeModelFile(m), text);
      const back = parseModelFile(text, "m.json");
      assert.deepEqual(back, m);
      assert.equal(serializeModelFile(back), text);
      // every coefficient is the very same double
      m.estimator.coef.flat().forEach((v, i) => assert.ok(Object.is(back.estimator.coef.flat()[i], v)));
      assert.ok(!/\d{4}-\d\d-\d\dT/.test(text), "no timestamps");
    }
  });
  test("key order does not depend on how the object was built; options are sorted", () => {
    const a = cancer();
    const b = cancer();
    b.estimator.options = Object.fromEntries(Object.entries(b.estimator.options).reverse());
    const reordered = JSON.parse(JSON.stringify(b)) as ModelFile;
    assert.equal(serializeModelFile(reordered), serializeModelFile(a));
    const text = serializeModelFile(a);
    assert.ok(text.indexOf('"C"') < text.indexOf('"penalty"'));
    assert.ok(text.startsWith('{\n  "format": "logreg-model",\n  "version": 1,\n'));
  });
  test("string classes, no scaler, a null target", () => {
    const m = iris();
    m.estimator.classes = ["setosa", "versicolor", "virginica"];
    m.scaler = null;
    m.target = null;
    assert.deepEqual(parseModelFile(serializeModelFile(m)), m);
  });
  test("serializeModelFile refuses a model it could not read back", () => {
    const m = cancer();
    m.estimator.coef[0]![2] = Number.NaN;
    assert.throws(() => serializeModelFile(m), (e: unknown) => e instanceof ModelFileError && /estimator\.coef\[0\]\[2\]: must be a finite number, found NaN/.test(e.message));
  });
});

describe("damaged files", () => {
  const good = serializeModelFile(cancer());
  const goodIris = serializeModelFile(iris());
  const edit = (f: (o: Record<string, any>) => void, base = good): string => {
    const o = JSON.parse(base) as Record<string, any>;
    f(o);
    return JSON.stringify(o);
  };
  const cases: [string, string, RegExp][] = [
    ["empty", "", /the file is empty/],
    ["not JSON", "hello world", /not valid JSON at line 1, column 1/],
    ["a CSV given as model", "a,b\n1,2\n", /not valid JSON at line 1, column 1/],
    ["truncated", good.slice(0, Math.floor(good.length / 2)), /ends too early.*truncated/],
    ["truncated after a key", good.slice(0, good.indexOf('"target"') + 9), /ends too early/],
    ["cut in true", good.slice(0, good.indexOf("true") + 2), /ends too early/],
    ["trailing garbage", good + "}", /unexpected text after the end/],
    ["error position", '{\n  "format": "logreg-model",\n  "version": 1,,\n}', /line 3, column 16/],
    ["NaN literal", good.replace(/"objective": [^,]+,/, '"objective": NaN,'), /NaN is not a JSON value/],
    ["Infinity literal", good.replace(/"objective": [^,]+,/, '"objective": Infinity,'), /Infinity is not a JSON value/],
    ["a number that overflows", good.replace(/"objective": [^,]+,/, '"objective": 1e999,'), /estimator\.objective: must be a finite number, found Infinity/],
    ["duplicate key", good.replace('"version": 1,', '"version": 1,\n  "version": 1,'), /the key "version" appears twice/],
    ["deep nesting", "[".repeat(10000), /nesting deeper than 64/],
    ["an array", "[1,2]", /not a logreg model file/],
    ["another format", edit((o) => (o.format = "sklearn-pickle")), /not a logreg model file: its format is "sklearn-pickle"/],
    ["no format", edit((o) => delete o.format), /no "format" field/],
    ["a newer version", edit((o) => (o.version = 2)), /version 2: it was written by a newer logreg.*upgrade/],
    ["version 0", edit((o) => (o.version = 0)), /field version: must be a positive integer/],
    ["version as text", edit((o) => (o.version = "1")), /field version: must be a positive integer, found "1"/],
    ["missing training", edit((o) => delete o.training), /field training: is missing/],
    ["missing coef", edit((o) => delete o.estimator.coef), /field estimator\.coef: is missing/],
    ["unknown field", edit((o) => (o.extra = 1)), /field extra: is not a field of a version 1 model file/],
    ["null in coef", edit((o) => (o.estimator.coef[0][3] = null)), /field estimator\.coef\[0\]\[3\]: must be a finite number, found null/],
    ["text in coef", edit((o) => (o.estimator.coef[0][0] = "0.5")), /estimator\.coef\[0\]\[0\]: must be a finite number, found "0\.5"/],
    ["coef row too short", edit((o) => o.estimator.coef[0].pop()), /estimator\.coef\[0\]: has 29 coefficients but the model has 30 features/],
    ["coef not a matrix", edit((o) => (o.estimator.coef = [5])), /estimator\.coef\[0\]: must be an array of 30 numbers/],
    ["two coef rows for binary", edit((o) => o.estimator.coef.push(o.estimator.coef[0])), /estimator\.coef: has 2 rows but a "binary" model with 2 classes has 1/],
    ["multinomial with too few rows", edit((o) => o.estimator.coef.pop(), goodIris), /estimator\.coef: has 2 rows but a "multinomial" model with 3 classes has 3/],
    ["binary with three classes", edit((o) => o.estimator.classes.push(2)), /estimator\.multiClass: is "binary" but there are 3 classes/],
    ["ovr with two classes", edit((o) => (o.estimator.multiClass = "ovr")), /is "ovr" but there are only 2 classes/],
    ["unknown multiClass", edit((o) => (o.estimator.multiClass = "softmax")), /must be "binary", "multinomial" or "ovr"/],
    ["duplicate classes", edit((o) => (o.estimator.classes = [1, 1])), /estimator\.classes\[1\]: 1 appears twice/],
    ["one class", edit((o) => (o.estimator.classes = [1])), /at least two class labels/],
    ["mixed class types", edit((o) => (o.estimator.classes = [0, "1"])), /estimator\.classes\[1\]: is "1"; the labels must be all finite numbers or all strings/],
    ["intercept length", edit((o) => o.estimator.intercept.push(0)), /estimator\.intercept: has 2 entries but coef has 1 rows/],
    ["feature count", edit((o) => o.featureNames.pop()), /estimator\.nFeatures: is 30 but featureNames has 29 names/],
    ["duplicate feature names", edit((o) => (o.featureNames[1] = o.featureNames[0])), /featureNames\[1\]: "mean_radius" appears twice/],
    ["scaler length", edit((o) => o.scaler.mean.pop()), /scaler\.mean: has 29 entries but the model has 30/],
    ["scale zero", edit((o) => (o.scaler.scale[4] = 0)), /scaler\.scale\[4\]: must be > 0, found 0/],
    ["scale negative", edit((o) => (o.scaler.scale[0] = -1)), /scaler\.scale\[0\]: must be > 0/],
    ["scaler not an object", edit((o) => (o.scaler = [1])), /field scaler: must be an object/],
    ["kind", edit((o) => (o.estimator.kind = "SVC")), /estimator\.kind: must be "LogisticRegression"/],
    ["nIter", edit((o) => (o.estimator.nIter = -1)), /estimator\.nIter: must be an integer ≥ 0/],
    ["converged", edit((o) => (o.estimator.converged = "yes")), /estimator\.converged: must be true or false/],
    ["history", edit((o) => (o.estimator.history = [1, null])), /estimator\.history\[1\]: must be a finite number/],
    ["options", edit((o) => (o.estimator.options = null)), /estimator\.options: must be an object/],
    ["accuracy", edit((o) => (o.training.trainAccuracy = 1.5)), /training\.trainAccuracy: must be between 0 and 1/],
    ["rows", edit((o) => (o.training.rows = 0)), /training\.rows: must be an integer ≥ 1/],
    ["target also a feature", edit((o) => (o.target = o.featureNames[0])), /field target: "mean_radius" is also a feature name/],
  ];
  for (const [name, text, message] of cases) {
    test(name, () => {
      assert.throws(
        () => parseModelFile(text, "model.json"),
        (e: unknown) => {
          assert.ok(e instanceof ModelFileError, `expected ModelFileError, got ${String(e)}`);
          assert.ok(e.message.startsWith("model.json: "), e.message);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }
  test("fuzz: mutated model files give a model or a ModelFileError", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 5 })), { minLength: 1, maxLength: 4 }), (edits) => {
        let t = good;
        for (const [p, s, del] of edits) {
          const at = p % (t.length + 1);
          t = t.slice(0, at) + s + t.slice(at + del);
        }
        try {
          const m = parseModelFile(t, "f.json");
          assert.equal(validateModelFile(m).estimator.coef[0]!.length, m.featureNames.length);
        } catch (e) {
          if (!(e instanceof ModelFileError)) throw e;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 0) || 1500 },
    );
  });
});

describe("model files on disk", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "logreg-io-model-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  test("write then read gives the same model and the same bytes", async () => {
    const path = join(dir, "m.json");
    await writeModelFile(path, iris());
    assert.deepEqual(await readModelFile(path), iris());
    assert.equal(readFileSync(path, "utf8"), serializeModelFile(iris()));
  });
  test("missing, a directory, not UTF-8, not a model", async () => {
    await assert.rejects(readModelFile(join(dir, "none.json")), (e: unknown) => e instanceof ModelFileError && /none\.json: no such file/.test(e.message));
    mkdirSync(join(dir, "d"));
    await assert.rejects(readModelFile(join(dir, "d")), /is a directory/);
    writeFileSync(join(dir, "bin.json"), Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]));
    await assert.rejects(readModelFile(join(dir, "bin.json")), /not UTF-8 text/);
    writeFileSync(join(dir, "data.csv"), "a,b\n1,2\n");
    await assert.rejects(readModelFile(join(dir, "data.csv")), /data\.csv: not valid JSON at line 1, column 1/);
  });
});
