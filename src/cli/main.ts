#!/usr/bin/env node
// The `logreg` command: parses arguments and calls the public API.
import { VERSION } from "../version.js";

const USAGE = `logreg ${VERSION}: logistic classification from the command line

usage: logreg <command> [options]
  --version   print the version
  --help      print this help`;

function main(argv: string[]): number {
  const [cmd] = argv;
  if (cmd === undefined || cmd === "--help" || cmd === "-h" || cmd === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (cmd === "--version" || cmd === "-v") {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  process.stderr.write(`error: unknown command '${cmd}'; run 'logreg --help' for the list\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
