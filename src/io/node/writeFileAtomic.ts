// Writes a file atomically (Node only): a temporary file in the same directory, fsync, rename.
// On any failure the temporary file is removed and the previous file (if any) is left intact.

import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { lstat, open, realpath, rename, stat, unlink, type FileHandle } from "node:fs/promises";
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
 * OutputFileError (or the source's own error) after removing the temporary file. A symbolic
 * link is followed (its target is replaced, the link kept); a device or FIFO is written in place.
 */
export async function writeFileAtomic(path: string, content: AtomicContent): Promise<void> {
  if (path === "") throw new OutputFileError(path, "no file name given");
  const target = await followLink(resolve(path));
  const dir = dirname(target);
  await checkTarget(path, target, dir);
  // A device, FIFO or socket (/dev/stdout, /dev/null…) cannot be replaced by a rename (and must
  // never be: that would put a regular file in its place): write into it instead.
  if (await isSpecial(target)) return writeInPlace(path, target, content, dir);
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

/** The file a symbolic link points to (so that the link is kept and its target replaced); other paths as given. */
async function followLink(target: string): Promise<string> {
  try {
    if ((await lstat(target)).isSymbolicLink()) return await realpath(target);
  } catch {
    // missing, or a link into /proc such as /dev/stdout → pipe:[…]: use the path as given
  }
  return target;
}

/** Whether `target` exists and is neither a regular file nor a directory (a device, FIFO or socket). */
async function isSpecial(target: string): Promise<boolean> {
  try {
    const st = await stat(target);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** Writes `content` straight into an existing special file (no temporary file, no rename). */
async function writeInPlace(path: string, target: string, content: AtomicContent, dir: string): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(target, "w");
  } catch (err) {
    throw new OutputFileError(path, writeProblem(err, dir));
  }
  try {
    if (typeof content === "string" || content instanceof Uint8Array) await writeAll(fh, content, path, dir);
    else for await (const piece of content) await writeAll(fh, piece, path, dir);
  } finally {
    await fh.close().catch(() => undefined);
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
