// Reads a whole CSV held in memory: bytes take the fast path, a string the general parser.

import { CsvError } from "../errors.js";
import { CsvByteParser } from "./csvByteParser.js";
import { resolveColumns } from "./csvColumns.js";
import { tokenizeCsv } from "./csvTokenizer.js";
import type { CsvData, CsvReadOptions } from "./csvTypes.js";
import { finishTable, float64Table } from "./finishTable.js";
import { delimiterByte } from "./delimiter.js";
import { TableBuilder } from "./tableBuilder.js";

/**
 * Parses a CSV file held in memory into features X (row-major n × d) and labels y. Bytes
 * (UTF-8) take the fast streaming parser; a string takes the general parser (same results).
 */
export function parseCsv(input: string | Uint8Array, options: CsvReadOptions = {}): CsvData {
  const file = options.fileName ?? "<input>";
  if (typeof input !== "string") {
    const parser = new CsvByteParser(options);
    parser.totalBytes = input.length;
    parser.push(input);
    parser.end();
    return float64Table(finishTable(parser.builder, parser.headerLine, file));
  }
  delimiterByte(options.delimiter ?? ",", file);
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (text.charCodeAt(i) === 10) line++;
    throw new CsvError(file, line, undefined, "a NUL byte: this looks like a binary file, not CSV text; give a UTF-8 CSV file");
  }
  const header = options.header ?? true;
  let builder: TableBuilder | null = null;
  let headerLine = 0;
  for (const rec of tokenizeCsv(text, file, options.delimiter ?? ",")) {
    if (builder === null) {
      builder = new TableBuilder(file, resolveColumns(header ? rec.cells : null, rec.cells.length, options, file, rec.line, rec.cells));
      if (header) {
        headerLine = rec.line;
        continue;
      }
    }
    builder.addTextRow(rec.cells, rec.line);
  }
  return float64Table(finishTable(builder, headerLine, file));
}
