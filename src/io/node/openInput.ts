// Opens a file for reading (Node only), turning every failure into one clear error.

import { open, type FileHandle } from "node:fs/promises";
import { readProblem } from "./fileProblem.js";

/** Opens `path` for reading and returns the handle and its size; `fail` builds the error. */
export async function openInput(path: string, fail: (problem: string) => Error): Promise<{ fh: FileHandle; size: number }> {
  if (path === "") throw fail("no file name given");
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (err) {
    throw fail(readProblem(err));
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return { fh, size: st.isFile() ? st.size : 0 };
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw fail(readProblem(err));
  }
}

/** Reads the whole file through `fh` in chunks of `chunkBytes`, yielding each (the buffer is reused). */
export async function* readChunks(fh: FileHandle, chunkBytes: number, fail: (problem: string) => Error): AsyncGenerator<Uint8Array> {
  const buf = new Uint8Array(chunkBytes);
  for (;;) {
    let bytesRead: number;
    try {
      ({ bytesRead } = await fh.read(buf, 0, buf.length, null));
    } catch (err) {
      throw fail(readProblem(err));
    }
    if (bytesRead === 0) return;
    yield buf.subarray(0, bytesRead);
  }
}

/**
 * readChunks with the next read already in flight while the caller works on the current chunk
 * (two buffers, used in turn: a chunk is valid until the caller asks for the next one).
 */
export async function* readChunksAhead(fh: FileHandle, chunkBytes: number, fail: (problem: string) => Error): AsyncGenerator<Uint8Array> {
  const bufs = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)] as const;
  // a failed read is kept as a value, so that a read left in flight never becomes an unhandled rejection
  const readInto = (buf: Uint8Array): Promise<number | Error> =>
    fh.read(buf, 0, buf.length, null).then(
      (r) => r.bytesRead,
      (err: unknown) => fail(readProblem(err)),
    );
  let k = 0;
  let pending = readInto(bufs[0]);
  for (;;) {
    const got = await pending;
    if (got instanceof Error) throw got;
    if (got === 0) return;
    const current = bufs[k]!;
    k ^= 1;
    pending = readInto(bufs[k]!);
    yield current.subarray(0, got);
  }
}
