// The fast, streaming CSV reader over UTF-8 bytes. Records are found with native byte searches
// (indexOf of the line feed and of the quote); a record without quotes is parsed in one pass,
// numbers straight from the bytes (decimalBytes.ts) into the growing X. Records with quotes,
// the header and any cell that is not a number go to the general path (csvTokenizer.ts,
// strictNumber.ts). Only the unfinished last record of a chunk is copied, so memory stays
// bounded by X plus one record, whatever the file size.

import { CsvError } from "../errors.js";
import type { CsvReadOptions } from "./csvTypes.js";
import { resolveColumns, TARGET_COLUMN } from "./csvColumns.js";
import { tokenizeCsv } from "./csvTokenizer.js";
import { scanDecimal } from "./decimalBytes.js";
import { raggedError, TableBuilder, type Float32Storage } from "./tableBuilder.js";
import { decodeUtf8, firstInvalidUtf8 } from "./utf8.js";
import { delimiterByte } from "./delimiter.js";

/** 10^0 … 10^15, exact doubles. */
const POW10 = new Float64Array(16);
for (let k = 0, p = 1; k < 16; k++, p *= 10) POW10[k] = p;

/** Longest record (line) accepted, in bytes. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

const LINE_FEED = new Uint8Array([10]);
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_QUOTE = 4;
const COMMENT = 5;

/** Incremental CSV parser: push byte chunks in order, then end(). */
export class CsvByteParser {
  readonly file: string;
  private readonly options: CsvReadOptions;
  private readonly delim: number;
  private readonly header: boolean;
  /** The rows so far; null until the first record has been read. */
  builder: TableBuilder | null = null;
  /** Line of the header (0 without one). */
  headerLine = 0;
  /** Total bytes of the input when known in advance (to size X once). */
  totalBytes = 0;
  /** Float32 storage for X past `above` values (TableBuilder.useFloat32), or null for float64 only. */
  float32: Float32Storage | null = null;
  private line = 1;
  private carry = new Uint8Array(0);
  private carryLen = 0;
  private started = false;
  private bytesIn = 0;
  private reserved = false;
  // state of the scan of the record held in `carry`
  private mode = FIELD_START;
  private fields = 0;
  private newlines = 0;
  private quoteLine = 0;
  private sawQuote = false;

  constructor(options: CsvReadOptions = {}) {
    this.options = options;
    this.file = options.fileName ?? "<input>";
    this.delim = delimiterByte(options.delimiter ?? ",", this.file);
    this.header = options.header ?? true;
  }

