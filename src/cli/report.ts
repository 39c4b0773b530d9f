// Turns an error into the CLI's one line on stderr and its exit code (2 bad input or usage, 1 internal fault).
import { LogregError } from "../errors.js";

const FS_WORDS: Record<string, string> = {
  ENOENT: "no such file or directory: check the path",
  EISDIR: "is a directory, not a file: give a file path",
  ENOTDIR: "a part of the path is not a directory: check the path",
  EACCES: "permission denied: check the file's permissions",
  EPERM: "operation not permitted: check the file's permissions",
  ENOSPC: "no space left on the device: free some space and run again",
  EROFS: "read-only file system: write somewhere else",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many open files",
  EDQUOT: "disk quota exceeded",
  EIO: "input/output error from the device",
};

function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && (e as NodeJS.ErrnoException).syscall !== undefined;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** Writes `error: …` (and the stack with `debug`) to stderr; returns the exit code. */
export function reportError(e: unknown, debug: boolean): number {
  let code: number;
  let message: string;
  if (e instanceof LogregError) {
    code = 2;
    message = e.message;
  } else if (isErrno(e) && e.code !== undefined && FS_WORDS[e.code] !== undefined) {
    // The file system refused (missing path, a directory, permissions, disk full): bad input or environment, not a fault.
    code = 2;
    message = `${e.path ?? "file"}: ${FS_WORDS[e.code]}`;
  } else {
    code = 1;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    message = `internal fault: ${text}${debug ? "" : " (run again with --debug for the stack trace, and please report it)"}`;
  }
  process.stderr.write(`error: ${oneLine(message)}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) process.stderr.write(e.stack + "\n");
  return code;
}
