#!/usr/bin/env node
// The `logreg` command: parses arguments, calls the public API, prints. Exit 0 ok, 2 bad input or usage, 1 internal fault.
import { VERSION } from "../version.js";
import { helpText, parseArgs } from "./args.js";
import { closest } from "./closest.js";
import { COMMANDS } from "./commands.js";
import { exitQuietlyOnClosedPipe } from "./output.js";
import { reportError } from "./report.js";
import { UsageError } from "./usageError.js";

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 4;
  return [
    `logreg ${VERSION}: logistic classification from the command line`,
    "",
    "usage: logreg <command> [arguments] [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    "",
    "options of every command: --help, --quiet (no progress bar), --debug (stack traces)",
    "  --version   print the version",
    "",
    "run 'logreg <command> --help' for a command's arguments and options",
    "",
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      process.stdout.write(usage());
      return 0;
    }
    if (name === "--version" || name === "-v" || name === "version") {
      process.stdout.write(VERSION + "\n");
      return 0;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command === undefined) {
      const names = COMMANDS.map((c) => c.spec.name);
      const near = name.startsWith("-") ? undefined : closest(name, names);
      throw new UsageError(
        `unknown command ${JSON.stringify(name)}${near !== undefined ? `; did you mean '${near}'?` : ""} (the commands are ${names.join(", ")}; run 'logreg --help')`,
      );
    }
    const args = parseArgs(command.spec, rest);
    if (args === "help") {
      process.stdout.write(helpText(command.spec));
      return 0;
    }
    const { run } = await command.load();
    await run(args);
    return 0;
  } catch (e) {
    return reportError(e, debug);
  }
}

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
