// Streams CSV rows (predictions) to a file, atomically, or to a stream such as stdout (Node only).

import type { Writable } from "node:stream";
import { formatCsvRow } from "../csvFormat.js";
import { OutputFileError } from "../outputFileError.js";
import { checkOutputPath, writeFileAtomic } from "./writeFileAtomic.js";

/** Rows buffered before a write. */
const FLUSH_CHARS = 1 << 20;

/** A CSV output opened by openCsvWriter. */
export interface CsvWriter {
  /** Appends rows (numbers at full precision, class names quoted when needed). */
  write(rows: readonly (readonly (string | number)[])[]): Promise<void>;
  /** Finishes the output: for a file, flushes and renames it into place. */
  close(): Promise<void>;
  /** Gives up: for a file, removes the temporary file and leaves any previous file intact. */
  abort(): Promise<void>;
}

/** A queue of text pieces consumed by writeFileAtomic as an async iterable. */
class Pipe implements AsyncIterable<string> {
  private items: string[] = [];
  private done = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private space: (() => void) | null = null;

  async put(s: string): Promise<void> {
    this.items.push(s);
    this.wake?.();
    // backpressure: wait until the writer has taken the piece
    while (this.items.length > 2 && !this.done) await new Promise<void>((r) => (this.space = r));
  }

  end(failure: Error | null = null): void {
    this.done = true;
    this.failure = failure;
    this.wake?.();
    this.space?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      if (this.failure) throw this.failure;
      const s = this.items.shift();
      if (s !== undefined) {
        this.space?.();
        yield s;
        continue;
      }
      if (this.done) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}

/**
 * Opens a CSV output with a header row. A path is written atomically: rows go to a temporary
 * file that close() renames into place (abort() or a failure leaves the previous file intact).
 * A stream (e.g. process.stdout) is written directly, respecting backpressure.
 */
export async function openCsvWriter(target: string | Writable, header: readonly string[], delimiter = ","): Promise<CsvWriter> {
  let buffer = formatCsvRow(header, delimiter);
  if (typeof target !== "string") {
    const stream = target;
    const send = async (s: string): Promise<void> => {
      if (!stream.write(s)) await new Promise<void>((r) => stream.once("drain", r));
    };
    return {
      async write(rows) {
        for (const r of rows) buffer += formatCsvRow(r, delimiter);
        if (buffer.length >= FLUSH_CHARS) {
          const s = buffer;
          buffer = "";
          await send(s);
        }
      },
      async close() {
        const s = buffer;
        buffer = "";
        if (s !== "") await send(s);
      },
      async abort() {
        buffer = "";
      },
    };
  }
  await checkOutputPath(target);
  const pipe = new Pipe();
  const done = writeFileAtomic(target, pipe);
  let settled: Error | null = null;
  done.catch((e: unknown) => {
    settled = e instanceof Error ? e : new OutputFileError(target, String(e));
    pipe.end();
  });
  const check = (): void => {
    if (settled) throw settled;
  };
  return {
    async write(rows) {
      check();
      for (const r of rows) buffer += formatCsvRow(r, delimiter);
      if (buffer.length >= FLUSH_CHARS) {
        const s = buffer;
        buffer = "";
        await pipe.put(s);
      }
      check();
    },
    async close() {
      check();
      if (buffer !== "") await pipe.put(buffer);
      buffer = "";
      pipe.end();
      await done;
    },
    async abort() {
      buffer = "";
      pipe.end(new OutputFileError(target, "writing was abandoned; the previous file, if any, is unchanged"));
      await done.catch(() => undefined);
    },
  };
}
