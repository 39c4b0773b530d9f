// Every kind of bad CSV gives a CsvError naming the file, the line and the column, with both parsers.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CsvError, ValueError, parseCsv } from "../../src/index.js";
import { assertCsvError, bytes } from "./helpers.js";

describe("bad feature values", () => {
  const head = "alpha,beta,label\n1,2,0\n";
  const bad: [string, RegExp][] = [
    ["", /empty cell.*missing value/],
    ["   ", /empty cell/],
    ["abc", /"abc" is not a number/],
    ["1e", /"1e" is not a number/],
    ["1.2.3", /not a number/],
    ["--1", /not a number/],
    ["NaN", /missing value "NaN"/],
    ["nan", /missing value/],
    ["NA", /missing value/],
    ["?", /missing value/],
    ["inf", /infinite value/],
    ["-Infinity", /infinite value/],
    ["Infinity", /infinite value/],
    ["0x10", /hexadecimal/],
    ["1e400", /overflows/],
    ["-1e309", /overflows/],
    ["1_000", /not a number/],
    ['"1,000"', /thousands separators/],
    ["１２", /not a number/],
  ];
  for (const [cell, message] of bad) {
    test(`${JSON.stringify(cell)} in column 2 on line 3`, () => {
      assertCsvError(`${head}3,${cell},1\n`, 3, 2, new RegExp(`feature "beta": .*${message.source}`));
    });
  }
  test("without a header the message still names line and column", () => {
    assertCsvError("1,2,0\n1,x,1\n", 2, 2, /"x" is not a number/, { header: false });
  });
  test("a bad cell in the first column and in the last feature column, and on a CRLF line", () => {
    assertCsvError(`${head}z,2,1\n`, 3, 1, /feature "alpha"/);
    assertCsvError(`alpha,beta,label\r\n1,2,0\r\n3,z,1\r\n`, 3, 2, /feature "beta"/);
    assertCsvError(`alpha,beta,label\r\n1,2,0\r\n3,,1`, 3, 2, /empty cell/);
  });
  test("old Mac line ends (CR only) are explained", () => {
    assertCsvError("a,b,y\r1,2,0\r3,4,1\r", 1, 3, /CR-only/);
    assertCsvError("1,2,0\r3,4,1\r", 1, 3, /CR-only/, { header: false });
  });
});

