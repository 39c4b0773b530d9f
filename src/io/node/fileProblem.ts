// Words for file-system errors (Node only): what went wrong with a path, and what to do.

/** Describes a failed read of `path` from its Node error (ENOENT, EISDIR, EACCES…). */
export function readProblem(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file; check the path";
    case "EISDIR":
      return "is a directory, not a file; give the path of a file";
    case "EACCES":
    case "EPERM":
      return "permission denied: the file cannot be read; check its permissions";
    case "ENOTDIR":
      return "a part of the path is not a directory; check the path";
    case "ELOOP":
      return "too many symbolic links in the path";
    case "EMFILE":
    case "ENFILE":
      return "too many open files; close some programs and retry";
    default:
      return `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

/** Describes a failed write into directory `dir` from its Node error. */
export function writeProblem(err: unknown, dir: string): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `the directory ${dir} does not exist; create it first or choose another output path`;
    case "ENOTDIR":
      return `${dir} is not a directory; choose another output path`;
    case "EACCES":
    case "EPERM":
      return `permission denied: cannot write in ${dir}; choose a directory you can write to`;
    case "EROFS":
      return `${dir} is on a read-only file system; choose another output path`;
    case "ENOSPC":
      return "no space left on the device; free some space and retry (the previous file, if any, is unchanged)";
    case "EDQUOT":
      return "disk quota exceeded; free some space and retry (the previous file, if any, is unchanged)";
    case "EISDIR":
      return "is a directory; give a file name";
    case "EIO":
      return "input/output error while writing; check the disk (the previous file, if any, is unchanged)";
    default:
      return `cannot be written (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}