  /** Feeds the next bytes of the file (the chunk may be reused by the caller afterwards). */
  push(chunk: Uint8Array): void {
    // a plain Uint8Array view (not a Buffer or other subclass) keeps the hot loops monomorphic
    if (Object.getPrototypeOf(chunk) !== Uint8Array.prototype) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    this.bytesIn += chunk.length;
    if (!this.started) {
      if (this.carryLen + chunk.length < 3) {
        this.append(chunk, 0, chunk.length);
        return;
      }
      if (this.carryLen > 0) {
        const all = new Uint8Array(this.carryLen + chunk.length);
        all.set(this.carry.subarray(0, this.carryLen));
        all.set(chunk, this.carryLen);
        this.carryLen = 0;
        chunk = all;
      }
      chunk = this.skipBom(chunk);
      this.started = true;
    }
    let pos = 0;
    const len = chunk.length;
    if (this.carryLen > 0) {
      const e = this.mode === COMMENT ? chunk.indexOf(10) : this.scan(chunk, 0, len);
      if (e < 0) {
        this.append(chunk, 0, len);
        return;
      }
      this.append(chunk, 0, e);
      this.finishCarry();
      pos = e + 1;
    }
    let nextQuote = -2;
    const delim = this.delim;
    const lastNL = chunk.lastIndexOf(10);
    while (pos < len) {
      if (chunk[pos] === 35) {
        const nl = chunk.indexOf(10, pos);
        if (nl < 0) {
          this.mode = COMMENT;
          this.append(chunk, pos, len);
          break;
        }
        this.comment(chunk, pos, nl);
        this.line++;
        pos = nl + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = chunk.indexOf(34, pos);
      const b = this.builder;
      const c0 = chunk[pos]!;
      if (nextQuote === -1 && pos < lastNL && b !== null && c0 !== 10 && c0 !== 13 && c0 !== 32 && c0 !== 9) {
        // the common case: a complete, quote-free, non-blank line
        const nl = this.fastRecord(b, chunk, pos, this.line, delim);
        if (!this.reserved && b.n >= 64) this.reserveFromSize(this.bytesIn - len + nl + 1);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl >= 0 && (nextQuote === -1 || nextQuote > nl)) {
        this.record(chunk, pos, nl, false);
        this.line++;
        pos = nl + 1;
        continue;
      }
      this.mode = FIELD_START;
      this.fields = 0;
      this.newlines = 0;
      this.sawQuote = false;
      const e = this.scan(chunk, pos, len);
      if (e < 0) {
        this.append(chunk, pos, len);
        break;
      }
      this.record(chunk, pos, e, this.sawQuote);
      this.line += 1 + this.newlines;
      pos = e + 1;
    }
  }

  /** Signals the end of the input: parses the last record when it has no final line end. */
  end(): void {
    if (!this.started) {
      const first = this.carry.subarray(0, this.carryLen);
      this.carryLen = 0;
      this.started = true;
      const rest = this.skipBom(first.slice());
      if (rest.length > 0) {
        this.bytesIn -= rest.length;
        this.push(rest);
      }
    }
    if (this.carryLen === 0) return;
    if (this.mode === QUOTED) {
      throw new CsvError(this.file, this.quoteLine, this.fields + 1, "a quoted field opened here is never closed; add the closing quote (\")");
    }
    this.finishCarry();
  }

  private finishCarry(): void {
    const n = this.carryLen;
    this.append(LINE_FEED, 0, 1); // a sentinel line end after the record (see fastRecord)
    this.carryLen = 0;
    if (this.mode === COMMENT) {
      this.comment(this.carry, 0, n);
      this.line++;
    } else {
      this.record(this.carry, 0, n, this.sawQuote);
      this.line += 1 + this.newlines;
    }
    this.mode = FIELD_START;
    this.fields = 0;
    this.newlines = 0;
    this.sawQuote = false;
    if (this.carry.length > 1 << 20) this.carry = new Uint8Array(0);
  }

  /** Sizes X once for the whole file from the bytes per row seen so far (`used` bytes read). */
  private reserveFromSize(used: number): void {
    this.reserved = true;
    const b = this.builder;
    if (this.totalBytes <= 0 || b === null || used <= 0) return;
    b.reserve(Math.ceil(((b.n * this.totalBytes) / used) * 1.02) + 16);
  }

  private skipBom(chunk: Uint8Array): Uint8Array {
    if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return chunk.subarray(3);
    if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new CsvError(this.file, 1, undefined, "the file is UTF-16 text; save it as UTF-8 (for example \"CSV UTF-8\" in a spreadsheet)");
    }
    return chunk;
  }

  private append(buf: Uint8Array, from: number, to: number): void {
    const add = to - from;
    const need = this.carryLen + add;
    if (need > MAX_RECORD_BYTES) {
      throw new CsvError(this.file, this.line, undefined, `a single line is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB; is this really a CSV file (or is a quote left open)?`);
    }
    if (need > this.carry.length) {
      const c = new Uint8Array(Math.max(need, Math.min(MAX_RECORD_BYTES, this.carry.length * 2), 1024));
      c.set(this.carry.subarray(0, this.carryLen));
      this.carry = c;
    }
    this.carry.set(buf.subarray(from, to), this.carryLen);
    this.carryLen = need;
  }

  /**
   * Runs the quote-aware record scanner over [from, end), continuing the saved state; returns
   * the index of the line feed that ends the record, or -1 when the record goes on.
   */
  private scan(buf: Uint8Array, from: number, end: number): number {
    let mode = this.mode;
    let fields = this.fields;
    const delim = this.delim;
    for (let i = from; i < end; i++) {
      const c = buf[i]!;
      switch (mode) {
        case FIELD_START:
          if (c === 34) {
            mode = QUOTED;
            this.sawQuote = true;
            this.quoteLine = this.line + this.newlines;
          } else if (c === delim) fields++;
          else if (c === 10) {
            this.mode = mode;
            this.fields = fields;
            return i;
          } else if (c !== 32 && c !== 9) mode = UNQUOTED;
          break;
        case UNQUOTED:
          if (c === delim) {
            fields++;
            mode = FIELD_START;
          } else if (c === 10) {
            this.mode = mode;
            this.fields = fields;
            return i;
          } else if (c === 34) {
            throw new CsvError(this.file, this.line + this.newlines, fields + 1, "a quote (\") inside an unquoted field; quote the whole field and double the inner quote (\"\")");
          }
          break;
        case QUOTED:
          if (c === 34) mode = QUOTE_IN_QUOTED;
          else if (c === 10) this.newlines++;
          break;
        case QUOTE_IN_QUOTED:
        case AFTER_QUOTE:
          if (c === 34 && mode === QUOTE_IN_QUOTED) mode = QUOTED;
          else if (c === delim) {
            fields++;
            mode = FIELD_START;
          } else if (c === 10) {
            this.mode = mode;
            this.fields = fields;
            return i;
          } else if (c === 32 || c === 9 || c === 13) mode = AFTER_QUOTE;
          else {
            throw new CsvError(this.file, this.line + this.newlines, fields + 1, `unexpected ${JSON.stringify(String.fromCharCode(c))} after the closing quote of a quoted field; a quote inside a quoted field must be doubled ("")`);
          }
          break;
      }
    }
    this.mode = mode;
    this.fields = fields;
    return -1;
  }

