// Writes a file atomically (Node only): a temporary file in the same directory, fsync, rename.
// On any failure the temporary file is removed and the previous file (if any) is left intact.

import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { OutputFileError } from "../outputFileError.js";
import { writeProblem } from "./fileProblem.js";

/** Temporary files being written right now (removed by removePendingTempFiles on Ctrl-C). */
const pending = new Set<string>();

/** What writeFileAtomic accepts: the whole content, or pieces produced one after another. */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Removes the temporary files of writes still in progress (synchronously, for a SIGINT or exit
 * handler): an interrupted write then leaves the previous file intact and no debris.
 */
export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Checks that `path` can be an output file: its directory exists and it is not a directory. */
export async function checkOutputPath(path: string): Promise<void> {
  if (path === "") throw new OutputFileError(path, "no file name given");
  const target = resolve(path);
  await checkTarget(path, target, dirname(target));
}

async function checkTarget(path: string, target: string, dir: string): Promise<void> {
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new OutputFileError(path, `${dir} is not a directory; choose another output path`);
  } catch (err) {
    if (err instanceof OutputFileError) throw err;
    throw new OutputFileError(path, writeProblem(err, dir));
  }
  try {
    const st = await stat(target);
    if (st.isDirectory()) throw new OutputFileError(path, "is a directory; give a file name");
  } catch (err) {
    if (err instanceof OutputFileError) throw err;
  }
}

/**
 * Writes `content` to `path` atomically: into a temporary file next to it, flushed to disk,
 * then renamed over `path`. Readers see the old file or the complete new one, never a part.
 * Failures (missing or read-only directory, full disk, a failing content source) throw
 * OutputFileError (or the source's own error) after removing the temporary file.
 */
export async function writeFileAtomic(path: string, content: AtomicContent): Promise<void> {
  if (path === "") throw new OutputFileError(path, "no file name given");
  const target = resolve(path);
  const dir = dirname(target);
  await checkTarget(path, target, dir);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let fh: FileHandle | undefined;
  pending.add(tmp);
  try {
    try {
      fh = await open(tmp, "wx");
    } catch (err) {
      throw new OutputFileError(path, writeProblem(err, dir));
    }
    if (typeof content === "string" || content instanceof Uint8Array) {
      await writeAll(fh, content, path, dir);
    } else {
      for await (const piece of content) await writeAll(fh, piece, path, dir);
    }
    try {
      await fh.sync();
      await fh.close();
      fh = undefined;
      await rename(tmp, target);
    } catch (err) {
      throw new OutputFileError(path, writeProblem(err, dir));
    }
    pending.delete(tmp);
    await syncDirectory(dir);
  } catch (err) {
    if (fh !== undefined) await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    throw err;
  }
}

async function writeAll(fh: FileHandle, piece: string | Uint8Array, path: string, dir: string): Promise<void> {
  try {
    await fh.writeFile(piece);
  } catch (err) {
    throw new OutputFileError(path, writeProblem(err, dir));
  }
}

/** Flushes the directory entry of the rename (best effort: not every platform allows it). */
async function syncDirectory(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    // not supported here (e.g. Windows); the rename itself is still atomic
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
