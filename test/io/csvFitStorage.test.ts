// Reading a training file straight into the fit's storage (readCsvFileForFit, used by `logreg train`):
// float64 up to the threshold, else float32 holding Math.fround(Number(text)) of every cell, what
// LogisticRegression's own conversion gives; a value beyond the float32 range keeps float64. And
// the inline number path of the byte parser (plain decimals, every column position) against Number(text).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { CsvError, parseCsv } from "../../src/index.js";
import { readCsvFile, readCsvFileForFit } from "../../src/io/node.js";
import { bytes } from "./helpers.js";
import { rng } from "../helpers/random.js";

function withFile<T>(text: string, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "logreg-fitstorage-"));
  const path = join(dir, "data.csv");
  writeFileSync(path, text);
  return fn(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** Seeded random cells in many forms: plain decimals of every length, exponents, quoted, blank-padded. */
function cellText(r: () => number, j: number): string {
  const v = (r() - 0.5) * 10 ** Math.floor(r() * 8 - 3);
  switch ((j + Math.floor(r() * 4)) % 9) {
    case 0:
      return v.toExponential(Math.floor(r() * 12));
    case 1:
      return `"${v.toPrecision(1 + Math.floor(r() * 17))}"`;
    case 2:
      return ` ${v.toFixed(Math.floor(r() * 10))} `;
    case 3:
      return String(v); // up to 17 significant digits
    default:
      return v.toPrecision(1 + Math.floor(r() * 15));
  }
}


/** A seeded n × d file with a label column ("a"/"b") and the cell texts. */
function table(n: number, d: number, seed: number): { text: string; cells: string[][] } {
  const r = rng(seed);
  const cells: string[][] = [];
  let text = Array.from({ length: d }, (_, j) => `x${j}`).join(",") + ",label\n";
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: d }, (_, j) => cellText(r, j));
    cells.push(row);
    text += `${row.join(",")},${r() < 0.5 ? "a" : "b"}\n`;
  }
  return { text, cells };
}

const unquote = (s: string): string => s.replace(/^"|"$/g, "").trim();

describe("readCsvFileForFit", () => {
  test("past the threshold: float32 values equal to Math.fround(Number(text)), labels as readCsvFile", async () => {
    const { text, cells } = table(400, 7, 1);
    await withFile(text, async (path) => {
      const fit = await readCsvFileForFit(path, {}, 500); // switches to float32 after 72 rows
      const ref = await readCsvFile(path);
      assert.ok(fit.X instanceof Float32Array);
      assert.equal(fit.X.length, 400 * 7, "X shrunk to exactly n·d entries");
      // in the kernels' (shared) WebAssembly memory, where that exists: the fit uses it without a copy
      if (typeof SharedArrayBuffer === "function") assert.ok(fit.X.buffer instanceof SharedArrayBuffer, "X in the kernels' memory");
      assert.equal(fit.n, 400);
      assert.deepEqual(fit.y, ref.y);
      assert.deepEqual(fit.featureNames, ref.featureNames);
      for (let i = 0; i < fit.n; i++) {
        for (let j = 0; j < 7; j++) {
          const want = Math.fround(Number(unquote(cells[i]![j]!)));
          assert.ok(Object.is(fit.X[i * 7 + j], want), `row ${i} col ${j}: ${cells[i]![j]} read ${fit.X[i * 7 + j]}, want ${want}`);
        }
      }
    });
  });

  test("up to the threshold: the very Float64Array readCsvFile gives", async () => {
    const { text } = table(70, 7, 2);
    await withFile(text, async (path) => {
      const fit = await readCsvFileForFit(path, {}, 490);
      const ref = await readCsvFile(path);
      assert.ok(fit.X instanceof Float64Array);
      assert.deepEqual(fit.X, ref.X);
      const fit2 = await readCsvFileForFit(path); // the estimator's own threshold (1e6)
      assert.ok(fit2.X instanceof Float64Array);
    });
  });

  test("a value beyond the float32 range keeps float64, before and after the switch", async () => {
    for (const at of [3, 150]) {
      const { text } = table(200, 5, 3);
      const lines = text.split("\n");
      lines[at] = lines[at]!.replace(/^[^,]*/, at === 3 ? "-4e38" : "3.5e38");
      await withFile(lines.join("\n"), async (path) => {
        const fit = await readCsvFileForFit(path, {}, 100);
        const ref = await readCsvFile(path);
        assert.ok(fit.X instanceof Float64Array, `overflow at line ${at}`);
        assert.deepEqual(fit.X, ref.X);
        assert.deepEqual(fit.y, ref.y);
      });
    }
    // 3.4e38 fits float32: stays float32
    const { text } = table(200, 5, 4);
    await withFile(text.replace(/\n[^,]*/, "\n3.4e38"), async (path) => {
      const fit = await readCsvFileForFit(path, {}, 100);
      assert.ok(fit.X instanceof Float32Array);
      assert.equal(fit.X[0], Math.fround(3.4e38));
    });
  });

  test("errors after the switch are the errors of readCsvFile", async () => {
    const { text } = table(200, 5, 5);
    const lines = text.split("\n");
    lines[180] = lines[180]!.replace(/^[^,]*/, "1.2.3");
    await withFile(lines.join("\n"), async (path) => {
      const err = await readCsvFile(path).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(err instanceof CsvError);
      await assert.rejects(readCsvFileForFit(path, {}, 100), (e: unknown) => e instanceof CsvError && e.message === err.message && e.line === 181);
    });
  });
});

describe("the byte parser's inline path for plain decimals", () => {
  const oracle = (cells: string[]): number[] => cells.map((c) => Number(c.trim()));
  test("edge cells before the last column equal Number(text)", () => {
    const cells = [
      "0", "-0", "5.", ".5", "-.5", "007", "0.000", "123456789012345", "1234567890123456", "-999999999999999",
      "0.123456789012345", "0.1234567890123456", "1.5e3", "+1", " 2", "3 ", "1234.5678", "12345678.9", "9.99999999",
      "1.0000", "123456789.12345", "-12.34567890", "4.", "1234", "12345678",
    ];
    for (const last of ["0", "x"]) {
      // every cell in every position of the tight loop (before and after other plain cells)
      for (let k = 0; k < cells.length; k++) {
        const row = [...cells.slice(k), ...cells.slice(0, k)];
        const text = `${row.map((_, j) => `c${j}`).join(",")},t\n${row.join(",")},${last}\n`;
        const got = parseCsv(bytes(text));
        const want = oracle(row);
        for (let j = 0; j < want.length; j++) assert.ok(Object.is(got.X[j], want[j]), `${JSON.stringify(row[j])}: ${got.X[j]} vs ${want[j]}`);
      }
    }
  });
  test("random plain decimals of 1–18 digits equal Number(text), whatever the chunking", () => {
    const cell = fc
      .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 9 }), fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 12 })))
      .filter(([, i, f]) => i.length + (f ?? "").length > 0)
      .map(([neg, i, f]) => `${neg ? "-" : ""}${i}${f === null ? "" : `.${f}`}`);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 10 }), (row) => {
        const text = `${row.map((_, j) => `c${j}`).join(",")},t\n${row.join(",")},1\n${row.join(",")},0`;
        const got = parseCsv(bytes(text));
        const want = oracle(row);
        for (let i = 0; i < 2; i++) for (let j = 0; j < want.length; j++) assert.ok(Object.is(got.X[i * want.length + j], want[j]), `${JSON.stringify(row[j])}`);
      }),
      { numRuns: 1500 },
    );
  });
});
