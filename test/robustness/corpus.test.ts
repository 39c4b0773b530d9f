// The adversarial corpus (test/corpus/) through the built command, as a user runs it: every bad file
// and option gives exit code 2 and ONE line `error: …` naming the file (line, column where they
// apply) and the problem, no stack trace, and no file created or changed (pre-existing outputs are
// compared byte for byte). Awkward but valid files keep working and give the same model as the
// plain file.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertInputError, corpus, fingerprint, logreg, logregMany, tempDir, type RunResult } from "./helpers.js";

interface CsvCase {
  error: string;
  predict?: string;
  eval?: string;
  ok?: ("predict" | "eval")[];
}
interface Manifest {
  csv: Record<string, CsvCase>;
  model: Record<string, string | null>;
  options: [string[], string][];
  valid: string[];
}
const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")) as Manifest;
const validModel = join(corpus, "model", "valid.json");
const trainCsv = join(corpus, "valid", "train.csv");

const tmp = tempDir();
const out = (name: string): string => join(tmp.dir, name);
let state = "";

before(() => {
  // Outputs that already exist: a failed command must leave them exactly as they are.
  copyFileSync(validModel, out("model.json"));
  writeFileSync(out("pred.csv"), "prediction\nprevious\n");
  writeFileSync(out("plot.svg"), "<svg>previous</svg>\n");
  state = fingerprint(tmp.dir);
});
after(() => tmp.cleanup());

/** Checks many runs at once and reports every failing one (not only the first). */
function expectAll(runs: { args: string[]; check: (r: RunResult) => void }[], results: RunResult[]): void {
  const failures: string[] = [];
  results.forEach((r, i) => {
    try {
      runs[i]!.check(r);
    } catch (e) {
      failures.push(`logreg ${runs[i]!.args.join(" ")}\n  ${(e as Error).message.split("\n").slice(0, 4).join("\n  ")}`);
    }
  });
  assert.equal(failures.length, 0, `${failures.length} of ${runs.length} runs broke the contract:\n${failures.join("\n")}`);
}

const inputError = (pattern: string) => (r: RunResult) => void assertInputError(r, new RegExp(pattern));
const success = (r: RunResult): void => {
  assert.equal(r.code, 0, r.stderr);
};

describe("bad CSV files", () => {
  test("every corpus file has an expected outcome in the manifest, and every entry a file", () => {
    assert.deepEqual(readdirSync(join(corpus, "csv")).sort(), Object.keys(manifest.csv).sort());
    assert.deepEqual(readdirSync(join(corpus, "model")).sort(), Object.keys(manifest.model).sort());
  });

  test("train and predict on each (eval, cv, plot on some): exit 2, one line naming file, line and column; outputs untouched", async () => {
    const runs: { args: string[]; check: (r: RunResult) => void }[] = [];
    for (const [i, [name, c]] of Object.entries(manifest.csv).entries()) {
      const file = join("test", "corpus", "csv", name);
      // train reads the whole file; predict streams it in blocks against the model's columns (every
      // file with an outcome of its own, and a sample of the others); eval, cv and plot read files
      // as train does (a sample). Each run costs a process start, so the suite samples.
      runs.push({ args: ["train", file, "--out", out("model.json"), "--quiet"], check: inputError(c.error) });
      if (c.ok?.includes("predict") === true) runs.push({ args: ["predict", validModel, file], check: success });
      else if (c.predict !== undefined || i % 6 === 0) {
        runs.push({ args: ["predict", validModel, file, "--out", out("pred.csv")], check: inputError(c.predict ?? c.error) });
      }
      if (c.eval !== undefined || c.ok?.includes("eval") === true || i % 16 === 1) {
        runs.push({ args: ["eval", validModel, file], check: c.ok?.includes("eval") === true ? success : inputError(c.eval ?? c.error) });
      }
      if (i % 16 === 2) runs.push({ args: ["cv", file, "--quiet"], check: inputError(c.error) });
      if (i % 16 === 4 && c.ok === undefined) runs.push({ args: ["plot", validModel, file, "--out", out("plot.svg")], check: inputError(c.error) });
    }
    const results = await logregMany(runs.map((r) => r.args), 2, join(corpus, "..", ".."));
    expectAll(runs, results);
    assert.equal(fingerprint(tmp.dir), state, "no output file was created or changed");
  });
});

