// Collects parsed rows into a growing row-major Float64Array and a label column, and turns the
// labels into all-numbers or all-strings (reporting the odd cell when they are mixed). On request
// (useFloat32) X moves to float32 storage once it holds more than a given number of values, as a
// fit would store it (the values then are Math.fround(Number(text)), what the fit's conversion gives).

import { CsvError } from "../errors.js";
import { numberProblem, showCell } from "./cellProblem.js";
import type { CsvColumns } from "./csvColumns.js";
import { TARGET_COLUMN } from "./csvColumns.js";
import { parseStrictNumber } from "./strictNumber.js";

/** Where a label cell was, for messages. */
interface CellPlace {
  line: number;
  col: number;
  text: string;
}

/** Float32 storage of X past `above` values (see TableBuilder.useFloat32). */
export interface Float32Storage {
  above: number;
  /** A new float32 array of `length` entries. */
  alloc: (length: number) => Float32Array;
  /** The first `length` entries of an `alloc` array, without a copy. */
  shrink: (X: Float32Array, length: number) => Float32Array;
}

/** Rows taken out of a TableBuilder. */
export interface TableRows {
  n: number;
  X: Float64Array | Float32Array;
  y: number[] | string[] | null;
}

/** Accumulates rows of one CSV file (see file comment). */
export class TableBuilder {
  readonly file: string;
  readonly cols: CsvColumns;
  readonly d: number;
  readonly hasTarget: boolean;
  /** Rows completed so far (in the current buffer). */
  n = 0;
  /** Row-major features; capacity `cap` rows (float32 after the switch made by useFloat32). */
  X: Float64Array | Float32Array;
  /** Numeric labels by row (meaningless where the label is a string). */
  yNum: Float64Array;
  /**
   * True once a feature value beyond the float32 range was read (noteValue): X then stays
   * float64, or, when it was float32 already, is unusable (read the file again in float64).
   */
  overflow32 = false;
  private cap: number;
  /** beginRow's fast check: min(cap, switchRows). */
  private limit: number;
  /** Rows from which X is float32 (Infinity: never). */
  private switchRows = Infinity;
  /** Rows reserved from the file size (the float32 storage is sized from it). */
  private reservedRows = 0;
  /** How the float32 storage is made and shortened (set by useFloat32), or null for float64 only. */
  private float32: Float32Storage | null = null;
  private strRows: number[] = [];
  private strVals: string[] = [];
  /**
   * Numeric labels written other than as String(value) ("01", "1.50", "-0", "1e0"): their rows
   * and texts (deduplicated), so that a column of class names keeps them as written.
   */
  private altRows = new Int32Array(0);
  private altIds = new Int32Array(0);
  private altN = 0;
  private altTexts: string[] = [];
  private altIdOf = new Map<string, number>();
  private firstString: CellPlace | null = null;
  private firstNumber: CellPlace | null = null;
  /** Label kind fixed by rows already handed out (streaming), or null. */
  private kind: "number" | "string" | null = null;
  private numbersSeen = 0;
  private stringsSeen = 0;

  constructor(file: string, cols: CsvColumns, initialRows = 64) {
    this.file = file;
    this.cols = cols;
    this.d = cols.featureNames.length;
    this.hasTarget = cols.targetCol >= 0;
    this.cap = Math.max(1, initialRows);
    this.X = new Float64Array(this.cap * this.d);
    this.yNum = new Float64Array(this.hasTarget ? this.cap : 0);
    this.limit = this.cap;
  }

  /**
   * Stores X as float32 once it holds more than `storage.above` values (n·d > above, so the final
   * X is certain to be that large), unless a value read so far is beyond the float32 range. The
   * float32 storage is made by `storage.alloc`, and take() of every row shrinks it in place.
   */
  useFloat32(storage: Float32Storage): void {
    if (this.d === 0 || this.X instanceof Float32Array) return;
    this.switchRows = Math.floor(storage.above / this.d) + 1;
    this.float32 = storage;
    this.limit = Math.min(this.cap, this.switchRows);
  }

  /** Makes room for at least `rows` rows in total (a hint from the file size). */
  reserve(rows: number): void {
    this.reservedRows = Math.max(this.reservedRows, rows);
    // float64 rows that will move to float32 storage are not reserved beyond the switch
    if (this.X instanceof Float64Array && rows > this.switchRows) rows = Math.max(this.n, this.switchRows);
    if (rows > this.cap) this.grow(rows);
  }

