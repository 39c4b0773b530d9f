// The error the command line throws for a wrong command, option or option value (exit code 2).
import { LogregError } from "../errors.js";

/** A command-line usage mistake: an unknown command or option, a missing or invalid value. */
export class UsageError extends LogregError {
  constructor(message: string) {
    super("USAGE", message);
  }
}
