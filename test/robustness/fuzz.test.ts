// Property-based fuzzing of the CSV readers and the model loader (the long run is `npm run fuzz`):
// random bytes and mutated valid files give a valid result or a typed error, never another exception.
// FUZZ_CASES sets the total number of cases (default 3000); FUZZ_SEED replays a run.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fuzzProperties } from "./fuzzTargets.js";

const total = Number(process.env["FUZZ_CASES"] ?? 3000);
const seed = process.env["FUZZ_SEED"] === undefined ? undefined : Number(process.env["FUZZ_SEED"]);

describe("fuzz: valid result or typed error, the readers agree", () => {
  for (const { name, share, property } of fuzzProperties()) {
    test(`${name} (${Math.round(total * share)} cases)`, async () => {
      await fc.assert(property, { numRuns: Math.round(total * share), ...(seed === undefined ? {} : { seed }) });
    });
  }
});

describe("faults found by the fuzzer, kept as regression tests", () => {
  test("CRLF lines ending in a class name: later errors name the right line (the byte parser counted each such line twice)", async () => {
    const { CsvError, parseCsv } = await import("../../src/index.js");
    const text = "a,b,y\r\n1,2,cat\r\n3,4,dog\r\n5,6,cat\r\n7,8,1e0\r\n5,x,cat\r\n";
    for (const input of [new TextEncoder().encode(text), text]) {
      assert.throws(
        () => parseCsv(input, { fileName: "f.csv" }),
        (e: unknown) => e instanceof CsvError && e.line === 6 && e.column === 2 && /"x" is not a number/.test(e.message),
      );
    }
    const ok = parseCsv(new TextEncoder().encode(text.replace("5,x", "5,9")));
    assert.equal(ok.n, 5);
    assert.deepEqual(ok.y, ["cat", "dog", "cat", "1e0", "cat"]);
  });

  test("class names that read as numbers keep their text (\"01\" stayed \"1\", and \"1\" and \"1.0\" merged into one class)", async () => {
    const { parseCsv, parseCsvStream } = await import("../../src/index.js");
    // (a stream fixes the label kind with its first block: class names come first here)
    const labels = ["A", "B", "C", "D", "E", "F", "01", "1", "1.0", "1.50", "G", "-0", ".5", "5.", "H", "1e0", "007", "10", "I", "J", "K"];
    for (const eol of ["\n", "\r\n"]) {
      const text = "x,label" + eol + labels.map((l, i) => `${i},${l}`).join(eol) + eol;
      const bytes = new TextEncoder().encode(text);
      assert.deepEqual(parseCsv(bytes).y, labels, "byte parser");
      assert.deepEqual(parseCsv(text).y, labels, "string parser");
      const streamed: unknown[] = [];
      for await (const c of parseCsvStream([bytes.subarray(0, 40), bytes.subarray(40)], { chunkRows: 8 })) streamed.push(...c.y!);
      assert.deepEqual(streamed, labels, "stream");
    }
    // labels that are all numbers are still numbers
    assert.deepEqual(parseCsv(new TextEncoder().encode("x,y\n1,1.0\n2,0.0\n3,01\n")).y, [1, 0, 1]);
  });
});
