// The general CSV tokenizer (RFC 4180) over a JS string: quoted fields with "" escapes,
// embedded delimiters and line breaks, CRLF or LF line ends, `#` comment lines, blank lines.

import { CsvError } from "../errors.js";

/** One record of a CSV text: its cells and the 1-based line where it starts. */
export interface CsvRecord {
  /** Cell texts: unquoted cells trimmed of spaces and tabs, quoted cells exactly as written. */
  cells: string[];
  /** 1-based line number of the record's first line. */
  line: number;
}

/**
 * Splits CSV text into records, skipping comment lines (first character `#`) and blank lines.
 * `firstLine` is the line number of the text's first line (for error messages).
 */
export function* tokenizeCsv(text: string, file: string, delimiter = ",", firstLine = 1): Generator<CsvRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = firstLine;
  while (i < n) {
    // start of a line: comment or blank?
    const c0 = text.charCodeAt(i);
    if (c0 === 35 /* # */) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) return;
      i = nl + 1;
      line++;
      continue;
    }
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j >= n) return;
    const cj = text.charCodeAt(j);
    if (cj === 10 || (cj === 13 && (j + 1 >= n || text.charCodeAt(j + 1) === 10))) {
      i = cj === 13 ? j + 2 : j + 1;
      line++;
      continue;
    }
    // a record
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      // one field starting at i
      let k = i;
      while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      let endOfRecord = false;
      if (k < n && text.charCodeAt(k) === 34 /* " */) {
        const openLine = line;
        let value = "";
        let from = k + 1;
        k = from;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0) {
            throw new CsvError(file, openLine, cells.length + 1, "a quoted field opened here is never closed; add the closing quote (\")");
          }
          for (let t = k; t < q; t++) if (text.charCodeAt(t) === 10) line++;
          if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            k = q + 2;
            from = k;
            continue;
          }
          value += text.slice(from, q);
          k = q + 1;
          break;
        }
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (k < n) {
          const c = text.charCodeAt(k);
          if (c === delim) k++;
          else if (c === 10) {
            k++;
            endOfRecord = true;
          } else if (c === 13 && (k + 1 >= n || text.charCodeAt(k + 1) === 10)) {
            k += 2;
            endOfRecord = true;
          } else {
            throw new CsvError(file, line, cells.length + 1, `unexpected ${JSON.stringify(text[k])} after the closing quote of a quoted field; a quote inside a quoted field must be doubled ("")`);
          }
        } else endOfRecord = true;
        cells.push(value);
      } else {
        let e = k;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === delim || c === 10) break;
          if (c === 13 && (e + 1 >= n || text.charCodeAt(e + 1) === 10)) break;
          if (c === 34) {
            throw new CsvError(file, line, cells.length + 1, "a quote (\") inside an unquoted field; quote the whole field and double the inner quote (\"\")");
          }
          e++;
        }
        let t = e;
        while (t > k && (text.charCodeAt(t - 1) === 32 || text.charCodeAt(t - 1) === 9)) t--;
        cells.push(text.slice(k, t));
        if (e >= n) {
          k = n;
          endOfRecord = true;
        } else {
          const c = text.charCodeAt(e);
          if (c === delim) k = e + 1;
          else {
            k = c === 13 ? e + 2 : e + 1;
            endOfRecord = true;
          }
        }
      }
      i = k;
      if (endOfRecord) {
        yield { cells, line: recordLine };
        line++;
        break;
      }
      if (i >= n) {
        // a delimiter right at the end of the text: one last empty field
        cells.push("");
        yield { cells, line: recordLine };
        return;
      }
    }
  }
}
