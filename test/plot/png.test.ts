// PNG output (Node entry point): the signature, the requested width and the aspect ratio; a picture with ink on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { decisionBoundarySvg, lossCurveSvg, ValueError } from "../../src/index.js";
import { svgToPng } from "../../src/plot/node.js";

function ihdr(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  assert.deepEqual([...b.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  assert.equal(b.toString("latin1", 12, 16), "IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test("svgToPng renders at the requested width, keeping the aspect ratio", () => {
  const svg = decisionBoundarySvg({
    points: [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]],
    labels: [0, 0, 0, 1, 1, 1],
    classes: [0, 1],
    probability: (x, y) => {
      const p = 1 / (1 + Math.exp(-(1.0867 * x + 0.458 * y - 4.8799)));
      return [1 - p, p];
    },
    xName: "x1",
    yName: "x2",
  });
  for (const width of [360, 1000]) {
    const png = svgToPng(svg, { width });
    const { width: w, height: h } = ihdr(png);
    assert.equal(w, width);
    assert.equal(h, Math.round((width * 520) / 720));
  }
  const native = ihdr(svgToPng(lossCurveSvg([3, 2, 1.5, 1.2])));
  assert.deepEqual(native, { width: 680, height: 460 });
  assert.throws(() => svgToPng(svg, { width: 0 }), ValueError);
  assert.throws(() => svgToPng("not svg"), ValueError);
});

test("the PNG has ink: not a blank page (decoded pixel rows vary)", () => {
  const png = Buffer.from(svgToPng(lossCurveSvg([5, 3, 2, 1.5, 1.2, 1.1]), { width: 200 }));
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    if (png.toString("latin1", o + 4, o + 8) === "IDAT") idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const distinct = new Set(raw);
  assert.ok(distinct.size > 20, `only ${distinct.size} distinct byte values`);
});
