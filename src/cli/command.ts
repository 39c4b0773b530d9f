// The shape of one `logreg` sub-command: its argument spec and what it does.
import type { CommandSpec, ParsedArgs } from "./args.js";

/** A sub-command: parsed arguments in, output written, resolves when done (throws on error). */
export interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs): Promise<void>;
}
