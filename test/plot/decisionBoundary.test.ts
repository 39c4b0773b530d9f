// The decision-boundary SVG read back: points map to the data through the axes, the boundary sits on p = 0.5
// (or where the most probable class changes), the shading follows the probabilities, axes and legend are labelled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { decisionBoundarySvg, StandardScaler, ValueError } from "../../src/index.js";
import { at, readNumericCsv, readReference } from "../preprocess/sharedData.js";
import { axisMap, byClass, byId, findAll, parseXml, pathSubpaths, translateOf, type Node } from "./svgParse.js";

const toy = at(readReference("sklearn.json"), "toy_l2_C1") as {
  data: { x: number[][]; y: number[] };
  sklearn: { coef: number[][]; intercept: number[] };
};
const w = toy.sklearn.coef[0] as [number, number];
const b = toy.sklearn.intercept[0] as number;
const toyProb = (x: number, y: number): number[] => {
  const p = 1 / (1 + Math.exp(-(w[0] * x + w[1] * y + b)));
  return [1 - p, p];
};

/** Decodes the embedded background PNG (8-bit RGB) into its pixels. */
function backgroundPixels(svg: Node): { nx: number; ny: number; rgb: Uint8Array; x: number; y: number; w: number; h: number } {
  const img = byId(svg, "background");
  assert.equal(img.tag, "image");
  const href = img.attrs["href"] as string;
  assert.ok(href.startsWith("data:image/png;base64,"));
  const png = Buffer.from(href.slice("data:image/png;base64,".length), "base64");
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(png[24], 8);
  assert.equal(png[25], 2);
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    if (png.toString("latin1", o + 4, o + 8) === "IDAT") idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgb = new Uint8Array(width * height * 3);
  for (let r = 0; r < height; r++) {
    assert.equal(raw[r * (width * 3 + 1)], 0, "filter type none");
    rgb.set(raw.subarray(r * (width * 3 + 1) + 1, (r + 1) * (width * 3 + 1)), r * width * 3);
  }
  assert.equal(Number(img.attrs["data-nx"]), width);
  assert.equal(Number(img.attrs["data-ny"]), height);
  return { nx: width, ny: height, rgb, x: Number(img.attrs["x"]), y: Number(img.attrs["y"]), w: Number(img.attrs["width"]), h: Number(img.attrs["height"]) };
}

const hexRgb = (h: string): number[] => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
const hue = (c: number[]): number[] => {
  // direction away from white: what the tint of a class colour keeps
  const d = c.map((v) => 255 - v);
  const n = Math.hypot(...d) || 1;
  return d.map((v) => v / n);
};

