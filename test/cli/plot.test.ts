// `logreg plot`: real pictures. The SVG is parsed: points where the data are, the boundary where
// scikit-learn's optimum puts P = 0.5, axes named after the features; PNG by the file extension.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertInputError, data, dataDir, logreg, snapshot, tempDir } from "./run.js";
import { parseSvg, pathPoints, type SvgElement } from "./svgParse.js";

const sk = JSON.parse(readFileSync(join(dataDir, "reference", "sklearn.json"), "utf8")) as {
  toy_l2_C1: { optimum: { coef: number[]; intercept: number[] }; data: { x: number[][]; y: number[] } };
};

/** Pixel → data maps of the x and y axes, from the tick marks (data-value and the tick line's position). */
function axes(els: SvgElement[]): { x: (px: number) => number; y: (px: number) => number } {
  const map = (axisId: string, coord: "x1" | "y1"): ((px: number) => number) => {
    const ticks = els.filter((e) => e.tag === "line" && e.ancestors.some((a) => a.attrs["id"] === axisId) && e.ancestors.some((a) => a.attrs["class"] === "tick"));
    assert.ok(ticks.length >= 2, `${axisId} has ticks`);
    const tick = (e: SvgElement): [number, number] => [Number(e.attrs[coord]), Number(e.ancestors.find((a) => a.attrs["class"] === "tick")!.attrs["data-value"])];
    const [p0, v0] = tick(ticks[0]!);
    const [p1, v1] = tick(ticks[ticks.length - 1]!);
    return (px) => v0 + ((px - p0) * (v1 - v0)) / (p1 - p0);
  };
  return { x: map("x-axis", "x1"), y: map("y-axis", "y1") };
}

function translate(e: SvgElement): [number, number] {
  const m = /translate\((-?[\d.]+)[ ,](-?[\d.]+)\)/.exec(e.attrs["transform"] ?? "");
  assert.ok(m, "a point is placed by translate()");
  return [Number(m[1]), Number(m[2])];
}

function axisLabel(els: SvgElement[], id: string): string {
  return els.find((e) => e.attrs["id"] === id)!.text;
}

