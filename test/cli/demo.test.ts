// `logreg demo`: the lab's printed losses (tutorial.json), the estimator on the toy data (sklearn.json), lab05.svg.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, logreg, tempDir } from "./run.js";
import { parseSvg } from "./svgParse.js";

const tutorial = JSON.parse(readFileSync(join(dataDir, "reference", "tutorial.json"), "utf8")) as {
  lab05_1_toy: { printed_after_update_at_step: number[]; loss: number[]; tolerance: number; test_accuracy: number };
};
const sk = JSON.parse(readFileSync(join(dataDir, "reference", "sklearn.json"), "utf8")) as {
  toy_l2_C1: { optimum: { coef: number[]; intercept: number[] } };
};

test("logreg demo runs the lab end to end and writes lab05.svg into --out DIR", () => {
  const tmp = tempDir();
  try {
    const dir = join(tmp.dir, "pictures");
    const r = logreg(["demo", "--out", dir]);
    assert.equal(r.code, 0, r.stderr);
    // the lab's loss lines, as TensorFlow printed them
    const lab = tutorial.lab05_1_toy;
    const losses = [...r.stdout.matchAll(/^Iter: (\d+), Loss: ([\d.]+)$/gm)].slice(0, lab.loss.length);
    assert.deepEqual(losses.map((m) => Number(m[1])), lab.printed_after_update_at_step);
    losses.forEach((m, i) => assert.ok(Math.abs(Number(m[2]) - lab.loss[i]!) <= lab.tolerance, `step ${m[1]}: ${m[2]} vs ${lab.loss[i]}`));
    assert.match(r.stdout, new RegExp(`^Testset Accuracy: ${lab.test_accuracy.toFixed(4)}$`, "m"));
    // the estimator on the toy data lands on scikit-learn's optimum
    const coef = /^coef \[(-?[\d.]+),(-?[\d.]+)\], intercept (-?[\d.]+)$/m.exec(r.stdout);
    assert.ok(coef, "the toy coefficients are printed");
    const opt = sk.toy_l2_C1.optimum;
    assert.ok(Math.abs(Number(coef[1]) - opt.coef[0]!) < 2e-6);
    assert.ok(Math.abs(Number(coef[2]) - opt.coef[1]!) < 2e-6);
    assert.ok(Math.abs(Number(coef[3]) - opt.intercept[0]!) < 2e-6);
    // two classification reports (toy, diabetes test rows) and the diabetes test accuracy
    assert.equal([...r.stdout.matchAll(/^ +precision +recall +f1-score +support$/gm)].length, 2);
    const acc = /test accuracy (0\.\d{4})/.exec(r.stdout);
    assert.ok(acc && Number(acc[1]) > 0.7, "diabetes test accuracy printed");
    // the picture: 6 points, a boundary, axes
    const els = parseSvg(readFileSync(join(dir, "lab05.svg"), "utf8"));
    assert.equal(els.filter((e) => e.attrs["class"] === "point").length, 6);
    assert.ok(els.some((e) => e.attrs["id"] === "boundary"));
    assert.ok(els.some((e) => e.attrs["id"] === "x-axis") && els.some((e) => e.attrs["id"] === "y-axis"));
    assert.match(r.stdout, /wrote .*lab05\.svg/);
  } finally {
    tmp.cleanup();
  }
});
