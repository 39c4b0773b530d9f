// Awkward but valid big files, generated into a temporary directory and run through the built
// command: 10,000 columns, and a single line of 50 MB (a number written with 50 million digits,
// spanning many read chunks) — both must work, the latter giving exactly the plain file's model.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { corpus, logreg, logregMany, tempDir } from "./helpers.js";

const tmp = tempDir();
after(() => tmp.cleanup());
const f = (name: string): string => join(tmp.dir, name);

describe("big valid files", () => {
  test("10,000 columns: train, then predict probabilities for every row", () => {
    const d = 10_000;
    const n = 40;
    const header = [...Array.from({ length: d }, (_, j) => `feature_${j}`), "label"].join(",");
    const lines = [header];
    for (let i = 0; i < n; i++) {
      const row = Array.from({ length: d }, (_, j) => ((Math.sin(i * 7.1 + j * 0.37) * 1000) | 0) / 1000);
      lines.push(`${row.join(",")},${row[0]! + row[1]! > 0 ? "up" : "down"}`);
    }
    writeFileSync(f("wide.csv"), lines.join("\n") + "\n");
    const t = logreg(["train", f("wide.csv"), "--out", f("wide.json"), "--json", "--quiet"]);
    assert.equal(t.code, 0, t.stderr);
    const summary = JSON.parse(t.stdout) as { coef: number[][]; featureNames: string[]; rows: number };
    assert.equal(summary.rows, n);
    assert.equal(summary.coef[0]!.length, d);
    assert.equal(summary.featureNames[d - 1], `feature_${d - 1}`);
    for (const c of summary.coef[0]!) assert.ok(Number.isFinite(c));
    const p = logreg(["predict", f("wide.json"), f("wide.csv"), "--proba"]);
    assert.equal(p.code, 0, p.stderr);
    const out = p.stdout.trimEnd().split("\n");
    assert.equal(out[0], "down,up");
    assert.equal(out.length, n + 1);
    for (const line of out.slice(1)) {
      const [a, b] = line.split(",").map(Number);
      assert.ok(Math.abs(a! + b! - 1) < 1e-12, line);
    }
  });

  test("a line of 50 MB (a number with 50 million digits): the same model and predictions as the plain file", async () => {
    const plain = join(corpus, "valid", "train.csv");
    const lines = readFileSync(plain, "utf8").split("\n");
    assert.equal(lines[1], "0.39,-0.8,1");
    lines[1] = `0.39${"0".repeat(50 * 1024 * 1024)},-0.8,1`;
    writeFileSync(f("long-line.csv"), lines.join("\n"));
    const model = join(corpus, "model", "valid.json");
    const [a, b, c, d] = await logregMany([
      ["train", plain, "--json", "--quiet"],
      ["train", f("long-line.csv"), "--json", "--quiet"],
      ["predict", model, plain, "--proba"],
      ["predict", model, f("long-line.csv"), "--proba"],
    ]);
    for (const r of [a, b, c, d]) assert.equal(r!.code, 0, r!.stderr);
    const coef = (s: string): unknown => {
      const j = JSON.parse(s) as { coef: unknown; intercept: unknown; rows: number };
      return [j.coef, j.intercept, j.rows];
    };
    assert.deepEqual(coef(b!.stdout), coef(a!.stdout));
    assert.equal(d!.stdout, c!.stdout);
  });
});
