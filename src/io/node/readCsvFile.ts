// Reads a whole CSV file from disk (Node only), streaming it through the fast parser.

import { CsvError } from "../../errors.js";
import { CsvByteParser } from "../csvByteParser.js";
import type { CsvData, CsvReadOptions } from "../csvTypes.js";
import { finishTable, float64Table, type CsvTable } from "../finishTable.js";
import type { Float32Storage } from "../tableBuilder.js";
import { openInput, readChunksAhead } from "./openInput.js";

/** Bytes read from disk at a time. */
const CHUNK_BYTES = 4 << 20;

/**
 * Reads a CSV file into memory as features X (row-major n × d) and labels y. The file is read
 * in 4 MB chunks and X is sized from the file size, so memory is about X itself (8 bytes per
 * value) whatever the file size. Errors (missing file, a directory, bad cells) are CsvError.
 */
export async function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvData> {
  return float64Table((await readCsvTable(path, options, null)).table);
}

/**
 * readCsvFile with X in float32 storage once it holds more than `float32.above` values; also
 * says whether a value was beyond the float32 range (that X is then unusable: read again in float64).
 */
export async function readCsvTable(path: string, options: CsvReadOptions, float32: Float32Storage | null): Promise<{ table: CsvTable; overflow32: boolean }> {
  const file = options.fileName ?? path;
  const fail = (problem: string): CsvError => new CsvError(file, undefined, undefined, problem);
  const { fh, size } = await openInput(path, fail);
  try {
    const parser = new CsvByteParser({ ...options, fileName: file });
    parser.totalBytes = size;
    parser.float32 = float32;
    for await (const chunk of readChunksAhead(fh, CHUNK_BYTES, fail)) parser.push(chunk);
    parser.end();
    const overflow32 = parser.builder !== null && parser.builder.overflow32 && parser.builder.X instanceof Float32Array;
    return { table: finishTable(parser.builder, parser.headerLine, file), overflow32 };
  } finally {
    await fh.close().catch(() => undefined);
  }
}
