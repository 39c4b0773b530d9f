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