test("toy data: points, axes, boundary on the sklearn model's line p = 0.5, shading, legend", () => {
  const svgText = decisionBoundarySvg({
    points: toy.data.x,
    labels: toy.data.y,
    classes: [0, 1],
    probability: toyProb,
    xName: "x1",
    yName: "x2",
    title: "toy",
  });
  const svg = parseXml(svgText);
  const root = svg.children[0] as Node;
  assert.equal(root.tag, "svg");
  assert.equal(root.attrs["width"], "720");
  assert.equal(byId(svg, "x-label").text, "x1");
  assert.equal(byId(svg, "y-label").text, "x2");
  assert.equal(byId(svg, "title").text, "toy");
  const X = axisMap(svg, "x");
  const Y = axisMap(svg, "y");

  // points: one per row, in the right class, at the data position
  const pts = byClass(svg, "point");
  assert.equal(pts.length, 6);
  const seen = new Set<number>();
  for (const p of pts) {
    const [px, py] = translateOf(p.attrs["transform"] as string);
    const x = X.toData(px);
    const y = Y.toData(py);
    const i = toy.data.x.findIndex((r) => Math.abs((r[0] as number) - x) < 0.01 && Math.abs((r[1] as number) - y) < 0.01);
    assert.ok(i >= 0, `point at (${x}, ${y}) is not a data row`);
    assert.equal(p.attrs["data-class"], String(toy.data.y[i]));
    seen.add(i);
  }
  assert.equal(seen.size, 6);

  // boundary: every vertex on the model's line w·x + b = 0 (within a grid cell), spanning the plot
  const img = backgroundPixels(svg);
  const cellX = X.toData(img.x + img.w / img.nx) - X.toData(img.x);
  const cellY = Math.abs(Y.toData(img.y + img.h / img.ny) - Y.toData(img.y));
  const boundary = byId(svg, "boundary");
  assert.equal(boundary.attrs["data-level"], "0.5");
  const sub = pathSubpaths(boundary.attrs["d"] as string);
  assert.equal(sub.length, 1, "one straight boundary line");
  const verts = sub.flat().map(([px, py]) => [X.toData(px), Y.toData(py)] as [number, number]);
  assert.ok(verts.length > 20);
  const norm = Math.hypot(w[0], w[1]);
  for (const [x, y] of verts) {
    const dist = Math.abs(w[0] * x + w[1] * y + b) / norm;
    assert.ok(dist < 0.05 * Math.hypot(cellX, cellY), `vertex (${x}, ${y}) is ${dist} from the line`);
    const p = toyProb(x, y)[1] as number;
    assert.ok(Math.abs(p - 0.5) < 0.01, `p = ${p} at a boundary vertex`);
  }
  const ys = verts.map((v) => v[1]);
  const [yLo, yHi] = [Y.toData(img.y + img.h), Y.toData(img.y)];
  assert.ok(Math.min(...ys) - yLo < cellY * 1.01 && yHi - Math.max(...ys) < cellY * 1.01, "boundary crosses the whole plot");

  // shading: each background pixel leans to the colour of the class the model prefers at its centre,
  // and gets paler towards p = 0.5
  const legendColor = (cls: string): number[] => {
    const item = byClass(svg, "legend-item").find((n) => n.attrs["data-class"] === cls) as Node;
    return hexRgb(findAll(item, (n) => n.tag === "path")[0]?.attrs["fill"] as string);
  };
  const hues = [hue(legendColor("0")), hue(legendColor("1"))];
  const samples: { cls: number; conf: number; dark: number }[] = [];
  for (let r = 0; r < img.ny; r += 7) {
    for (let c = 0; c < img.nx; c += 5) {
      const o = (r * img.nx + c) * 3;
      const px = [img.rgb[o], img.rgb[o + 1], img.rgb[o + 2]] as number[];
      const x = X.toData(img.x + ((c + 0.5) * img.w) / img.nx);
      const y = Y.toData(img.y + ((r + 0.5) * img.h) / img.ny);
      const p1 = toyProb(x, y)[1] as number;
      if (Math.abs(p1 - 0.5) < 0.02) continue;
      const want = p1 > 0.5 ? 1 : 0;
      const h = hue(px);
      const dots = hues.map((q) => q.reduce((a, v, i) => a + v * (h[i] as number), 0));
      assert.ok((dots[want] as number) > (dots[1 - want] as number), `pixel (${c}, ${r}) p1 = ${p1} has the other class's colour`);
      samples.push({ cls: want, conf: Math.abs(p1 - 0.5), dark: 765 - px.reduce((a, v) => a + v, 0) });
    }
  }
  samples.sort((a, b) => a.conf - b.conf);
  for (const cls of [0, 1]) {
    const mine = samples.filter((s) => s.cls === cls);
    assert.ok(mine.length > 50);
    for (let i = 1; i < mine.length; i++) {
      assert.ok((mine[i] as { dark: number }).dark >= (mine[i - 1] as { dark: number }).dark - 6, "shading darkens with confidence");
    }
    assert.ok((mine.at(-1) as { dark: number }).dark > (mine[0] as { dark: number }).dark + 60, "confident regions are clearly darker");
  }

  // legend: both classes and the boundary line
  const items = byClass(byId(svg, "legend"), "legend-item");
  assert.deepEqual(items.map((n) => n.text), ["0", "1", "p = 0.5"]);
  assert.ok(findAll(svg, (n) => n.attrs["id"] === "colorbar").length === 1);
});

