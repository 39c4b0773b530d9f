// The command line itself: help, version, strict options with suggestions, value ranges, exit codes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertInputError, data, logreg, logregMany, root } from "./run.js";

const iris = data("iris.csv");

describe("logreg: help and version", () => {
  test("--version prints package.json's version", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const r = logreg(["--version"]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  test("--help lists every command", () => {
    const r = logreg(["--help"]);
    assert.equal(r.code, 0);
    for (const c of ["train", "predict", "eval", "cv", "plot", "demo"]) assert.match(r.stdout, new RegExp(`^  ${c} `, "m"));
  });

  test("each command has --help with its options and allowed values", async () => {
    const expected: Record<string, string[]> = {
      train: ["--target NAME", "--target-index I", "--no-header", "--penalty l2|l1|elasticnet|none", "--C X", "--l1-ratio X", "--solver", "--max-iter N", "--tol X", "--no-standardize", "--class-weight", "--multi-class auto|multinomial|ovr", "--seed N", "--test-size X", "--out model.json", "--json", "--quiet", "--debug"],
      predict: ["--proba", "--out predictions.csv", "--no-header"],
      eval: ["--json", "--no-header"],
      cv: ["--folds N", "--penalty", "--C X", "--json"],
      plot: ["--out FILE.svg|FILE.png", "--kind boundary|roc|loss", "--x NAME", "--y NAME"],
      demo: ["--out DIR"],
    };
    const cmds = Object.keys(expected);
    const results = await logregMany(cmds.map((c) => [c, "--help"]));
    cmds.forEach((cmd, i) => {
      const r = results[i]!;
      assert.equal(r.code, 0, cmd);
      assert.match(r.stdout, new RegExp(`^usage: logreg ${cmd}`), cmd);
      for (const w of expected[cmd]!) assert.ok(r.stdout.includes(w), `${cmd} --help mentions ${w}`);
    });
  });
});

describe("logreg: strict arguments (exit 2, one line)", () => {
  /** Runs every case (a few at a time) and checks each: exit 2, one `error:` line matching the pattern. */
  async function expectErrors(cases: readonly [readonly string[], RegExp][]): Promise<void> {
    const results = await logregMany(cases.map(([args]) => args));
    results.forEach((r, i) => {
      const [args, pattern] = cases[i]!;
      assert.doesNotThrow(() => assertInputError(r, pattern), `logreg ${args.join(" ")}\n${r.stderr}`);
    });
  }

  test("an unknown command or option suggests the closest valid one", async () => {
    await expectErrors([
      [["trian", iris], /unknown command "trian"; did you mean 'train'\?/],
      [["train", iris, "--pnalty", "l1"], /unknown option "--pnalty" .*did you mean --penalty\?/],
      [["train", iris, "--max-iters", "5"], /did you mean --max-iter\?/],
      [["predict", "m.json", iris, "--probas"], /did you mean --proba\?/],
      [["plot", "m.json", iris, "--knd", "roc"], /did you mean --kind\?/],
    ]);
  });

  test("invalid values name the option and the allowed values or range", async () => {
    await expectErrors([
      [["train", iris, "--C", "-1"], /--C must be a number > 0, not "-1"/],
      [["train", iris, "--C", "abc"], /--C must be a number > 0/],
      [["train", iris, "--C", "1e999"], /--C must be a number > 0/],
      [["train", iris, "--penalty", "l3"], /--penalty must be one of l2, l1, elasticnet, none, not "l3"/],
      [["train", iris, "--l1-ratio", "1.5"], /--l1-ratio must be a number ≥ 0 and ≤ 1/],
      [["train", iris, "--max-iter", "2.5"], /--max-iter must be a whole number ≥ 1/],
      [["train", iris, "--max-iter", "0"], /--max-iter must be a whole number ≥ 1/],
      [["train", iris, "--test-size", "1"], /--test-size must be a number > 0 and < 1/],
      [["train", iris, "--solver", "sag"], /--solver must be one of auto, lbfgs, newton, owlqn, sgd, adam/],
      [["train", iris, "--seed", "-3"], /--seed must be a whole number ≥ 0/],
      [["cv", iris, "--folds", "1"], /--folds must be a whole number ≥ 2/],
      [["plot", "m.json", iris, "--kind", "heat"], /--kind must be one of boundary, roc, loss/],
    ]);
  });

  test("missing values, repeated options, flags with values, missing and extra files", async () => {
    await expectErrors([
      [["train", iris, "--C"], /--C needs a value: a number > 0/],
      [["train", iris, "--out", "--json"], /--out needs a value/],
      [["train", iris, "--C", "1", "--C", "2"], /--C is given twice/],
      [["train", iris, "--json=yes"], /--json is a switch and takes no value/],
      [["train"], /'logreg train' needs <data.csv>/],
      [["predict", "model.json"], /'logreg predict' needs <data.csv>/],
      [["train", iris, "extra.csv"], /got extra "extra.csv"/],
      [["train", iris, "--target", "label", "--target-index", "-1"], /--target NAME or --target-index I, not both/],
    ]);
  });

  test("--name=value works like --name value", () => {
    const a = logreg(["train", iris, "--C=0.5", "--json", "--quiet"]);
    const b = logreg(["train", iris, "--C", "0.5", "--json", "--quiet"]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.equal((JSON.parse(a.stdout) as { options: { C: number } }).options.C, 0.5);
  });
});
