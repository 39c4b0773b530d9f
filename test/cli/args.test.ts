// The command line itself: help, version, strict options with suggestions, value ranges, exit codes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertInputError, data, logreg, root } from "./run.js";

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

  test("each command has --help with its options and allowed values", () => {
    const expected: Record<string, string[]> = {
      train: ["--target NAME", "--target-index I", "--no-header", "--penalty l2|l1|elasticnet|none", "--C X", "--l1-ratio X", "--solver", "--max-iter N", "--tol X", "--no-standardize", "--class-weight", "--multi-class auto|multinomial|ovr", "--seed N", "--test-size X", "--out model.json", "--json", "--quiet", "--debug"],
      predict: ["--proba", "--out predictions.csv", "--no-header"],
      eval: ["--json", "--no-header"],
      cv: ["--folds N", "--penalty", "--C X", "--json"],
      plot: ["--out FILE.svg|FILE.png", "--kind boundary|roc|loss", "--x NAME", "--y NAME"],
      demo: ["--out DIR"],
    };
    for (const [cmd, words] of Object.entries(expected)) {
      const r = logreg([cmd, "--help"]);
      assert.equal(r.code, 0, cmd);
      assert.match(r.stdout, new RegExp(`^usage: logreg ${cmd}`), cmd);
      for (const w of words) assert.ok(r.stdout.includes(w), `${cmd} --help mentions ${w}`);
    }
  });
});

describe("logreg: strict arguments (exit 2, one line)", () => {
  test("an unknown command suggests the closest one", () => {
    assertInputError(logreg(["trian", iris]), /unknown command "trian"; did you mean 'train'\?/);
  });

  test("an unknown option suggests the closest valid option", () => {
    assertInputError(logreg(["train", iris, "--pnalty", "l1"]), /unknown option "--pnalty" .*did you mean --penalty\?/);
    assertInputError(logreg(["train", iris, "--max-iters", "5"]), /did you mean --max-iter\?/);
    assertInputError(logreg(["predict", "m.json", iris, "--probas"]), /did you mean --proba\?/);
    assertInputError(logreg(["plot", "m.json", iris, "--knd", "roc"]), /did you mean --kind\?/);
  });

  test("invalid values name the option and the allowed values or range", () => {
    assertInputError(logreg(["train", iris, "--C", "-1"]), /--C must be a number > 0, not "-1"/);
    assertInputError(logreg(["train", iris, "--C", "abc"]), /--C must be a number > 0/);
    assertInputError(logreg(["train", iris, "--C", "1e999"]), /--C must be a number > 0/);
    assertInputError(logreg(["train", iris, "--penalty", "l3"]), /--penalty must be one of l2, l1, elasticnet, none, not "l3"/);
    assertInputError(logreg(["train", iris, "--l1-ratio", "1.5"]), /--l1-ratio must be a number ≥ 0 and ≤ 1/);
    assertInputError(logreg(["train", iris, "--max-iter", "2.5"]), /--max-iter must be a whole number ≥ 1/);
    assertInputError(logreg(["train", iris, "--max-iter", "0"]), /--max-iter must be a whole number ≥ 1/);
    assertInputError(logreg(["train", iris, "--test-size", "1"]), /--test-size must be a number > 0 and < 1/);
    assertInputError(logreg(["train", iris, "--solver", "sag"]), /--solver must be one of auto, lbfgs, newton, owlqn, sgd, adam/);
    assertInputError(logreg(["train", iris, "--seed", "-3"]), /--seed must be a whole number ≥ 0/);
    assertInputError(logreg(["cv", iris, "--folds", "1"]), /--folds must be a whole number ≥ 2/);
    assertInputError(logreg(["plot", "m.json", iris, "--kind", "heat"]), /--kind must be one of boundary, roc, loss/);
  });

  test("missing values, repeated options, flags with values, missing and extra files", () => {
    assertInputError(logreg(["train", iris, "--C"]), /--C needs a value: a number > 0/);
    assertInputError(logreg(["train", iris, "--out", "--json"]), /--out needs a value/);
    assertInputError(logreg(["train", iris, "--C", "1", "--C", "2"]), /--C is given twice/);
    assertInputError(logreg(["train", iris, "--json=yes"]), /--json is a switch and takes no value/);
    assertInputError(logreg(["train"]), /'logreg train' needs <data.csv>/);
    assertInputError(logreg(["predict", "model.json"]), /'logreg predict' needs <data.csv>/);
    assertInputError(logreg(["train", iris, "extra.csv"]), /got extra "extra.csv"/);
    assertInputError(logreg(["train", iris, "--target", "label", "--target-index", "-1"]), /--target NAME or --target-index I, not both/);
  });

  test("--name=value works like --name value", () => {
    const a = logreg(["train", iris, "--C=0.5", "--json", "--quiet"]);
    const b = logreg(["train", iris, "--C", "0.5", "--json", "--quiet"]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.equal((JSON.parse(a.stdout) as { options: { C: number } }).options.C, 0.5);
  });
});
