// ROC and loss-curve SVGs read back through their axes: the drawn vertices are the computed curve / the history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lossCurveSvg, rocAuc, rocCurve, rocCurveSvg, StandardScaler, ValueError } from "../../src/index.js";
import { at, readNumericCsv, readReference } from "../preprocess/sharedData.js";
import { axisMap, byClass, byId, parseXml, pathSubpaths } from "./svgParse.js";

const ref = readReference("sklearn.json");

test("ROC, binary: the drawn curve is rocCurve of breast_cancer under sklearn's optimum model; AUC in the legend", () => {
  const { X, y } = readNumericCsv("breast_cancer.csv");
  const Z = new StandardScaler().fitTransform(X);
  const o = at(ref, "breast_cancer_l2_C1_standardized", "optimum") as { coef: number[]; intercept: number[] };
  const scores = Z.map((r) => r.reduce((a, v, j) => a + v * (o.coef[j] as number), 0) + (o.intercept[0] as number));
  const svg = parseXml(rocCurveSvg({ yTrue: y, scores, title: "breast_cancer" }));
  const Xa = axisMap(svg, "x");
  const Ya = axisMap(svg, "y");
  assert.equal(byId(svg, "x-label").text, "false positive rate");
  assert.equal(byId(svg, "y-label").text, "true positive rate");
  const curves = byClass(svg, "roc-curve");
  assert.equal(curves.length, 1);
  const want = rocCurve(y, scores);
  const pts = pathSubpaths(curves[0]?.attrs["d"] as string)[0] as [number, number][];
  assert.equal(pts.length, want.fpr.length);
  pts.forEach(([px, py], i) => {
    assert.ok(Math.abs(Xa.toData(px) - (want.fpr[i] as number)) < 1e-3);
    assert.ok(Math.abs(Ya.toData(py) - (want.tpr[i] as number)) < 1e-3);
  });
  const auc = rocAuc(y, scores);
  assert.equal(Number(curves[0]?.attrs["data-auc"]), auc);
  const legendText = byClass(byId(svg, "legend"), "legend-item").map((n) => n.text);
  assert.deepEqual(legendText, [`1 (AUC = ${auc.toFixed(3)})`, "chance"]);
  const diag = byId(svg, "diagonal");
  assert.ok(Math.abs(Xa.toData(Number(diag.attrs["x1"]))) < 1e-3 && Math.abs(Ya.toData(Number(diag.attrs["y1"]))) < 1e-3);
  assert.ok(Math.abs(Xa.toData(Number(diag.attrs["x2"])) - 1) < 1e-3 && Math.abs(Ya.toData(Number(diag.attrs["y2"])) - 1) < 1e-3);
});

test("ROC, multiclass: one curve per class (one-vs-rest) with its AUC; the macro AUC heads the legend", () => {
  const y = ["a", "b", "c", "a", "b", "c", "a", "c"];
  const P = [
    [0.7, 0.2, 0.1],
    [0.3, 0.4, 0.3],
    [0.2, 0.2, 0.6],
    [0.4, 0.5, 0.1],
    [0.1, 0.8, 0.1],
    [0.3, 0.3, 0.4],
    [0.5, 0.1, 0.4],
    [0.6, 0.1, 0.3],
  ];
  const svg = parseXml(rocCurveSvg({ yTrue: y, scores: P }));
  const Xa = axisMap(svg, "x");
  const Ya = axisMap(svg, "y");
  const curves = byClass(svg, "roc-curve");
  assert.deepEqual(curves.map((c) => c.attrs["data-class"]), ["a", "b", "c"]);
  curves.forEach((c, k) => {
    const yk = y.map((v) => (v === c.attrs["data-class"] ? 1 : 0));
    const s = P.map((r) => r[k] as number);
    const want = rocCurve(yk, s);
    const pts = pathSubpaths(c.attrs["d"] as string)[0] as [number, number][];
    assert.deepEqual(pts.map(([px]) => Math.round(Xa.toData(px) * 1000) / 1000), want.fpr.map((v) => Math.round(v * 1000) / 1000));
    assert.deepEqual(pts.map(([, py]) => Math.round(Ya.toData(py) * 1000) / 1000), want.tpr.map((v) => Math.round(v * 1000) / 1000));
    assert.equal(Number(c.attrs["data-auc"]), rocAuc(yk, s));
  });
  assert.match(byId(svg, "legend").text, new RegExp(`macro AUC = ${rocAuc(y, P).toFixed(3)}`));
});

test("loss curve: vertices map back to (iteration, objective) on linear and log axes; several runs get a legend", () => {
  const h = Array.from({ length: 30 }, (_, i) => 37.76 + 250 * 0.7 ** i);
  for (const logScale of [false, true]) {
    const svg = parseXml(lossCurveSvg(h, { logScale, title: "fit" }));
    const Xa = axisMap(svg, "x");
    const Ya = axisMap(svg, "y", logScale);
    assert.equal(byId(svg, "x-label").text, "iteration");
    assert.match(byId(svg, "y-label").text, /^objective/);
    const pts = pathSubpaths(byClass(svg, "loss-curve")[0]?.attrs["d"] as string)[0] as [number, number][];
    assert.equal(pts.length, h.length);
    pts.forEach(([px, py], i) => {
      assert.ok(Math.abs(Xa.toData(px) - i) < 0.05);
      assert.ok(Math.abs(Ya.toData(py) / (h[i] as number) - 1) < 2e-3, `${Ya.toData(py)} vs ${h[i]}`);
    });
  }
  const two = parseXml(
    lossCurveSvg(
      [
        { name: "lbfgs", history: h.slice(0, 10).map((objective, k) => ({ iteration: k + 1, objective })) },
        { name: "sgd", history: h },
      ],
      { logScale: true },
    ),
  );
  assert.deepEqual(byClass(two, "loss-curve").map((c) => c.attrs["data-series"]), ["lbfgs", "sgd"]);
  assert.deepEqual(byClass(byId(two, "legend"), "legend-item").map((n) => n.text), ["lbfgs", "sgd"]);
  const Xa = axisMap(two, "x");
  const first = pathSubpaths(byClass(two, "loss-curve")[0]?.attrs["d"] as string)[0] as [number, number][];
  assert.ok(Math.abs(Xa.toData((first[0] as [number, number])[0]) - 1) < 0.05, "iterations are taken from the records");
  assert.throws(() => lossCurveSvg([1, 0, -1], { logScale: true }), (e: Error) => e instanceof ValueError && /log scale needs positive/.test(e.message));
  assert.throws(() => lossCurveSvg([]), /empty/);
  assert.throws(() => lossCurveSvg([1, NaN]), /finite/);
});