describe("logreg plot", () => {
  const tmp = tempDir();
  const toyCsv = join(tmp.dir, "toy.csv");
  const toyModel = join(tmp.dir, "toy.json");
  const bcModel = join(tmp.dir, "bc.json");
  const irisModel = join(tmp.dir, "iris.json");
  before(() => {
    const toy = sk.toy_l2_C1.data;
    writeFileSync(toyCsv, "x1,x2,y\n" + toy.x.map((r, i) => `${r[0]},${r[1]},${toy.y[i]}`).join("\n") + "\n");
    assert.equal(logreg(["train", toyCsv, "--no-standardize", "--C", "1", "--out", toyModel, "--quiet"]).code, 0);
    assert.equal(logreg(["train", data("breast_cancer.csv"), "--out", bcModel, "--quiet"]).code, 0);
    assert.equal(logreg(["train", data("iris.csv"), "--out", irisModel, "--quiet"]).code, 0);
  });
  after(() => tmp.cleanup());

  test("boundary: every point where its data are, coloured by class; the boundary on scikit-learn's P = 0.5 line; named axes", () => {
    const out = join(tmp.dir, "toy.svg");
    const r = logreg(["plot", toyModel, toyCsv, "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const els = parseSvg(readFileSync(out, "utf8"));
    const { x, y } = axes(els);
    const toy = sk.toy_l2_C1.data;
    const points = els.filter((e) => e.attrs["class"] === "point");
    assert.equal(points.length, toy.x.length);
    // each data point appears once, at its coordinates, with its class
    const seen = points.map((p) => {
      const [px, py] = translate(p);
      return { x: x(px), y: y(py), cls: p.attrs["data-class"] };
    });
    toy.x.forEach((row, i) => {
      const hit = seen.find((s) => Math.abs(s.x - row[0]!) < 0.01 && Math.abs(s.y - row[1]!) < 0.01);
      assert.ok(hit, `point ${row} is drawn`);
      assert.equal(hit.cls, String(toy.y[i]));
    });
    // the boundary: every vertex satisfies w·x + b ≈ 0 for scikit-learn's optimum (within the drawing grid)
    const boundary = els.find((e) => e.attrs["id"] === "boundary");
    assert.ok(boundary, "a boundary path");
    const w = sk.toy_l2_C1.optimum.coef;
    const b = sk.toy_l2_C1.optimum.intercept[0]!;
    const verts = pathPoints(boundary.attrs["d"]!);
    assert.ok(verts.length >= 10, `${verts.length} boundary vertices`);
    const xs = verts.map(([px]) => x(px));
    for (const [px, py] of verts) {
      const z = w[0]! * x(px) + w[1]! * y(py) + b;
      assert.ok(Math.abs(z) < 0.1, `boundary vertex (${x(px)}, ${y(py)}) has w·x + b = ${z}`);
    }
    assert.ok(Math.max(...xs) - Math.min(...xs) > 0.1, "the boundary crosses the plot");
    assert.equal(axisLabel(els, "x-label"), "x1");
    assert.equal(axisLabel(els, "y-label"), "x2");
  });

  test("boundary over two chosen features of 30 (the others at their mean): 569 points, named axes", () => {
    const out = join(tmp.dir, "bc.svg");
    const r = logreg(["plot", bcModel, data("breast_cancer.csv"), "--out", out, "--x", "worst_radius", "--y", "mean_texture"]);
    assert.equal(r.code, 0, r.stderr);
    const els = parseSvg(readFileSync(out, "utf8"));
    const pts = els.filter((e) => e.attrs["class"] === "point");
    assert.equal(pts.length, 569);
    assert.equal(pts.filter((p) => p.attrs["data-class"] === "0").length, 212);
    assert.equal(axisLabel(els, "x-label"), "worst_radius");
    assert.equal(axisLabel(els, "y-label"), "mean_texture");
    assert.ok(els.some((e) => e.attrs["id"] === "boundary"));
    assert.match(els.find((e) => e.tag === "title")!.text, /other 28 features at their mean/);
  });

  test("roc: one curve with its AUC for two classes, one per class for three", () => {
    const out = join(tmp.dir, "roc.svg");
    assert.equal(logreg(["plot", bcModel, data("breast_cancer.csv"), "--kind", "roc", "--out", out]).code, 0);
    const curves = parseSvg(readFileSync(out, "utf8")).filter((e) => e.attrs["class"] === "roc-curve");
    assert.equal(curves.length, 1);
    const evalJson = JSON.parse(logreg(["eval", bcModel, data("breast_cancer.csv"), "--json"]).stdout) as { rocAuc: number };
    assert.ok(Math.abs(Number(curves[0]!.attrs["data-auc"]) - evalJson.rocAuc) < 1e-12);
    const out3 = join(tmp.dir, "roc3.svg");
    assert.equal(logreg(["plot", irisModel, data("iris.csv"), "--kind", "roc", "--out", out3]).code, 0);
    const c3 = parseSvg(readFileSync(out3, "utf8")).filter((e) => e.attrs["class"] === "roc-curve");
    assert.deepEqual(c3.map((c) => c.attrs["data-class"]), ["0", "1", "2"]);
  });

  test("loss: one vertex per iteration of the model's training record, decreasing", () => {
    const out = join(tmp.dir, "loss.svg");
    assert.equal(logreg(["plot", bcModel, "--kind", "loss", "--out", out]).code, 0);
    const els = parseSvg(readFileSync(out, "utf8"));
    const curve = els.find((e) => e.attrs["class"] === "loss-curve")!;
    const saved = JSON.parse(readFileSync(bcModel, "utf8")) as { training: { objectiveHistory: number[] } };
    const verts = pathPoints(curve.attrs["d"]!);
    assert.equal(verts.length, saved.training.objectiveHistory.length);
    const { y } = axes(els);
    verts.forEach(([, py], i) => {
      const v = saved.training.objectiveHistory[i]!;
      assert.ok(Math.abs(y(py) - v) < 0.01 * Math.abs(v) + 0.5, `vertex ${i}: ${y(py)} vs ${v}`);
    });
  });

  test("a .png file is a PNG (signature and size); an unknown extension is refused and writes nothing", () => {
    const out = join(tmp.dir, "toy.png");
    assert.equal(logreg(["plot", toyModel, toyCsv, "--out", out]).code, 0);
    const png = readFileSync(out);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.toString("latin1", 12, 16), "IHDR");
    assert.equal(png.readUInt32BE(16), 720);
    assert.equal(png.readUInt32BE(20), 520);
    const before = snapshot(tmp.dir);
    assertInputError(logreg(["plot", toyModel, toyCsv, "--out", join(tmp.dir, "toy.jpg")]), /use \.svg or \.png/);
    assertInputError(logreg(["plot", toyModel, toyCsv, "--out", join(tmp.dir, "x.svg"), "--x", "x1", "--y", "x1"]), /choose two different features/);
    assertInputError(logreg(["plot", toyModel, toyCsv, "--out", join(tmp.dir, "x.svg"), "--x", "x3"]), /--x "x3" is not a feature of the model; did you mean "x1"\?/);
    assert.equal(snapshot(tmp.dir), before);
  });
});
