// Reads a CSV from a stream of byte chunks, yielding blocks of rows in file order.

import { CsvError } from "../errors.js";
import { CsvByteParser } from "./csvByteParser.js";
import type { CsvChunk, CsvStreamOptions } from "./csvTypes.js";
import { finishTable, float64X } from "./finishTable.js";

/**
 * Parses CSV bytes arriving in chunks (a file, a fetch body…) and yields blocks of `chunkRows`
 * rows in file order, holding only one block (plus one input chunk) in memory at a time.
 */
export async function* parseCsvStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvStreamOptions = {},
): AsyncGenerator<CsvChunk, void, undefined> {
  const chunkRows = options.chunkRows ?? 65536;
  const file = options.fileName ?? "<input>";
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new CsvError(file, undefined, undefined, `chunkRows must be a positive integer (got ${chunkRows})`);
  }
  const parser = new CsvByteParser(options);
  let firstRow = 0;
  const take = (rows: number): CsvChunk => {
    const b = parser.builder!;
    const t = b.take(rows);
    const chunk: CsvChunk = { featureNames: b.cols.featureNames.slice(), targetName: b.cols.targetName, firstRow, n: t.n, d: b.d, X: float64X(t.X), y: t.y };
    firstRow += t.n;
    return chunk;
  };
  for await (const bytes of source) {
    parser.push(bytes);
    while (parser.builder !== null && parser.builder.n >= chunkRows) yield take(chunkRows);
  }
  parser.end();
  if (firstRow === 0) {
    // no block handed out yet: the whole-file checks (empty file, header only) apply
    const data = finishTable(parser.builder, parser.headerLine, file);
    yield { featureNames: data.featureNames, targetName: data.targetName, firstRow: 0, n: data.n, d: data.d, X: float64X(data.X), y: data.y };
    return;
  }
  while (parser.builder!.n > 0) yield take(chunkRows);
}