describe("bad model files", () => {
  test("predict (and eval, plot on a sample): exit 2, one line naming the model file; outputs untouched", async () => {
    const runs: { args: string[]; check: (r: RunResult) => void }[] = [];
    Object.entries(manifest.model).forEach(([name, pattern], i) => {
      const file = join(corpus, "model", name);
      if (pattern === null) {
        runs.push({ args: ["predict", file, trainCsv], check: success });
        return;
      }
      runs.push({ args: ["predict", file, trainCsv, "--out", out("pred.csv")], check: inputError(pattern) });
      if (i % 16 === 0) runs.push({ args: ["eval", file, trainCsv], check: inputError(pattern) });
      if (i % 16 === 8) runs.push({ args: ["plot", file, trainCsv, "--out", out("plot.svg")], check: inputError(pattern) });
    });
    expectAll(runs, await logregMany(runs.map((r) => r.args)));
    assert.equal(fingerprint(tmp.dir), state, "no output file was created or changed");
  });
});

describe("out-of-range options and bad paths", () => {
  test("each: exit 2, one line saying which option and what it must be; outputs untouched", async () => {
    const fill = (a: string): string =>
      a.replace("{train}", trainCsv).replace("{model}", validModel).replace("{dir}", tmp.dir);
    const runs = manifest.options.map(([args, pattern]) => {
      const full = args.map(fill);
      // every training run points --out at the existing model, unless the case is about --out itself
      if (full[0] === "train" && !full.includes("--out")) full.push("--out", out("model.json"));
      return { args: full, check: inputError(pattern) };
    });
    expectAll(runs, await logregMany(runs.map((r) => r.args)));
    assert.equal(fingerprint(tmp.dir), state, "no output file was created or changed");
  });
});

describe("awkward but valid files", () => {
  test("BOM, CRLF, quotes, comments, blank lines, no final newline: the same model and predictions as the plain file", async () => {
    const files = [trainCsv, ...manifest.valid.map((f) => join(corpus, "valid", f))];
    const trained = await logregMany(files.map((f) => ["train", f, "--json", "--quiet"]));
    // predict streams through another reader: the plain file and the one with every quirk at once
    const predicted = await logregMany([trainCsv, join(corpus, "valid", "all-at-once.csv")].map((f) => ["predict", validModel, f, "--proba"]));
    const plain = JSON.parse(trained[0]!.stdout) as { coef: number[][]; intercept: number[]; rows: number };
    assert.equal(plain.rows, 40);
    files.forEach((f, i) => {
      assert.equal(trained[i]!.code, 0, `${f}: ${trained[i]!.stderr}`);
      const j = JSON.parse(trained[i]!.stdout) as typeof plain;
      assert.deepEqual([j.coef, j.intercept, j.rows], [plain.coef, plain.intercept, plain.rows], f);
    });
    for (const r of predicted) assert.equal(r.code, 0, r.stderr);
    assert.equal(predicted[1]!.stdout, predicted[0]!.stdout);
    assert.equal(predicted[0]!.stdout.trimEnd().split("\n").length, 41);
  });

  test("class names with commas, quotes and non-ASCII letters come back exactly", () => {
    const file = join(corpus, "valid", "string-labels.csv");
    const own = tempDir();
    const model = join(own.dir, "labels.json");
    assert.equal(logreg(["train", file, "--out", model, "--quiet"]).code, 0);
    const r = logreg(["predict", model, file]);
    own.cleanup();
    assert.equal(r.code, 0, r.stderr);
    const labels = new Set(r.stdout.trimEnd().split("\n").slice(1));
    const allowed = new Set(['"class, with comma"', '"say ""hi"""', "naïve ✓"]);
    for (const l of labels) assert.ok(allowed.has(l), `unexpected CSV cell ${l}`);
    assert.ok(labels.size >= 2);
  });
});
