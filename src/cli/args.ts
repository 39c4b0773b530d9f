// A small, strict command-line parser: every option is declared with its kind and allowed values.
import { closest } from "./closest.js";
import { UsageError } from "./usageError.js";

/** How an option's value is read. */
export type OptionKind = "flag" | "string" | "number" | "int" | "choice";

/** One `--name [value]` option of a command. */
export interface OptionSpec {
  /** The name without the leading dashes, e.g. "C" or "l1-ratio". */
  name: string;
  kind: OptionKind;
  /** One line for --help. */
  help: string;
  /** Placeholder of the value in --help (default by kind). */
  value?: string;
  /** The allowed values of a "choice" option. */
  choices?: readonly string[];
  /** Inclusive (or exclusive, see below) bounds of a number or int. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Extra wording of the allowed range, used instead of the bounds in messages and help. */
  range?: string;
  /** Default shown in --help. */
  default?: string;
}

/** A positional argument. */
export interface PositionalSpec {
  name: string;
  help: string;
  /** May be left out (only at the end). */
  optional?: boolean;
}

/** A command: its positionals and options. */
export interface CommandSpec {
  name: string;
  summary: string;
  positionals: readonly PositionalSpec[];
  options: readonly OptionSpec[];
  /** Lines printed after the options in --help. */
  notes?: readonly string[];
}

/** Options every command accepts. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: "quiet", kind: "flag", help: "print no progress bar" },
  { name: "debug", kind: "flag", help: "show the stack trace of an error" },
  { name: "help", kind: "flag", help: "print this help" },
];

type Value = string | number | boolean;

/** The parsed command line of one command. */
export class ParsedArgs {
  constructor(
    /** The positional arguments, in order. */
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, Value>,
  ) {}

