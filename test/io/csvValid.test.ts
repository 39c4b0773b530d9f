// Valid CSV files, awkward ones included, parse to the right numbers with both parsers.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, type CsvData, type CsvReadOptions } from "../../src/index.js";
import { DATA, bytes } from "./helpers.js";

/** Parses with both paths and checks they agree bit for bit. */
function both(text: string, options: CsvReadOptions = {}): CsvData {
  const a = parseCsv(bytes(text), options);
  const b = parseCsv(text, options);
  assert.deepEqual(a.featureNames, b.featureNames);
  assert.equal(a.targetName, b.targetName);
  assert.equal(a.n, b.n);
  assert.equal(a.d, b.d);
  assert.equal(a.X.length, a.n * a.d);
  for (let i = 0; i < a.X.length; i++) assert.ok(Object.is(a.X[i], b.X[i]), `X[${i}]: ${a.X[i]} vs ${b.X[i]}`);
  assert.deepEqual(a.y, b.y);
  return a;
}

describe("shared data sets", () => {
  // Oracle: the files hold no quotes, so splitting lines on commas and Number() is an independent reading.
  const cases: [string, boolean, number, number][] = [
    ["iris.csv", true, 150, 4],
    ["breast_cancer.csv", true, 569, 30],
    ["diabetes.csv", false, 759, 8],
    ["zoo.csv", false, 101, 16],
  ];
  for (const [name, header, n, d] of cases) {
    test(`${name}: ${n} × ${d}, the same numbers as a plain split`, () => {
      const raw = readFileSync(join(DATA, name));
      const data = both(raw.toString("utf8"), { header, fileName: name });
      assert.equal(data.n, n);
      assert.equal(data.d, d);
      const lines = raw
        .toString("utf8")
        .split(/\r?\n/)
        .filter((l) => l !== "" && !l.startsWith("#"))
        .slice(header ? 1 : 0);
      assert.equal(lines.length, n);
      lines.forEach((l, i) => {
        const cells = l.split(",").map(Number);
        for (let j = 0; j < d; j++) assert.ok(Object.is(data.X[i * d + j], cells[j]), `${name} row ${i} col ${j}`);
        assert.equal((data.y as number[])[i], cells[d]);
      });
      if (header) assert.equal(data.featureNames[0], raw.toString("utf8").split(",")[0]);
      else assert.deepEqual(data.featureNames.slice(0, 2), ["column 1", "column 2"]);
    });
  }
  test("zoo.csv: comment lines with commas and quotes, CRLF, no final newline", () => {
    const raw = readFileSync(join(DATA, "zoo.csv"));
    assert.ok(raw.includes("\r\n") && raw[raw.length - 1] !== 10, "the file really is CRLF without a final newline");
    const data = both(raw.toString("utf8"), { header: false });
    assert.deepEqual([...new Set(data.y as number[])].sort(), [0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("awkward but valid files", () => {
  test("BOM, CRLF, quoted fields with commas, quotes and newlines, comments, blank lines, no final newline", () => {
    const text = '\uFEFFa,"b, the second",label\r\n# a comment, with "quotes\r\n1,2,"x,y"\r\n\r\n   \r\n3, 4 ,"say ""hi"""\r\n"5","6e0","multi\nline"\r\n7,8,plain';
    const data = both(text);
    assert.deepEqual(data.featureNames, ["a", "b, the second"]);
    assert.equal(data.targetName, "label");
    assert.deepEqual(Array.from(data.X), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(data.y, ["x,y", 'say "hi"', "multi\nline", "plain"]);
  });
  test("line numbers after a quoted field that spans lines stay right", () => {
    const text = 'a,b\n1,"x\ny\nz"\n2,w\n3\n';
    assert.throws(() => parseCsv(bytes(text)), (e: unknown) => (e as { line: number }).line === 6);
    assert.throws(() => parseCsv(text), (e: unknown) => (e as { line: number }).line === 6);
  });
  test("numbers in every decimal form, signs, exponents, blanks around cells", () => {
    const cells = ["0", "-0", "+1", "1.", ".5", "-.5", "1e3", "1E-3", "2.5e+2", " 7 ", "\t8\t", "00012", "0.000001", "123456789012345678901234567890", "1e-320", "1.7976931348623157e308"];
    const text = `${cells.map((_, j) => `c${j}`).join(",")},y\n${cells.join(",")},1\n`;
    const data = both(text);
    cells.forEach((c, j) => assert.ok(Object.is(data.X[j], Number(c)), `${JSON.stringify(c)} → ${data.X[j]}`));
  });
  test("string labels and numeric labels", () => {
    assert.deepEqual(both("x,y\n1,cat\n2,dog\n3,cat\n").y, ["cat", "dog", "cat"]);
    assert.deepEqual(both("x,y\n1,0\n2,1.5\n3,-2\n").y, [0, 1.5, -2]);
    // -0 and 0 are one class
    assert.ok(Object.is((both("x,y\n1,-0\n2,0\n").y as number[])[0], 0));
    // mostly strings: the numeric-looking labels become class names too
    assert.deepEqual(both("x,y\n1,cat\n2,dog\n3,7\n").y, ["cat", "dog", "7"]);
    assert.deepEqual(both('x,y\n1,"é ünïcødé"\n2,日本\n').y, ["é ünïcødé", "日本"]);
  });
  test("the target by name, by index (negative from the end), first column, or none", () => {
    const text = "id,f1,f2\n1,10,20\n0,30,40\n";
    let d = both(text, { target: "id" });
    assert.deepEqual(d.featureNames, ["f1", "f2"]);
    assert.deepEqual(Array.from(d.X), [10, 20, 30, 40]);
    assert.deepEqual(d.y, [1, 0]);
    d = both(text, { target: 0 });
    assert.equal(d.targetName, "id");
    d = both(text, { target: -2 });
    assert.equal(d.targetName, "f1");
    assert.deepEqual(Array.from(d.X), [1, 20, 0, 40]);
    d = both(text, { target: null });
    assert.equal(d.targetName, null);
    assert.equal(d.y, null);
    assert.equal(d.d, 3);
    d = both("1,10,20\n0,30,40\n", { header: false, target: 0 });
    assert.deepEqual(d.featureNames, ["column 2", "column 3"]);
    assert.equal(d.targetName, "column 1");
  });
  test("featureNames: reorders columns, detects whether the target is present", () => {
    const expected = ["b", "a"];
    let d = both("a,b\n1,2\n3,4\n", { featureNames: expected });
    assert.equal(d.targetName, null);
    assert.equal(d.y, null);
    assert.deepEqual(d.featureNames, ["b", "a"]);
    assert.deepEqual(Array.from(d.X), [2, 1, 4, 3]);
    d = both("a,label,b\n1,x,2\n3,y,4\n", { featureNames: expected, target: "label" });
    assert.equal(d.targetName, "label");
    assert.deepEqual(d.y, ["x", "y"]);
    assert.deepEqual(Array.from(d.X), [2, 1, 4, 3]);
    // one extra column and no target name: that column is the target
    d = both("a,b,cls\n1,2,0\n", { featureNames: expected });
    assert.equal(d.targetName, "cls");
    // without a header: by the number of columns
    d = both("1,2\n3,4\n", { header: false, featureNames: ["p", "q"] });
    assert.equal(d.y, null);
    assert.deepEqual(d.featureNames, ["p", "q"]);
    d = both("1,2,1\n3,4,0\n", { header: false, featureNames: ["p", "q"] });
    assert.deepEqual(d.y, [1, 0]);
    assert.deepEqual(Array.from(d.X), [1, 2, 3, 4]);
  });
  test("10,000 columns", () => {
    const d = 10_000;
    const head = Array.from({ length: d }, (_, j) => `f${j}`).join(",") + ",y\n";
    const rows = [0, 1, 2].map((i) => Array.from({ length: d }, (_, j) => String((i * d + j) / 8)).join(",") + `,${i % 2}\n`);
    const data = both(head + rows.join(""));
    assert.equal(data.d, d);
    assert.equal(data.n, 3);
    for (let k = 0; k < 3 * d; k += 997) assert.equal(data.X[k], k / 8);
    assert.equal(data.featureNames[9999], "f9999");
  });
  test("a very long line (a 2 MB class name)", () => {
    const long = "z".repeat(2_000_000);
    const data = both(`x,y\n1,${long}\n2,b\n`);
    assert.equal((data.y as string[])[0]!.length, 2_000_000);
  });
  test("another delimiter: semicolons and tabs", () => {
    assert.deepEqual(Array.from(both("a;b;y\n1.5;2;0\n", { delimiter: ";" }).X), [1.5, 2]);
    assert.throws(() => both("a;b;y\n1,5;2;0\n", { delimiter: ";" }), /not a number/);
    assert.deepEqual(Array.from(both("a\tb\ty\n1\t2\t0\n", { delimiter: "\t" }).X), [1, 2]);
  });
});