  private comment(buf: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c === 0) throw this.binaryError(this.line, undefined);
      if (c >= 0x80) {
        if (firstInvalidUtf8(buf, i, end) >= 0) throw this.utf8Error(this.line, undefined);
        break;
      }
    }
  }

  private binaryError(line: number, col: number | undefined): CsvError {
    return new CsvError(this.file, line, col, "a NUL byte: this looks like a binary file, not CSV text; give a UTF-8 CSV file");
  }

  private utf8Error(line: number, col: number | undefined): CsvError {
    return new CsvError(this.file, line, col, "invalid UTF-8 bytes: the file is not UTF-8 text; save it as UTF-8 (for example \"CSV UTF-8\" in a spreadsheet)");
  }

  /** A complete record [start, end) (end = its line feed or the end of input): the general path. */
  private record(buf: Uint8Array, start: number, end: number, quoted: boolean): void {
    if (end > start && buf[end - 1] === 13) end--;
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c !== 32 && c !== 9) {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const b = this.builder;
    if (b !== null && !quoted) {
      this.fastRecord(b, buf, start, this.line, this.delim);
      return;
    }
    const text = decodeUtf8(buf, start, end);
    if (text === null) {
      const bad = firstInvalidUtf8(buf, start, end);
      let line = this.line;
      for (let i = start; i < bad; i++) if (buf[i] === 10) line++;
      throw this.utf8Error(line, undefined);
    }
    if (text.includes("\0")) {
      const at = text.indexOf("\0");
      throw this.binaryError(this.line + countNewlines(text, at), undefined);
    }
    const records = tokenizeCsv(text, this.file, this.options.delimiter ?? ",", this.line);
    for (const rec of records) {
      if (this.builder === null) this.firstRecord(rec.cells, rec.line);
      else this.builder.addTextRow(rec.cells, rec.line);
    }
  }

  private firstRecord(cells: string[], line: number): void {
    const cols = resolveColumns(this.header ? cells : null, cells.length, this.options, this.file, line, cells);
    this.builder = new TableBuilder(this.file, cols);
    if (this.float32 !== null) this.builder.useFloat32(this.float32);
    if (this.header) this.headerLine = line;
    else this.builder.addTextRow(cells, line);
  }

  /**
   * Parses a record without quotes that starts at `start` and ends at the next line feed (which
   * must exist: a chunk's complete records, or the carry with its sentinel); returns the index
   * of that line feed. The common cell (optional minus, at most 15 digits with an optional
   * point) is read inline: its digits form an exact integer m (< 10^15 < 2^53, so every partial
   * sum is exact whatever the grouping) and the value is m or m / 10^k,
   * one correctly rounded division, i.e. Number(text). Every other cell goes to scanDecimal,
   * and what is not a number there to the general path (textCell).
   */
  private fastRecord(b: TableBuilder, buf: Uint8Array, start: number, line: number, delim: number): number {
    const ncols = b.cols.ncols;
    const dest = b.cols.colDest;
    const base = b.beginRow();
    const X = b.X;
    let pos = start;
    let col = 0;
    let nl: number;
    for (;;) {
      let i = pos;
      let c = buf[i]!;
      const neg = c === 45;
      if (neg) c = buf[++i]!;
      // digits two at a time (m·100 + two-digit number halves the multiply-add chain); a digit
      // is always followed by another byte of the record (at worst its line feed)
      let m = 0;
      const intStart = i;
      for (;;) {
        const d1 = c - 48;
        if (d1 < 0 || d1 > 9) break;
        const d2 = buf[i + 1]! - 48;
        if (d2 < 0 || d2 > 9) {
          m = m * 10 + d1;
          c = buf[++i]!;
          break;
        }
        m = m * 100 + (d1 * 10 + d2);
        i += 2;
        c = buf[i]!;
      }
      let digits = i - intStart;
      let fracDigits = 0;
      if (c === 46) {
        const fracStart = ++i;
        c = buf[i]!;
        for (;;) {
          const d1 = c - 48;
          if (d1 < 0 || d1 > 9) break;
          const d2 = buf[i + 1]! - 48;
          if (d2 < 0 || d2 > 9) {
            m = m * 10 + d1;
            c = buf[++i]!;
            break;
          }
          m = m * 100 + (d1 * 10 + d2);
          i += 2;
          c = buf[i]!;
        }
        fracDigits = i - fracStart;
        digits += fracDigits;
      }
      if (col === ncols) this.tooManyFields(b, buf, pos, line);
      if ((c === delim || c === 10 || (c === 13 && buf[i + 1] === 10)) && digits !== 0 && digits <= 15) {
        let v = fracDigits === 0 ? m : m / POW10[fracDigits]!;
        if (neg) v = -v;
        const dst = dest[col]!;
        if (dst >= 0) X[base + dst] = v;
        else if (canonicalLabel(buf, pos, i, intStart, digits - fracDigits, fracDigits, v)) b.targetNumber(v, line, col);
        else b.targetNumberText(v, latin1(buf, pos, i), line, col);
      } else {
        // any other cell: find its end, then the careful number parser or the general path
        i = pos;
        c = buf[i]!;
        while (c !== delim && c !== 10) c = buf[++i]!;
        const cellEnd = c === 10 && i > pos && buf[i - 1] === 13 ? i - 1 : i;
        const v = scanDecimal(buf, pos, cellEnd);
        const dst = dest[col]!;
        if (v !== v) this.textCell(b, buf, pos, cellEnd, base, col, line);
        else if (dst >= 0) {
          X[base + dst] = v;
          b.noteValue(v);
        } else {
          const text = latin1(buf, pos, cellEnd); // a number here is ASCII
          if (String(v) === text) b.targetNumber(v, line, col);
          else b.targetNumberText(v, text, line, col);
        }
      }
      col++;
      if (c !== delim) {
        nl = c === 10 ? i : i + 1;
        break;
      }
      pos = i + 1;
    }
    if (col < ncols) throw raggedError(this.file, line, ncols, col, b.cols.header !== null);
    b.endRow();
    return nl;
  }

  private tooManyFields(b: TableBuilder, buf: Uint8Array, pos: number, line: number): never {
    let found = b.cols.ncols + 1;
    for (let i = pos; buf[i] !== 10 && i < buf.length; i++) if (buf[i] === this.delim) found++;
    throw raggedError(this.file, line, b.cols.ncols, found, b.cols.header !== null);
  }

  private textCell(b: TableBuilder, buf: Uint8Array, start: number, end: number, base: number, col: number, line: number): void {
    for (let i = start; i < end; i++) if (buf[i] === 0) throw this.binaryError(line, col + 1);
    const raw = decodeUtf8(buf, start, end);
    if (raw === null) throw this.utf8Error(line, col + 1);
    const text = raw.replace(/^[ \t]+|[ \t]+$/g, "");
    if (b.cols.colDest[col] === TARGET_COLUMN) b.targetText(text, line, col);
    else b.featureText(text, base, col, line);
  }
}

function countNewlines(text: string, end: number): number {
  let k = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) k++;
  return k;
}

/** ASCII bytes [start, end) as a string. */
function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/**
 * Whether a label read by the inline path ([-]digits[.digits] in [start, end)) is written as
 * String(v): no leading zero ("01"), no bare or trailing point or trailing fraction zero ("1.",
 * ".5", "1.50"), no "-0". Otherwise its text is kept in case the labels are class names.
 */
function canonicalLabel(buf: Uint8Array, start: number, end: number, intStart: number, intDigits: number, fracDigits: number, v: number): boolean {
  if (intDigits === 0 || (intDigits > 1 && buf[intStart] === 48)) return false;
  if (intStart + intDigits !== end && (fracDigits === 0 || buf[end - 1] === 48)) return false;
  return !(v === 0 && buf[start] === 45);
}
