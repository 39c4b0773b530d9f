// A tiny reader for the labs' numeric CSV files (no header, `#` comment lines, CRLF or LF):
// enough for the examples; the library's full CSV reader lives in src/io.
import { readFileSync } from "node:fs";

/** The rows of a numeric CSV file as arrays of numbers; throws naming the file, line and column of a bad cell. */
export function readNumericCsv(path: string): number[][] {
  const rows: number[][] = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const row = line.split(",").map((cell, j) => {
        const v = cell.trim() === "" ? NaN : Number(cell);
        if (!Number.isFinite(v)) throw new Error(`${path}, line ${i + 1}, column ${j + 1}: ${JSON.stringify(cell)} is not a number`);
        return v;
      });
      if (rows.length > 0 && row.length !== rows[0]!.length) {
        throw new Error(`${path}, line ${i + 1}: ${row.length} columns, but the first row has ${rows[0]!.length}`);
      }
      rows.push(row);
    });
  return rows;
}
