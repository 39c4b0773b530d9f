// Decides which CSV columns are features (and in which order) and which one is the target.

import { CsvError, ValueError } from "../errors.js";
import type { CsvReadOptions } from "./csvTypes.js";

/** How the columns of a CSV file map to X's columns and to the target. */
export interface CsvColumns {
  /** Number of fields in every row. */
  ncols: number;
  /** For each CSV column: its feature index in X (≥ 0), or TARGET_COLUMN. */
  colDest: Int32Array;
  /** Names of X's columns. */
  featureNames: string[];
  /** CSV column index of the target, or -1. */
  targetCol: number;
  /** Name of the target column, or null. */
  targetName: string | null;
  /** Header names as written (null without a header). */
  header: string[] | null;
}

/** colDest value of the target column. */
export const TARGET_COLUMN = -1;

function list(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((s) => JSON.stringify(s));
  return shown.join(", ") + (names.length > 20 ? `, … (${names.length} in all)` : "");
}

function resolveIndex(index: number, ncols: number, file: string, line: number): number {
  if (!Number.isInteger(index)) throw new CsvError(file, line, undefined, `target column index ${index} is not an integer`);
  const c = index < 0 ? ncols + index : index;
  if (c < 0 || c >= ncols) {
    throw new CsvError(file, line, undefined, `target column index ${index} is out of range: the file has ${ncols} columns (indices 0…${ncols - 1}, or -1 for the last)`);
  }
  return c;
}

/**
 * Maps the columns of a file whose first record (line `line`) has `ncols` fields, named by
 * `header` (null when the file has none), according to the options. `firstCells` (the first
 * record's cells) are checked for signs of CR-only line ends.
 */
export function resolveColumns(
  header: string[] | null,
  ncols: number,
  options: CsvReadOptions,
  file: string,
  line: number,
  firstCells?: readonly string[],
): CsvColumns {
  const name = (c: number): string => (header ? header[c]! : `column ${c + 1}`);
  if (firstCells) {
    firstCells.forEach((cell, c) => {
      if (/\r(?!\n)/.test(cell)) {
        throw new CsvError(file, line, c + 1, "a carriage return inside the first row: the file seems to use old Mac (CR-only) line ends; convert them to LF or CRLF");
      }
    });
  }
  if (header) {
    const seen = new Map<string, number>();
    header.forEach((h, c) => {
      if (h === "") throw new CsvError(file, line, c + 1, "empty column name in the header; name every column (or read the file without a header)");
      const first = seen.get(h);
      if (first !== undefined) {
        throw new CsvError(file, line, c + 1, `duplicate column name ${JSON.stringify(h)} (also column ${first + 1}); column names must be unique: rename one`);
      }
      seen.set(h, c);
    });
  }
  const target = options.target;
  let targetCol = -1;
  let featureCols: number[];
  let featureNames: string[];
  const expected = options.featureNames;
  if (expected) {
    const d = expected.length;
    if (d === 0 || new Set(expected).size !== d || expected.some((f) => typeof f !== "string" || f === "")) {
      throw new ValueError(`featureNames must be distinct, non-empty column names (got ${list(expected)})`);
    }
    if (header) {
      const where = new Map(header.map((h, c) => [h, c] as const));
      const missing = expected.filter((f) => !where.has(f));
      const expectedSet = new Set(expected);
      let extras = header.map((_, c) => c).filter((c) => !expectedSet.has(header[c]!));
      if (typeof target === "string") {
        const t = where.get(target);
        if (t !== undefined) {
          if (expectedSet.has(target)) throw new CsvError(file, line, t + 1, `column ${JSON.stringify(target)} cannot be both a feature and the target`);
          targetCol = t;
        }
      } else if (typeof target === "number") {
        const t = resolveIndex(target, ncols, file, line);
        if (extras.includes(t)) targetCol = t;
      } else if (target === undefined && extras.length === 1 && missing.length === 0) {
        targetCol = extras[0]!;
      }
      extras = extras.filter((c) => c !== targetCol);
      if (missing.length > 0 || extras.length > 0) {
        const parts: string[] = [];
        if (missing.length > 0) parts.push(`missing ${list(missing)}`);
        if (extras.length > 0) parts.push(`not expected ${list(extras.map((c) => header[c]!))}`);
        throw new CsvError(file, line, undefined, `the header does not match the model's ${d} features: ${parts.join("; ")}. The file needs exactly the columns the model was trained on (plus, optionally, its target)`);
      }
      featureCols = expected.map((f) => where.get(f)!);
    } else {
      if (ncols === d) targetCol = -1;
      else if (ncols === d + 1 && target !== null) targetCol = typeof target === "number" ? resolveIndex(target, ncols, file, line) : ncols - 1;
      else {
        throw new CsvError(file, line, undefined, `found ${ncols} columns but the model has ${d} features; the file needs ${d} columns (or ${d + 1} with the target)`);
      }
      featureCols = [];
      for (let c = 0; c < ncols; c++) if (c !== targetCol) featureCols.push(c);
    }
    featureNames = expected.slice();
  } else {
    if (typeof target === "string") {
      if (!header) throw new CsvError(file, undefined, undefined, `the target ${JSON.stringify(target)} is given by name but the file is read without a header; give the target's column index instead`);
      targetCol = header.indexOf(target);
      if (targetCol < 0) throw new CsvError(file, line, undefined, `no column named ${JSON.stringify(target)}; the columns are ${list(header)}`);
    } else if (typeof target === "number") {
      targetCol = resolveIndex(target, ncols, file, line);
    } else if (target === undefined) {
      targetCol = ncols - 1;
    }
    if (ncols - (targetCol >= 0 ? 1 : 0) < 1) {
      throw new CsvError(file, line, undefined, `found ${ncols} column${ncols === 1 ? "" : "s"}: there must be at least one feature column besides the target; is the delimiter right?`);
    }
    featureCols = [];
    for (let c = 0; c < ncols; c++) if (c !== targetCol) featureCols.push(c);
    featureNames = featureCols.map(name);
  }
  const colDest = new Int32Array(ncols).fill(-2);
  featureCols.forEach((c, j) => {
    colDest[c] = j;
  });
  if (targetCol >= 0) colDest[targetCol] = TARGET_COLUMN;
  return { ncols, colDest, featureNames, targetCol, targetName: targetCol >= 0 ? name(targetCol) : null, header };
}
