// Determinism: the same data, options and seed give a byte-identical model file across runs (separate
// processes) and across thread counts (the CLI run with its kernels forced onto a pool of 1 and of 2
// threads, on a problem big enough for the pool); shuffles, splits and folds are reproducible.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Dataset, kFold, stratifiedKFold, tensor, trainTestSplit } from "../../src/index.js";
import { cli, corpus, dataDir, logregMany, tempDir } from "./helpers.js";

const tmp = tempDir();
after(() => tmp.cleanup());
const f = (name: string): string => join(tmp.dir, name);

describe("the same model file, byte for byte", () => {
  test("two runs of every solver (and of a split) write identical files; another seed changes the stochastic ones", async () => {
    const iris = join(dataDir, "iris.csv");
    const train = join(corpus, "valid", "train.csv");
    const variants: [string, string[]][] = [
      ["lbfgs", [iris, "--solver", "lbfgs"]],
      ["sgd", [train, "--solver", "sgd", "--max-iter", "30"]],
      ["owlqn", [iris, "--penalty", "l1", "--solver", "owlqn"]],
      ["split", [iris, "--test-size", "0.3", "--seed", "7"]],
      ["sgd-seed", [train, "--solver", "sgd", "--max-iter", "30", "--seed", "1"]],
    ];
    const runs = variants.flatMap(([name, args]) => [0, 1].map((k) => ["train", ...args, "--quiet", "--out", f(`${name}-${k}.json`)]));
    for (const r of await logregMany(runs)) assert.equal(r.code, 0, r.stderr);
    for (const [name] of variants) assert.equal(readFileSync(f(`${name}-1.json`), "utf8"), readFileSync(f(`${name}-0.json`), "utf8"), `${name}: two runs differ`);
    assert.notEqual(readFileSync(f("sgd-seed-0.json"), "utf8"), readFileSync(f("sgd-0.json"), "utf8"), "another seed, another sgd model");
  });
});

describe("the same model file with 1 and 2 threads", () => {
  const big = f("big.csv");
  before(() => {
    // 100,000 rows × 12 features: X is stored as float32 and goes to the WebAssembly kernels' pool
    let s = 12345;
    const r = (): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const lines = [[...Array(12).keys()].map((j) => `f${j}`).join(",") + ",y"];
    for (let i = 0; i < 100_000; i++) {
      const row = Array.from({ length: 12 }, () => r() * 4 - 2);
      const z = row[0]! - row[1]! + 0.5 * row[2]! + r() - 0.5;
      lines.push(`${row.map((v) => v.toFixed(5)).join(",")},${z > 0.8 ? "b" : z < -0.8 ? "c" : "a"}`);
    }
    writeFileSync(big, lines.join("\n") + "\n");
  });

  /** Runs `logreg train` with every fit on a kernel pool of `threads` threads; returns the model text and the most threads a call used. */
  function trainOn(threads: number, out: string, extra: string[]): { model: string; most: number } {
    const preload = f(`pool${threads}.mjs`);
    const used = f(`used${threads}.txt`);
    const index = pathToFileURL(join(cli, "..", "..", "index.js")).href;
    writeFileSync(
      preload,
      `import { writeFileSync } from "node:fs";
import { createKernelPool, setKernels } from ${JSON.stringify(index)};
const pool = await createKernelPool({ threads: ${threads}, minWorkPerThread: 1 });
await pool.ready();
let most = 0;
const k = {};
for (const name of ["binaryLossGrad", "binaryHessVec", "binaryDecision", "multinomialLossGrad", "multinomialHessVec", "multinomialDecision"]) {
  k[name] = (...a) => { const r = pool[name](...a); most = Math.max(most, pool.lastThreads); return r; };
}
Object.defineProperty(k, "name", { value: pool.name });
setKernels(k);
process.on("exit", () => writeFileSync(${JSON.stringify(used)}, String(most)));
`,
    );
    const r = spawnSync(process.execPath, ["--import", preload, cli, "train", big, "--quiet", "--out", out, ...extra], { encoding: "utf8", timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    return { model: readFileSync(out, "utf8"), most: Number(readFileSync(used, "utf8")) };
  }

  test("multinomial (newton): bit-identical model files, and the 2-thread pool really used 2 threads", () => {
    for (const solver of ["newton"]) {
      const one = trainOn(1, f(`t1-${solver}.json`), ["--solver", solver]);
      const two = trainOn(2, f(`t2-${solver}.json`), ["--solver", solver]);
      assert.equal(one.most, 1);
      assert.equal(two.most, 2, "the pool split the rows over 2 threads");
      assert.equal(two.model, one.model, `${solver}: the model file differs between 1 and 2 threads`);
      const m = JSON.parse(one.model) as { estimator: { options: { precision: string }; classes: string[] }; training: { rows: number } };
      assert.deepEqual([m.estimator.classes, m.training.rows], [["a", "b", "c"], 100_000]);
    }
  });
});

describe("shuffles, splits and folds are reproducible", () => {
  const n = 200;
  const X = Array.from({ length: n }, (_, i) => [i, i % 7]);
  const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "a" : i % 3 === 1 ? "b" : "c"));

  test("trainTestSplit: same seed, same split; another seed, another split; a partition of the rows", () => {
    for (const stratify of [false, true]) {
      const a = trainTestSplit(X, y, { testSize: 0.25, seed: 3, stratify });
      const b = trainTestSplit(X, y, { testSize: 0.25, seed: 3, stratify });
      const c = trainTestSplit(X, y, { testSize: 0.25, seed: 4, stratify });
      assert.deepEqual([a.trainIndex, a.testIndex], [b.trainIndex, b.testIndex]);
      assert.notDeepEqual(a.testIndex, c.testIndex);
      assert.deepEqual([...a.trainIndex, ...a.testIndex].sort((p, q) => p - q), [...Array(n).keys()]);
      assert.deepEqual(a.xTest, a.testIndex.map((i) => X[i]));
    }
  });

  test("kFold and stratifiedKFold with shuffle: same seed, same folds; the folds partition the rows", () => {
    const folds = [
      [kFold(n, { k: 5, shuffle: true, seed: 9 }), kFold(n, { k: 5, shuffle: true, seed: 9 }), kFold(n, { k: 5, shuffle: true, seed: 10 })],
      [stratifiedKFold(y, { k: 5, shuffle: true, seed: 9 }), stratifiedKFold(y, { k: 5, shuffle: true, seed: 9 }), stratifiedKFold(y, { k: 5, shuffle: true, seed: 10 })],
    ];
    for (const [a, b, c] of folds) {
      assert.deepEqual(a, b);
      assert.notDeepEqual(a, c);
      assert.deepEqual(a!.flatMap((fold) => fold.test).sort((p, q) => p - q), [...Array(n).keys()]);
    }
  });

  test("Dataset.shuffle: the same seed gives the same sequence of epochs", () => {
    const order = (seed: number): number[][] => {
      const ds = Dataset.fromTensorSlices(tensor([...Array(50).keys()], undefined, "int32")).shuffle(16, { seed });
      return [0, 1, 2].map(() => ds.toArray().map((t) => t.dataSync()[0]!));
    };
    const a = order(5);
    assert.deepEqual(a, order(5));
    assert.notDeepEqual(a, order(6));
    assert.notDeepEqual(a[0], a[1], "a new order each epoch");
    for (const epoch of a) assert.deepEqual([...epoch].sort((p, q) => p - q), [...Array(50).keys()]);
  });
});