describe("structure", () => {
  test("ragged rows: too few and too many fields", () => {
    assertCsvError("a,b,c\n1,2,3\n4,5\n", 3, undefined, /expected 3 columns \(as in the header\) but found 2/);
    assertCsvError("a,b,c\n1,2,3\n4,5,6,7,8\n", 3, 4, /expected 3 columns \(as in the header\) but found 5/);
    assertCsvError("1,2,3\n4,5,6\n7,8\n", 3, undefined, /expected 3 columns \(as in the first row\) but found 2/, { header: false });
    assertCsvError('a,b,c\n1,2,"x\ny"\n4,5\n', 4, undefined, /found 2/);
  });
  test("an empty file, only comments and blank lines, a header without rows", () => {
    assertCsvError("", undefined, undefined, /empty/);
    assertCsvError("\uFEFF", undefined, undefined, /empty/);
    assertCsvError("# only a comment\n\n  \n", undefined, undefined, /empty/);
    assertCsvError("a,b,y\n", 1, undefined, /header but no data rows/);
    assertCsvError("# c\na,b,y\n\n# c\n", 2, undefined, /header but no data rows/);
  });
  test("duplicate and empty column names", () => {
    assertCsvError("a,b,a\n1,2,3\n", 1, 3, /duplicate column name "a" \(also column 1\)/);
    assertCsvError("a,,y\n1,2,3\n", 1, 2, /empty column name/);
  });
  test("an unknown target name lists the available names; bad target indexes", () => {
    assertCsvError("a,b,y\n1,2,3\n", 1, undefined, /no column named "label"; the columns are "a", "b", "y"/, { target: "label" });
    assertCsvError("a,b,y\n1,2,3\n", 1, undefined, /index 3 is out of range/, { target: 3 });
    assertCsvError("a,b,y\n1,2,3\n", 1, undefined, /not an integer/, { target: 1.5 });
    assertCsvError("1,2,3\n", undefined, undefined, /by name but the file is read without a header/, { header: false, target: "y" });
    assertCsvError("y\n1\n", 1, undefined, /at least one feature column/);
  });
  test("a header that does not match the expected features lists the difference", () => {
    assertCsvError("a,c,d\n1,2,3\n", 1, undefined, /missing "b"; not expected "c", "d"/, { featureNames: ["a", "b"] });
    assertCsvError("1,2,3,4\n", 1, undefined, /found 4 columns but the model has 2 features/, { header: false, featureNames: ["a", "b"] });
  });
  test("featureNames must be distinct names", () => {
    for (const featureNames of [["a", "a"], [], ["a", ""]]) {
      assert.throws(() => parseCsv("a,b\n1,2\n", { featureNames }), ValueError);
      assert.throws(() => parseCsv(bytes("a,b\n1,2\n"), { featureNames }), ValueError);
    }
  });
  test("quotes: never closed, a stray quote, text after a closing quote", () => {
    assertCsvError('a,b,y\n1,2,0\n3,"4,1\n5,6,1\n', 3, 2, /never closed/);
    assertCsvError('a,b,y\n1,2,0\n3,4"x,1\n', 3, 2, /quote \(\"\) inside an unquoted field/);
    assertCsvError('a,b,y\n1,2,0\n3,"4"x,1\n', 3, 2, /after the closing quote/);
  });
});

describe("labels", () => {
  test("one string among numeric labels is reported where it is", () => {
    assertCsvError("x,y\n1,0\n2,1\n3,one\n4,0\n", 4, 2, /label "one" in the target column "y" is not a number, but the other labels are numbers/);
  });
  test("an empty label", () => {
    assertCsvError("x,y\n1,0\n2,\n", 3, 2, /empty label/);
    assertCsvError('x,y\n1,a\n2,""\n', 3, 2, /empty label/);
  });
});

describe("not text", () => {
  test("invalid UTF-8 is rejected with its line", () => {
    const head = bytes("a,b,y\n1,2,cat\n");
    const bad = new Uint8Array([...head, ...bytes("3,4,"), 0xff, 0xfe, ...bytes("\n")]);
    assertCsvError(bad, 3, 3, /invalid UTF-8/);
    const inHeader = new Uint8Array([...bytes("a,"), 0xc3, 0x28, ...bytes(",y\n1,2,3\n")]);
    assertCsvError(inHeader, 1, undefined, /invalid UTF-8/);
    const overlong = new Uint8Array([...bytes("a,b,y\n1,2,3\n# "), 0xc0, 0xaf, ...bytes("\n4,5,6\n")]);
    assertCsvError(overlong, 3, undefined, /invalid UTF-8/);
  });
  test("a NUL byte and binary garbage", () => {
    for (const input of ["a,b,y\n1,2,3\n4,\u00005,6\n", bytes("a,b,y\n1,2,3\n4,\u00005,6\n")]) {
      assert.throws(() => parseCsv(input), (e: unknown) => e instanceof CsvError && e.line === 3 && /NUL byte.*binary/.test(e.message));
    }
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    assert.throws(() => parseCsv(garbage, { fileName: "g.bin" }), (e: unknown) => e instanceof CsvError && /g\.bin/.test(e.message));
  });
  test("UTF-16 text is recognised", () => {
    assertCsvError(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 1, undefined, /UTF-16/);
  });
  test("a bad delimiter option", () => {
    assertCsvError("a\n", undefined, undefined, /delimiter/, { delimiter: '"' });
    assertCsvError("a\n", undefined, undefined, /delimiter/, { delimiter: ";;" });
  });
});
