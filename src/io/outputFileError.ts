// The error for an output file that cannot be written (missing or read-only directory, full disk…).

import { LogregError } from "../errors.js";

/** An output file (model, predictions, picture) that could not be written; the old file is intact. */
export class OutputFileError extends LogregError {
  /** The path that was to be written. */
  readonly file: string;
  constructor(file: string, problem: string) {
    super("OUTPUT_FILE", `${file}: ${problem}`);
    this.file = file;
  }
}
