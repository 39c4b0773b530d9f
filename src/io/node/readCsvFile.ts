// Reads a whole CSV file from disk (Node only), streaming it through the fast parser.

import { CsvError } from "../../errors.js";
import { CsvByteParser } from "../csvByteParser.js";
import type { CsvData, CsvReadOptions } from "../csvTypes.js";
import { finishTable } from "../finishTable.js";
import { openInput, readChunks } from "./openInput.js";

/** Bytes read from disk at a time. */
const CHUNK_BYTES = 4 << 20;

/**
 * Reads a CSV file into memory as features X (row-major n × d) and labels y. The file is read
 * in 4 MB chunks and X is sized from the file size, so memory is about X itself (8 bytes per
 * value) whatever the file size. Errors (missing file, a directory, bad cells) are CsvError.
 */
export async function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvData> {
  const file = options.fileName ?? path;
  const fail = (problem: string): CsvError => new CsvError(file, undefined, undefined, problem);
  const { fh, size } = await openInput(path, fail);
  try {
    const parser = new CsvByteParser({ ...options, fileName: file });
    parser.totalBytes = size;
    for await (const chunk of readChunks(fh, CHUNK_BYTES, fail)) parser.push(chunk);
    parser.end();
    return finishTable(parser.builder, parser.headerLine, file);
  } finally {
    await fh.close().catch(() => undefined);
  }
}