  private grow(rows: number): void {
    const cap = Math.max(rows, 16);
    const X = this.X instanceof Float32Array ? this.newFloat32(cap * this.d) : new Float64Array(cap * this.d);
    X.set(this.X.subarray(0, this.n * this.d));
    this.X = X;
    if (this.hasTarget) {
      const y = new Float64Array(cap);
      y.set(this.yNum.subarray(0, this.n));
      this.yNum = y;
    }
    this.cap = cap;
    this.limit = this.X instanceof Float32Array ? cap : Math.min(cap, this.switchRows);
  }

  /** Ensures room for one more row; returns the offset of its first feature in X. */
  beginRow(): number {
    if (this.n >= this.limit) this.full();
    return this.n * this.d;
  }

  /** beginRow found n at the limit: switch to float32 storage when due, then grow if full. */
  private full(): void {
    if (this.n >= this.switchRows && this.X instanceof Float64Array) this.toFloat32();
    if (this.n >= this.cap) this.grow(Math.ceil(this.cap * 1.5) + 16);
  }

  private toFloat32(): void {
    this.switchRows = Infinity;
    if (this.overflow32) {
      // a value beyond the float32 range: X stays float64, as a fit would keep it
      this.limit = this.cap;
      return;
    }
    const used = this.n * this.d;
    const cap = Math.max(this.reservedRows, Math.ceil(this.n * 1.5) + 16);
    const X = this.newFloat32(cap * this.d);
    X.set(this.X.subarray(0, used));
    this.X = X;
    this.cap = cap;
    this.limit = cap;
    if (this.hasTarget && this.yNum.length < cap) {
      const y = new Float64Array(cap);
      y.set(this.yNum.subarray(0, this.n));
      this.yNum = y;
    }
  }

  /** Float32 storage for X (only after useFloat32). */
  private newFloat32(length: number): Float32Array {
    return this.float32!.alloc(length);
  }

  /** Completes the row started by beginRow. */
  endRow(): void {
    this.n++;
  }

  /** Stores a numeric label for the current row. */
  targetNumber(v: number, line: number, col: number): void {
    this.yNum[this.n] = v + 0; // -0 → 0: one class, as in NumPy's unique
    this.numbersSeen++;
    if (this.firstNumber === null) this.firstNumber = { line, col, text: String(v) };
  }

  /** Stores a numeric label whose text is not String(v) (the text is kept in case the labels turn out to be class names). */
  targetNumberText(v: number, text: string, line: number, col: number): void {
    let id = this.altIdOf.get(text);
    if (id === undefined) {
      id = this.altTexts.push(text) - 1;
      this.altIdOf.set(text, id);
    }
    if (this.altN === this.altRows.length) {
      const cap = this.altN * 2 + 64;
      const rows = new Int32Array(cap);
      rows.set(this.altRows);
      const ids = new Int32Array(cap);
      ids.set(this.altIds);
      this.altRows = rows;
      this.altIds = ids;
    }
    this.altRows[this.altN] = this.n;
    this.altIds[this.altN++] = id;
    this.targetNumber(v, line, col);
  }

  /** Stores a label given as text (a number when it reads as one, else a class name). */
  targetText(text: string, line: number, col: number): void {
    if (text === "") {
      throw new CsvError(this.file, line, col + 1, `empty label in the target column ${showCell(this.cols.targetName ?? "")} (a missing value); fill it in or remove the row`);
    }
    const v = parseStrictNumber(text);
    if (v === v) {
      if (String(v) === text) this.targetNumber(v, line, col);
      else this.targetNumberText(v, text, line, col);
      return;
    }
    this.strRows.push(this.n);
    this.strVals.push(text);
    this.stringsSeen++;
    if (this.firstString === null) this.firstString = { line, col, text };
  }

  /** Parses a feature cell given as text (the general path) into the current row. */
  featureText(text: string, base: number, col: number, line: number): void {
    const v = parseStrictNumber(text);
    if (v !== v) throw this.featureError(text, line, col);
    this.X[base + this.cols.colDest[col]!] = v;
    this.noteValue(v);
  }

  /** Records a feature value read by a careful parser (the inline paths read values below 1e15 only). */
  noteValue(v: number): void {
    const f = Math.fround(v);
    if (f === Infinity || f === -Infinity) this.overflow32 = true;
  }

  /** The error for a feature cell that is not a number. */
  featureError(text: string, line: number, col: number): CsvError {
    const name = this.cols.header ? `feature ${showCell(this.cols.header[col]!)}: ` : "";
    return new CsvError(this.file, line, col + 1, `${name}${numberProblem(text)}`);
  }