  /** Whether the option was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** A flag's state (false when absent). */
  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  /** A string or choice option's value, or undefined when absent. */
  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === "string" ? v : undefined;
  }

  /** A number or int option's value, or undefined when absent. */
  number(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === "number" ? v : undefined;
  }

  /** The i-th positional (a required one is present by construction: parseArgs checks the count). */
  positional(i: number): string {
    return this.positionals[i]!;
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The allowed values of an option, in words ("a number > 0", "one of l1, l2"). */
export function describeAllowed(o: OptionSpec): string {
  if (o.kind === "choice") return `one of ${(o.choices ?? []).join(", ")}`;
  if (o.range !== undefined) return o.range;
  if (o.kind === "string" || o.kind === "flag") return `a non-empty value${o.value !== undefined ? ` (${o.value})` : ""}`;
  const what = o.kind === "int" ? "a whole number" : "a number";
  const parts: string[] = [];
  if (o.min !== undefined) parts.push(`${o.minExclusive === true ? ">" : "≥"} ${o.min}`);
  if (o.max !== undefined) parts.push(`${o.maxExclusive === true ? "<" : "≤"} ${o.max}`);
  return parts.length > 0 ? `${what} ${parts.join(" and ")}` : what;
}

function readValue(o: OptionSpec, text: string): Value {
  const bad = (): never => {
    throw new UsageError(`--${o.name} must be ${describeAllowed(o)}, not ${JSON.stringify(text)}`);
  };
  switch (o.kind) {
    case "string":
      if (text === "") bad();
      return text;
    case "choice":
      if (!(o.choices ?? []).includes(text)) {
        const near = closest(text, o.choices ?? []);
        throw new UsageError(
          `--${o.name} must be ${describeAllowed(o)}, not ${JSON.stringify(text)}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
        );
      }
      return text;
    case "number":
    case "int": {
      if (!NUMBER.test(text.trim())) bad();
      const x = Number(text);
      if (!Number.isFinite(x)) bad();
      if (o.kind === "int" && !Number.isSafeInteger(x)) bad();
      if (o.min !== undefined && (o.minExclusive === true ? !(x > o.min) : !(x >= o.min))) bad();
      if (o.max !== undefined && (o.maxExclusive === true ? !(x < o.max) : !(x <= o.max))) bad();
      return x;
    }
    case "flag":
      return true;
  }
}

/**
 * Parses `argv` (the words after the command name) against the command's spec: `--name value`,
 * `--name=value`, flags, `--` ends the options. Throws UsageError for an unknown option (with the
 * closest valid one), a missing or invalid value, a repeated option, or the wrong number of positionals.
 * Returns "help" when --help is given.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs | "help" {
  const options = [...spec.options, ...COMMON_OPTIONS];
  const byName = new Map(options.map((o) => [o.name, o] as const));
  const values = new Map<string, Value>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  if (argv.includes("--help") || argv.includes("-h")) return "help";
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (onlyPositionals || !word.startsWith("-") || word === "-" || NUMBER.test(word)) {
      positionals.push(word);
      continue;
    }
    if (word === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = word.indexOf("=");
    const name = (eq >= 0 ? word.slice(0, eq) : word).replace(/^--?/, "");
    const o = byName.get(name);
    if (o === undefined) {
      const near = closest(name, options.map((x) => x.name));
      throw new UsageError(
        `unknown option ${JSON.stringify(eq >= 0 ? word.slice(0, eq) : word)} for 'logreg ${spec.name}'` +
          (near !== undefined ? `; did you mean --${near}?` : "") +
          ` (run 'logreg ${spec.name} --help' for the list)`,
      );
    }
    if (!word.startsWith("--")) {
      throw new UsageError(`options take two dashes: write --${o.name}, not ${word}`);
    }
    if (values.has(o.name)) throw new UsageError(`--${o.name} is given twice; give it once`);
    if (o.kind === "flag") {
      if (eq >= 0) throw new UsageError(`--${o.name} is a switch and takes no value; drop ${JSON.stringify(word.slice(eq))}`);
      values.set(o.name, true);
      continue;
    }
    let text: string | undefined;
    if (eq >= 0) text = word.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith("--") && next.length > 2)) {
        text = next;
        i++;
      }
    }
    if (text === undefined) throw new UsageError(`--${o.name} needs a value: ${describeAllowed(o)}`);
    values.set(o.name, readValue(o, text));
  }
  const want = spec.positionals;
  const required = want.filter((p) => p.optional !== true).length;
  if (positionals.length < required) {
    const missing = want.slice(positionals.length, required).map((p) => `<${p.name}>`).join(" ");
    throw new UsageError(`'logreg ${spec.name}' needs ${missing}; usage: ${usageLine(spec)}`);
  }
  if (positionals.length > want.length) {
    const extra = positionals.slice(want.length);
    throw new UsageError(
      `'logreg ${spec.name}' takes ${want.length === 0 ? "no" : want.length} file argument${want.length === 1 ? "" : "s"}, got extra ${extra.map((e) => JSON.stringify(e)).join(" ")}; usage: ${usageLine(spec)}`,
    );
  }
  return new ParsedArgs(positionals, values);
}

function valueName(o: OptionSpec): string {
  if (o.value !== undefined) return o.value;
  if (o.kind === "choice") return (o.choices ?? []).join("|");
  if (o.kind === "int") return "N";
  if (o.kind === "number") return "X";
  return "VALUE";
}

/** The one-line synopsis of a command. */
export function usageLine(spec: CommandSpec): string {
  return `logreg ${spec.name}${spec.positionals.map((p) => (p.optional === true ? ` [<${p.name}>]` : ` <${p.name}>`)).join("")} [options]`;
}

/** The --help text of a command. */
export function helpText(spec: CommandSpec): string {
  const rows = [...spec.options, ...COMMON_OPTIONS].map((o) => {
    const left = `  --${o.name}${o.kind === "flag" ? "" : " " + valueName(o)}`;
    const extra: string[] = [];
    if (o.kind === "number" || o.kind === "int") extra.push(describeAllowed(o));
    if (o.default !== undefined) extra.push(`default ${o.default}`);
    return [left, o.help + (extra.length > 0 ? ` (${extra.join("; ")})` : "")] as const;
  });
  const pos = spec.positionals.map((p) => [`  <${p.name}>`, p.help] as const);
  const width = Math.max(...[...rows, ...pos].map(([l]) => l.length)) + 2;
  const fmt = (r: readonly [string, string]): string => r[0].padEnd(width) + r[1];
  const lines = [`usage: ${usageLine(spec)}`, "", spec.summary, ""];
  if (pos.length > 0) lines.push(...pos.map(fmt), "");
  lines.push("options:", ...rows.map(fmt));
  if (spec.notes !== undefined && spec.notes.length > 0) lines.push("", ...spec.notes);
  return lines.join("\n") + "\n";
}
