// Checks the delimiter option of the CSV readers.

import { CsvError } from "../errors.js";

/** Returns the delimiter's byte, or throws when it cannot separate CSV fields. */
export function delimiterByte(delimiter: string, file: string): number {
  const dc = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || dc >= 128 || dc === 34 || dc === 10 || dc === 13 || dc === 35 || dc === 32) {
    throw new CsvError(file, undefined, undefined, `the delimiter must be one ASCII character other than a quote, #, a space or a line end (got ${JSON.stringify(delimiter)})`);
  }
  return dc;
}