  /** Adds one row given as cell texts (the general path). */
  addTextRow(cells: string[], line: number): void {
    const ncols = this.cols.ncols;
    if (cells.length !== ncols) throw raggedError(this.file, line, ncols, cells.length, this.cols.header !== null);
    const base = this.beginRow();
    const dest = this.cols.colDest;
    for (let c = 0; c < ncols; c++) {
      if (dest[c] === TARGET_COLUMN) this.targetText(cells[c]!, line, c);
      else this.featureText(cells[c]!, base, c, line);
    }
    this.endRow();
  }

  /** Takes out the first `rows` rows (all by default), keeping any later rows for the next take. */
  take(rows = this.n): TableRows {
    const d = this.d;
    const n = Math.min(rows, this.n);
    let X: Float64Array | Float32Array;
    if (this.X instanceof Float32Array) {
      if (n === this.n) X = this.float32!.shrink(this.X, n * d);
      else {
        X = this.float32!.alloc(n * d);
        X.set(this.X.subarray(0, n * d));
      }
    } else if (n === this.n && this.X.length - n * d <= (n * d) / 16) X = this.X.subarray(0, n * d);
    else X = this.X.slice(0, n * d);
    const y = this.hasTarget ? this.labels(n) : null;
    const rest = this.n - n;
    if (rest > 0) {
      this.X.copyWithin(0, n * d, this.n * d);
      if (this.hasTarget) this.yNum.copyWithin(0, n, this.n);
    } else if (X.buffer === this.X.buffer || X instanceof Float32Array) {
      // the rows were handed out: start a fresh, small buffer
      this.X = this.X instanceof Float32Array ? new Float32Array(0) : new Float64Array(0);
      this.yNum = new Float64Array(0);
      this.cap = 0;
      this.limit = 0;
    }
    this.n = rest;
    return { n, X, y };
  }

  private labels(n: number): number[] | string[] {
    // split the string labels into those of the first n rows and the rest
    let k = 0;
    while (k < this.strRows.length && this.strRows[k]! < n) k++;
    const rows = this.strRows.splice(0, k);
    const vals = this.strVals.splice(0, k);
    for (let i = 0; i < this.strRows.length; i++) this.strRows[i]! -= n;
    let a = 0;
    while (a < this.altN && this.altRows[a]! < n) a++;
    const altRows = this.altRows.slice(0, a);
    const altIds = this.altIds.slice(0, a);
    this.altRows.copyWithin(0, a, this.altN);
    this.altIds.copyWithin(0, a, this.altN);
    this.altN -= a;
    for (let i = 0; i < this.altN; i++) this.altRows[i]! -= n;
    const strings = rows.length;
    const numbers = n - strings;
    let kind = this.kind;
    if (kind === null && n > 0) {
      if (this.stringsSeen === 0) kind = "number";
      else if (this.numbersSeen === 0) kind = "string";
      else if (this.numbersSeen >= this.stringsSeen) kind = "number";
      else kind = "string";
    }
    let out: number[] | string[];
    if (kind === "number") {
      if (strings > 0) {
        const p = this.firstString!;
        throw new CsvError(this.file, p.line, p.col + 1, `the label ${showCell(p.text)} in the target column ${showCell(this.cols.targetName ?? "")} is not a number, but the other labels are numbers (${this.numbersSeen} of the ${this.numbersSeen + this.stringsSeen} read); labels must be all numbers or all class names: fix this cell, or check that the right column is the target`);
      }
      out = Array.from(this.yNum.subarray(0, n));
    } else if (kind === "string") {
      const s: string[] = new Array<string>(n);
      let j = 0;
      let m = 0;
      for (let i = 0; i < n; i++) {
        if (j < rows.length && rows[j] === i) s[i] = vals[j++]!;
        else if (m < altRows.length && altRows[m] === i) s[i] = this.altTexts[altIds[m++]!]!; // a number-like class name, as written
        else s[i] = String(this.yNum[i]);
      }
      out = s;
    } else out = [];
    if (n > 0) this.kind = kind;
    if (this.strRows.length === 0) this.firstString = null;
    return out;
  }
}

/** The error for a row with the wrong number of fields. */
export function raggedError(file: string, line: number, expected: number, found: number, header: boolean): CsvError {
  const ref = header ? "as in the header" : "as in the first row";
  return new CsvError(
    file,
    line,
    found > expected ? expected + 1 : undefined,
    `expected ${expected} columns (${ref}) but found ${found}; every row needs the same number of fields (a missing or extra delimiter, or an unquoted field containing the delimiter?)`,
  );
}
