// Shared helpers of the io tests.
import assert from "node:assert/strict";
import { join } from "node:path";
import { CsvError, parseCsv, type CsvReadOptions } from "../../src/index.js";

/** Folder of the shared data sets (next to the repository). */
export const DATA = join(import.meta.dirname, "..", "..", "..", "shared", "data");

/** UTF-8 bytes of a string. */
export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Asserts that both parsers (bytes: fast path; string: general path) throw a CsvError at line/column matching `message`. */
export function assertCsvError(input: string | Uint8Array, line: number | undefined, column: number | undefined, message: RegExp, options: CsvReadOptions = {}): void {
  const inputs: (string | Uint8Array)[] = typeof input === "string" ? [input, bytes(input)] : [input];
  for (const inp of inputs) {
    const kind = typeof inp === "string" ? "string" : "bytes";
    assert.throws(
      () => parseCsv(inp, { fileName: "t.csv", ...options }),
      (e: unknown) => {
        assert.ok(e instanceof CsvError, `${kind}: expected CsvError, got ${String(e)}`);
        assert.equal(e.file, "t.csv", `${kind}: file`);
        assert.equal(e.line, line, `${kind}: line in "${e.message}"`);
        assert.equal(e.column, column, `${kind}: column in "${e.message}"`);
        assert.match(e.message, message, `${kind}: message`);
        assert.ok(e.message.startsWith("t.csv"), `${kind}: message names the file`);
        return true;
      },
    );
  }
}
