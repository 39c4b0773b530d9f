// Streams a CSV file from disk in blocks of rows (Node only), in constant memory.

import { CsvError } from "../../errors.js";
import type { CsvChunk, CsvStreamOptions } from "../csvTypes.js";
import { parseCsvStream } from "../parseCsvStream.js";
import { openInput, readChunks } from "./openInput.js";

/**
 * Reads a CSV file as blocks of `chunkRows` rows (default 65536), in file order, holding one
 * block at a time: for predicting on files larger than memory.
 */
export async function* streamCsvFile(path: string, options: CsvStreamOptions = {}): AsyncGenerator<CsvChunk, void, undefined> {
  const file = options.fileName ?? path;
  const fail = (problem: string): CsvError => new CsvError(file, undefined, undefined, problem);
  const { fh } = await openInput(path, fail);
  try {
    yield* parseCsvStream(readChunks(fh, 1 << 20, fail), { ...options, fileName: file });
  } finally {
    await fh.close().catch(() => undefined);
  }
}
