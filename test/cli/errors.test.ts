// Every bad input of issue 4: exit code 2, one line `error: …` naming the file (line, column where they
// apply) and what to do, no stack trace unless --debug, and no output file created or changed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertInputError, data, logreg, logregMany, snapshot, tempDir } from "./run.js";

const tmp = tempDir();
const f = (name: string): string => join(tmp.dir, name);

describe("bad input gives exit code 2 and one line naming file, line and column", () => {
  let model = "";
  let precious = "";
  before(() => {
    model = f("iris.json");
    assert.equal(logreg(["train", data("iris.csv"), "--out", model, "--quiet"]).code, 0);
    precious = readFileSync(model, "utf8");
    const write = (name: string, text: string | Uint8Array): void => writeFileSync(f(name), text);
    write("ragged.csv", "a,b,y\n1,2,0\n3,4\n5,6,1\n");
    write("nonnumeric.csv", "a,b,y\n1,2,0\n3,abc,1\n");
    write("missing.csv", "a,b,y\n1,2,0\n3,,1\n");
    write("empty.csv", "");
    write("headeronly.csv", "a,b,y\n");
    write("oneclass.csv", "a,b,y\n1,2,0\n3,4,0\n");
    write("garbage.csv", Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    write("truncated.json", precious.slice(0, Math.floor(precious.length / 2)));
    write("version9.json", precious.replace('"version": 1', '"version": 9'));
    write("badshape.json", precious.replace(/"featureNames": \[[^\]]*\]/, '"featureNames": ["a", "b", "c"]'));
    write("notjson.json", "this is not a model\n");
    write("iris-noheader.csv", readFileSync(data("iris.csv"), "utf8").split("\n").slice(1).map((l) => l.split(",").slice(0, 3).join(",")).join("\n"));
    mkdirSync(f("adir"));
  });
  after(() => tmp.cleanup());

  test("CSV faults, model-file faults, paths: each its message", async () => {
    const out = f("new-model.json");
    const pred = f("new-pred.csv");
    const cases: [string[], RegExp][] = [
      [["train", f("ragged.csv"), "--out", out], /ragged\.csv, line 3: expected 3 columns .* found 2/],
      [["train", f("nonnumeric.csv"), "--out", out], /nonnumeric\.csv, line 3, column 2: feature "b": "abc" is not a number/],
      [["train", f("missing.csv"), "--out", out], /missing\.csv, line 3, column 2: .*empty cell/],
      [["train", f("empty.csv"), "--out", out], /empty\.csv: the file is empty/],
      [["train", f("headeronly.csv"), "--out", out], /headeronly\.csv, line 1: the file has a header but no data rows/],
      [["train", f("garbage.csv"), "--out", out], /garbage\.csv/],
      [["train", data("iris.csv"), "--target", "species", "--out", out], /iris\.csv, line 1: no column named "species"; the columns are "sepal_length_cm"/],
      [["train", data("iris.csv"), "--target-index", "9", "--out", out], /iris\.csv, line 1: target column index 9 is out of range: the file has 5 columns/],
      [["train", f("oneclass.csv"), "--out", out], /oneclass\.csv: the target column "y" holds one class only \(0\)/],
      [["cv", f("oneclass.csv")], /oneclass\.csv: the target column "y" holds one class only/],
      [["train", f("adir"), "--out", out], /adir: is a directory, not a file/],
      [["train", f("nothere.csv"), "--out", out], /nothere\.csv: no such file; check the path/],
      [["predict", f("truncated.json"), data("iris.csv"), "--out", pred], /truncated\.json: not valid JSON: the text ends too early \(line \d+, column \d+\)/],
      [["predict", f("version9.json"), data("iris.csv"), "--out", pred], /version9\.json: the model file has version 9/],
      [["predict", f("badshape.json"), data("iris.csv"), "--out", pred], /badshape\.json: /],
      [["predict", f("notjson.json"), data("iris.csv"), "--out", pred], /notjson\.json: not valid JSON/],
      [["predict", f("nothere.json"), data("iris.csv"), "--out", pred], /nothere\.json: no such file/],
      [["predict", f("adir"), data("iris.csv"), "--out", pred], /adir: is a directory/],
      [["predict", model, data("breast_cancer.csv"), "--out", pred], /breast_cancer\.csv, line 1: the header does not match the model's 4 features: missing "sepal_length_cm"/],
      [["predict", model, f("iris-noheader.csv"), "--no-header", "--out", pred], /iris-noheader\.csv, line 1: found 3 columns but the model has 4 features/],
      [["predict", model, f("nonnumeric.csv"), "--out", pred], /nonnumeric\.csv, line 1: the header does not match/],
      [["eval", model, f("empty.csv")], /empty\.csv: the file is empty/],
      [["plot", model, f("ragged.csv"), "--out", f("new.svg")], /ragged\.csv, line 1: the header does not match/],
      [["train", data("iris.csv"), "--out", f("nodir/model.json")], /nodir\/model\.json: the directory .*nodir does not exist/],
      [["train", data("iris.csv"), "--out", f("adir")], /adir: is a directory; give a file name/],
      [["predict", model, data("iris.csv"), "--out", f("nodir/pred.csv")], /nodir\/pred\.csv: the directory .* does not exist/],
    ];
    const before = snapshot(tmp.dir);
    const results = await logregMany(cases.map(([args]) => args));
    results.forEach((r, i) => {
      const [args, pattern] = cases[i]!;
      assert.doesNotThrow(() => assertInputError(r, pattern), `logreg ${args.join(" ")}\n${r.stderr}`);
    });
    assert.equal(snapshot(tmp.dir), before, "no output file was created or changed");
  });

  test("an existing output file is left exactly as it was when the command fails", async () => {
    const pred = f("pred.csv");
    assert.equal(logreg(["predict", model, data("iris.csv"), "--out", pred]).code, 0);
    const predText = readFileSync(pred, "utf8");
    const stamp = (p: string): string => `${statSync(p).size}:${statSync(p).mtimeMs}`;
    const before = [stamp(model), stamp(pred)];
    const results = await logregMany([
      ["train", f("ragged.csv"), "--out", model],
      ["train", f("oneclass.csv"), "--out", model],
      ["train", data("iris.csv"), "--C", "0", "--out", model],
      ["predict", model, f("nonnumeric.csv"), "--out", pred],
      ["predict", f("truncated.json"), data("iris.csv"), "--out", pred],
      ["predict", model, f("missing.csv"), "--proba", "--out", pred],
    ]);
    for (const r of results) assert.equal(r.code, 2, r.stderr);
    assert.deepEqual([stamp(model), stamp(pred)], before);
    assert.equal(readFileSync(model, "utf8"), precious);
    assert.equal(readFileSync(pred, "utf8"), predText);
    assert.deepEqual(snapshot(tmp.dir).split("\n").filter((l) => l.startsWith(".")), [], "no temporary file left behind");
  });

  test("a bad value in the middle of a big file: the rows before it were read, the output file is not written", () => {
    const lines = readFileSync(data("iris.csv"), "utf8").trimEnd().split("\n");
    const rows: string[] = [lines[0]!];
    for (let i = 0; i < 40_000; i++) rows.push(lines[1 + (i % 150)]!);
    rows[30_001] = "5.1,3.5,oops,0.2,0";
    writeFileSync(f("late.csv"), rows.join("\n") + "\n");
    const out = f("late-pred.csv");
    const r = logreg(["predict", model, f("late.csv"), "--out", out]);
    assertInputError(r, /late\.csv, line 30002, column 3: feature "petal_length_cm": "oops" is not a number/);
    assert.throws(() => statSync(out), /ENOENT/);
  });

  test("--debug adds the stack trace; without it there is none", () => {
    const plain = logreg(["train", f("ragged.csv")]);
    assert.equal(plain.code, 2);
    assert.doesNotMatch(plain.stderr, /\n\s+at /);
    const debug = logreg(["train", f("ragged.csv"), "--debug"]);
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /^error: .*ragged\.csv, line 3/);
    assert.match(debug.stderr, /\n\s+at /);
  });
});
