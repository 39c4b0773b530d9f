// Reading CSV files from disk: whole (readCsvFile) and streamed (streamCsvFile), and file errors.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CsvError, parseCsv, type CsvChunk } from "../../src/index.js";
import { readCsvFile, streamCsvFile } from "../../src/io/node.js";
import { DATA } from "./helpers.js";

let dir = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "logreg-io-csv-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sameData(a: { X: Float64Array; y: unknown; n: number; d: number }, b: { X: Float64Array; y: unknown; n: number; d: number }): void {
  assert.equal(a.n, b.n);
  assert.equal(a.d, b.d);
  assert.equal(a.X.length, b.X.length);
  for (let i = 0; i < a.X.length; i++) if (!Object.is(a.X[i], b.X[i])) assert.fail(`X[${i}]: ${a.X[i]} vs ${b.X[i]}`);
  assert.deepEqual(a.y, b.y);
}

/** A file of several MB whose rows (with quoted, multi-line labels) straddle the 1 MB read chunks. */
function bigText(rows: number): string {
  const lines = ["f1,f2,f3,label"];
  for (let i = 0; i < rows; i++) {
    const label = i % 5 === 0 ? `"class ""${i % 3}"",\nsecond line"` : `class ${i % 3}`;
    lines.push(`${(i * 0.37).toFixed(4)},${-i},${(i % 97) / 7},${label}`);
  }
  return lines.join("\r\n");
}

describe("readCsvFile", () => {
  test("the shared data sets read the same from disk as from memory", async () => {
    for (const [name, header] of [["iris.csv", true], ["zoo.csv", false], ["breast_cancer.csv", true]] as const) {
      const path = join(DATA, name);
      const fromDisk = await readCsvFile(path, { header });
      sameData(fromDisk, parseCsv(readFileSync(path, "utf8"), { header }));
    }
  });
  test("a multi-megabyte file with records across chunk boundaries", async () => {
    const text = bigText(80_000);
    const path = join(dir, "big.csv");
    writeFileSync(path, text);
    assert.ok(text.length > 2 * (1 << 20));
    const data = await readCsvFile(path);
    assert.equal(data.n, 80_000);
    assert.equal((data.y as string[])[5], 'class "2",\nsecond line');
    assert.equal(data.X[3 * 79_999 + 1], -79_999);
    sameData(data, parseCsv(text));
  });
  test("a line of 2 MB (250,000 columns) across several chunks", async () => {
    const cols = 250_000;
    const head = Array.from({ length: cols }, (_, j) => `c${j}`).join(",");
    const row = (k: number): string => Array.from({ length: cols }, (_, j) => String((j + k) % 10)).join(",");
    const path = join(dir, "wide.csv");
    writeFileSync(path, `${head}\n${row(0)}\n${row(3)}\n`);
    const data = await readCsvFile(path);
    assert.equal(data.d, cols - 1);
    assert.equal(data.n, 2);
    assert.equal(data.X[12345], 12345 % 10);
    assert.deepEqual(data.y, [(cols - 1) % 10, (cols - 1 + 3) % 10]);
  });
  test("a missing path, a directory, an empty path", async () => {
    await assert.rejects(readCsvFile(join(dir, "nope.csv")), (e: unknown) => e instanceof CsvError && /nope\.csv: no such file; check the path/.test(e.message));
    mkdirSync(join(dir, "adir"), { recursive: true });
    await assert.rejects(readCsvFile(join(dir, "adir")), (e: unknown) => e instanceof CsvError && /adir: is a directory/.test(e.message));
    await assert.rejects(readCsvFile(""), CsvError);
  });
  test("errors name the file path and the line", async () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "a,b\n1,0\n2,x\n");
    await assert.rejects(readCsvFile(path), (e: unknown) => e instanceof CsvError && e.file === path && e.line === 3 && e.column === 2);
  });
});

describe("streamCsvFile", () => {
  test("blocks of chunkRows rows, in file order, equal to the whole file", async () => {
    const text = bigText(25_000);
    const path = join(dir, "stream.csv");
    writeFileSync(path, text);
    const whole = parseCsv(text);
    const chunks: CsvChunk[] = [];
    for await (const c of streamCsvFile(path, { chunkRows: 4096 })) chunks.push(c);
    assert.deepEqual(
      chunks.map((c) => c.n),
      [4096, 4096, 4096, 4096, 4096, 4096, 25_000 - 6 * 4096],
    );
    assert.deepEqual(
      chunks.map((c) => c.firstRow),
      [0, 1, 2, 3, 4, 5, 6].map((k) => k * 4096),
    );
    const X = new Float64Array(whole.X.length);
    let off = 0;
    const y: string[] = [];
    for (const c of chunks) {
      X.set(c.X, off);
      off += c.X.length;
      y.push(...(c.y as string[]));
      assert.deepEqual(c.featureNames, ["f1", "f2", "f3"]);
    }
    sameData({ X, y, n: 25_000, d: 3 }, whole);
  });
  test("a small file is one block; the model's features select and order columns", async () => {
    const path = join(dir, "small.csv");
    writeFileSync(path, "b,a\n1,2\n3,4\n");
    const chunks: CsvChunk[] = [];
    for await (const c of streamCsvFile(path, { featureNames: ["a", "b"] })) chunks.push(c);
    assert.equal(chunks.length, 1);
    assert.deepEqual(Array.from(chunks[0]!.X), [2, 1, 4, 3]);
    assert.equal(chunks[0]!.y, null);
  });
  test("a string label after blocks of numeric labels is reported at its line", async () => {
    const lines = ["x,y"];
    for (let i = 0; i < 100; i++) lines.push(`${i},${i % 2}`);
    lines.push("100,oops");
    const path = join(dir, "late.csv");
    writeFileSync(path, lines.join("\n"));
    await assert.rejects(
      (async () => {
        for await (const _ of streamCsvFile(path, { chunkRows: 10 })) void _;
      })(),
      (e: unknown) => e instanceof CsvError && e.line === 102 && e.column === 2 && /"oops"/.test(e.message),
    );
  });
  test("file errors: missing, directory, empty file, header only", async () => {
    const drain = async (p: string): Promise<void> => {
      for await (const _ of streamCsvFile(p)) void _;
    };
    await assert.rejects(drain(join(dir, "missing.csv")), /no such file/);
    await assert.rejects(drain(dir), /is a directory/);
    writeFileSync(join(dir, "empty.csv"), "");
    await assert.rejects(drain(join(dir, "empty.csv")), /empty/);
    writeFileSync(join(dir, "head.csv"), "a,b\n");
    await assert.rejects(drain(join(dir, "head.csv")), /header but no data rows/);
  });
});