test("iris (3 classes, string labels): boundary vertices are where the two most probable classes tie", () => {
  const { X: rows, y } = readNumericCsv("iris.csv");
  const names = ["setosa", "versicolor", "virginica"];
  const Z = new StandardScaler().fitTransform(rows.map((r) => [r[2] as number, r[3] as number]));
  // the multinomial optimum of sklearn.json uses all four features; here a fixed 2-feature softmax model
  const W = [
    [-3, -3, -1],
    [0.4, 0.2, 2.5],
    [2.6, 2.8, -1.5],
  ];
  const prob = (a: number, c: number): number[] => {
    const z = W.map((r) => (r[0] as number) * a + (r[1] as number) * c + (r[2] as number));
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  };
  const svg = parseXml(
    decisionBoundarySvg({
      points: Z,
      labels: y.map((v) => names[v] as string),
      classes: names,
      probability: prob,
      xName: "petal length (standardised)",
      yName: "petal width (standardised)",
      resolution: 90,
    }),
  );
  const X = axisMap(svg, "x");
  const Y = axisMap(svg, "y");
  const pts = byClass(svg, "point");
  assert.equal(pts.length, 150);
  for (const cls of names) assert.equal(pts.filter((p) => p.attrs["data-class"] === cls).length, 50);
  pts.forEach((p) => {
    const [px, py] = translateOf(p.attrs["transform"] as string);
    const x = X.toData(px);
    const yy = Y.toData(py);
    assert.ok(Z.some((r) => Math.abs((r[0] as number) - x) < 0.01 && Math.abs((r[1] as number) - yy) < 0.01));
  });
  const img = backgroundPixels(svg);
  const cell = Math.hypot(X.toData(img.x + img.w / img.nx) - X.toData(img.x), Y.toData(img.y) - Y.toData(img.y + img.h / img.ny));
  const boundary = byId(svg, "boundary");
  assert.equal(boundary.attrs["data-level"], "argmax");
  const verts = pathSubpaths(boundary.attrs["d"] as string).flat();
  assert.ok(verts.length > 30);
  let pairsSeen = new Set<string>();
  for (const [px, py] of verts) {
    const x = X.toData(px);
    const yy = Y.toData(py);
    const p = prob(x, yy);
    const order = [0, 1, 2].sort((i, j) => (p[j] as number) - (p[i] as number));
    const gap = (p[order[0] as number] as number) - (p[order[1] as number] as number);
    // within a grid cell of a tie: moving by one cell changes the gap by at most its gradient times a cell
    const h = cell;
    const grad = Math.max(
      ...[
        [h, 0],
        [0, h],
      ].map(([dx, dy]) => {
        const q = prob(x + (dx as number), yy + (dy as number));
        return Math.abs((q[order[0] as number] as number) - (q[order[1] as number] as number) - gap);
      }),
    );
    assert.ok(gap <= grad + 1e-9, `vertex (${x}, ${yy}): top-two gap ${gap} > one cell's change ${grad}`);
    pairsSeen.add([order[0], order[1]].sort().join("-"));
  }
  assert.ok(pairsSeen.has("0-1") && pairsSeen.has("1-2"), `boundaries between ${[...pairsSeen]}`);
  pairsSeen = new Set();
  const items = byClass(byId(svg, "legend"), "legend-item");
  assert.deepEqual(items.map((n) => n.text), [...names, "boundary"]);
});

test("bad input gives clear errors", () => {
  const base = { points: [[0, 0], [1, 1]], labels: [0, 1], classes: [0, 1], probability: toyProb, xName: "a", yName: "b" };
  assert.throws(() => decisionBoundarySvg({ ...base, labels: [0] }), /2 points but 1 labels/);
  assert.throws(() => decisionBoundarySvg({ ...base, labels: [0, 2] }), /not one of the classes/);
  assert.throws(() => decisionBoundarySvg({ ...base, points: [[0, 0], [NaN, 1]] }), /finite/);
  assert.throws(() => decisionBoundarySvg({ ...base, probability: () => [1] }), (e: Error) => e instanceof ValueError && /1 values for 2 classes/.test(e.message));
  assert.throws(() => decisionBoundarySvg({ ...base, probability: () => [NaN, 1] }), /finite/);
  assert.throws(() => decisionBoundarySvg({ ...base, classes: [0] }), /at least two classes/);
});
