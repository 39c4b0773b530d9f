// The fuzz properties shared by the unit suite (a few thousand cases) and `npm run fuzz` (≥ 100,000):
// random bytes and mutations of valid CSV and model files (byte flips, truncations, inserted
// delimiters, quotes and newlines, duplicated and dropped lines, numbers replaced by strings, JSON
// leaves replaced by odd values) must give a valid result or a typed LogregError — never another
// exception. The CSV readers are also checked against each other: the fast byte parser, the general
// string parser and the streaming reader (random chunk boundaries) give the same rows or all fail.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  CsvError, LogisticRegression, LogregError, MODEL_FORMAT, MODEL_VERSION, ModelFileError, StandardScaler, ValueError, parseCsv, parseCsvStream,
  parseModelFile, serializeModelFile, validateModelFile, type CsvData, type CsvReadOptions, type EstimatorJSON, type ModelFile,
} from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");
const corpus = join(root, "test", "corpus");
const dataDir = join(root, "..", "shared", "data");
const encoder = new TextEncoder();

// ---------------------------------------------------------------- seeds

/** Valid CSV files to mutate: the corpus' awkward-but-valid files and slices of the shared data sets. */
export function csvSeeds(): Uint8Array[] {
  const seeds = ["train.csv", "bom.csv", "crlf.csv", "quoted.csv", "comments.csv", "no-final-newline.csv", "all-at-once.csv", "string-labels.csv"].map(
    (f) => new Uint8Array(readFileSync(join(corpus, "valid", f))),
  );
  for (const f of ["iris.csv", "zoo.csv", "diabetes.csv"]) {
    const lines = readFileSync(join(dataDir, f), "utf8").split("\n");
    seeds.push(encoder.encode(lines.slice(0, 25).join("\n") + "\n"));
  }
  return seeds;
}

function modelText(X: number[][], y: (number | string)[], featureNames: string[], target: string | null, scale: boolean, multiClass: "auto" | "ovr" = "auto"): string {
  const scaler = scale ? new StandardScaler().fit(X) : null;
  const est = new LogisticRegression({ multiClass }).fit(scaler === null ? X : scaler.transform(X), y);
  const j = est.toJSON();
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    featureNames,
    target,
    scaler: scaler === null ? null : scaler.toJSON(),
    estimator: { ...j, classes: j.classes as number[] | string[], options: { ...j.options } } as EstimatorJSON,
    training: { rows: y.length, trainLogLoss: 0.25, trainAccuracy: 0.875, objectiveHistory: j.history },
  };
  return serializeModelFile(model);
}

/** Valid model files to mutate (binary with a scaler, multinomial and one-vs-rest with string classes, no scaler), with a row of features for each. */
export function modelSeeds(): { text: string; row: number[] }[] {
  const train = parseCsv(readFileSync(join(corpus, "valid", "train.csv")));
  const iris = parseCsv(readFileSync(join(dataDir, "iris.csv")));
  const rows = (d: CsvData): number[][] => Array.from({ length: d.n }, (_, i) => Array.from(d.X.subarray(i * d.d, (i + 1) * d.d)));
  const names = ["setosa", "versicolor", "virginica"];
  const irisY = (iris.y as number[]).map((v) => names[v]!);
  return [
    { text: readFileSync(join(corpus, "model", "valid.json"), "utf8"), row: [0.5, -0.25] },
    { text: modelText(rows(train), train.y!, train.featureNames, null, false), row: [1, 1] },
    { text: modelText(rows(iris), irisY, iris.featureNames, "species", true), row: [5.1, 3.5, 1.4, 0.2] },
    { text: modelText(rows(iris), iris.y!, iris.featureNames, "label", false, "ovr"), row: [6.3, 2.9, 5.6, 1.8] },
  ];
}

// ---------------------------------------------------------------- mutations

/** One edit of a file's bytes. */
export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "bytes"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicateLine" | "dropLine"; line: number }
  | { kind: "swapLines"; a: number; b: number }
  | { kind: "replaceNumber"; which: number; by: string };

const INSERTS = [",", '"', '""', "\n", "\r", "\r\n", "\n\n", "#", "\0", "\t", " ", ";", "\uFEFF", "é", "\u2212", "1e400", "NaN", "-", ".", "e", "{", "}", "[", "]", ":", "\\", "\\u0000", "null"];
const NUMBER_REPLACEMENTS = ["abc", "", " ", "NaN", "nan", "inf", "-Infinity", "1e400", "1e-400", '"x"', "-", "1,5", "0x10", "１", "1.2.3", "--1", "1e", "true", "null", "[]", "{}", "1e308", "-0", "9".repeat(400)];

/** A random edit (positions are taken modulo the file length when applied). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 24 }) }),
  fc.record({ kind: fc.constantFrom("duplicateLine" as const, "dropLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("replaceNumber" as const), which: fc.nat(), by: fc.constantFrom(...NUMBER_REPLACEMENTS) }),
);

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function splitLines(b: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 10) {
      lines.push(b.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < b.length) lines.push(b.subarray(start));
  return lines;
}

/** Applies one edit to a file's bytes. */
export function mutate(b: Uint8Array, m: Mutation): Uint8Array {
  const at = (p: number): number => (b.length === 0 ? 0 : p % (b.length + 1));
  switch (m.kind) {
    case "flip": {
      if (b.length === 0) return b;
      const out = b.slice();
      const i = m.at % b.length;
      out[i] = out[i]! ^ (1 << m.bit);
      return out;
    }
    case "truncate":
      return b.subarray(0, at(m.at));
    case "insert":
      return concatBytes([b.subarray(0, at(m.at)), encoder.encode(m.text), b.subarray(at(m.at))]);
    case "bytes":
      return concatBytes([b.subarray(0, at(m.at)), m.bytes, b.subarray(at(m.at))]);
    case "delete":
      return concatBytes([b.subarray(0, at(m.at)), b.subarray(Math.min(b.length, at(m.at) + m.length))]);
    case "duplicateLine":
    case "dropLine": {
      const lines = splitLines(b);
      if (lines.length === 0) return b;
      const i = m.line % lines.length;
      if (m.kind === "dropLine") lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      return concatBytes(lines);
    }
    case "swapLines": {
      const lines = splitLines(b);
      if (lines.length < 2) return b;
      const i = m.a % lines.length;
      const j = m.b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return concatBytes(lines);
    }
    case "replaceNumber": {
      const text = new TextDecoder().decode(b);
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
      if (numbers.length === 0) return b;
      const hit = numbers[m.which % numbers.length]!;
      return encoder.encode(text.slice(0, hit.index) + m.by + text.slice(hit.index + hit[0].length));
    }
  }
}

// ---------------------------------------------------------------- outcomes

/** Either the value or the error thrown. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

async function attemptAsync<T>(f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Fails (with the input shown) unless the error is one of the typed errors allowed here. */
function typed(o: Outcome<unknown>, allowed: readonly (abstract new (...a: never[]) => Error)[], what: string, input: () => string): void {
  if (o.ok) return;
  if (allowed.some((c) => o.error instanceof c)) return;
  const e = o.error;
  assert.fail(`${what}: an untyped error ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e)}\non input ${input()}`);
}

/** The invariants of a successful read. */
function checkTable(d: CsvData, what: string): void {
  assert.ok(d.n >= 1 && d.d >= 0, `${what}: n ${d.n}, d ${d.d}`);
  assert.equal(d.X.length, d.n * d.d, `${what}: X holds n·d values`);
  for (const v of d.X) assert.ok(Number.isFinite(v), `${what}: a non-finite value ${v} in X`);
  assert.equal(d.featureNames.length, d.d, `${what}: one name per feature`);
  if (d.y !== null) {
    assert.equal(d.y.length, d.n, `${what}: one label per row`);
    const kinds = new Set(d.y.map((v) => typeof v));
    assert.ok(kinds.size === 1, `${what}: labels of one kind`);
    for (const v of d.y) if (typeof v === "number") assert.ok(Number.isFinite(v), `${what}: label ${v}`);
  }
}

function sameTable(a: CsvData, b: CsvData, what: string): void {
  assert.deepEqual([a.n, a.d, a.featureNames, a.targetName], [b.n, b.d, b.featureNames, b.targetName], what);
  for (let i = 0; i < a.X.length; i++) assert.ok(Object.is(a.X[i], b.X[i]), `${what}: X[${i}] ${a.X[i]} vs ${b.X[i]}`);
  assert.deepEqual(a.y, b.y, `${what}: labels`);
}

async function readStreamed(bytes: Uint8Array, cut: number, chunkRows: number, options: CsvReadOptions): Promise<CsvData> {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += cut) pieces.push(bytes.slice(i, i + cut));
  const X: number[] = [];
  const y: (number | string)[] = [];
  let last: { featureNames: string[]; targetName: string | null; d: number; hasY: boolean } | undefined;
  let n = 0;
  for await (const c of parseCsvStream(pieces, { ...options, chunkRows })) {
    assert.equal(c.firstRow, n, "blocks come in file order");
    n += c.n;
    for (const v of c.X) X.push(v);
    if (c.y !== null) for (const v of c.y) y.push(v);
    last = { featureNames: c.featureNames, targetName: c.targetName, d: c.d, hasY: c.y !== null };
  }
  assert.ok(last !== undefined, "a successful stream yields at least one block");
  return { featureNames: last.featureNames, targetName: last.targetName, n, d: last.d, X: Float64Array.from(X), y: last.hasY ? (y as number[] | string[]) : null };
}

const isUtf8 = (b: Uint8Array): boolean => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

const show = (b: Uint8Array): string => JSON.stringify(new TextDecoder().decode(b.subarray(0, 600)));

/** How the cases ended so far: read or loaded fine, or rejected with a typed error (a fault survived). */
export const tally = { valid: 0, rejected: 0 };

/** The ways a reader may be asked to read a file (training, no target, by index, with a model's features). */
const READ_OPTIONS: CsvReadOptions[] = [{}, { target: null }, { target: 0 }, { header: false }, { featureNames: ["x1", "x2"] }, { featureNames: ["x2", "x1"], target: "label" }];

/** Reads `bytes` every way and checks the outcome is a valid table or a CsvError, the same for all readers. */
export async function checkCsvInput(bytes: Uint8Array, optionIndex: number, cut: number, chunkRows: number): Promise<void> {
  const options = { ...READ_OPTIONS[optionIndex % READ_OPTIONS.length]!, fileName: "fuzz.csv" };
  const fast = attempt(() => parseCsv(bytes, options));
  typed(fast, [CsvError], "parseCsv(bytes)", () => show(bytes));
  tally[fast.ok ? "valid" : "rejected"]++;
  if (fast.ok) checkTable(fast.value, "parseCsv(bytes)");
  else assert.match((fast.error as Error).message, /^fuzz\.csv/, "the message names the file");
  const streamed = await attemptAsync(() => readStreamed(bytes, cut, chunkRows, options));
  typed(streamed, [CsvError], "parseCsvStream", () => show(bytes));
  // A stream fixes the label kind with its first block: class names there make later numeric
  // labels class names too, where the whole file (mostly numbers) calls the odd name an error.
  const streamLabelKind = streamed.ok && !fast.ok && /is not a number, but the other labels are numbers/.test((fast.error as Error).message) && chunkRows < 65536;
  if (!streamLabelKind) assert.equal(streamed.ok, fast.ok, `stream and whole-file read disagree on ${show(bytes)}: ${streamed.ok ? "" : String(streamed.error)} / ${fast.ok ? "" : String(fast.error)}`);
  if (fast.ok && streamed.ok) sameTable(streamed.value, fast.value, "stream vs whole file");
  if (isUtf8(bytes)) {
    const text = new TextDecoder().decode(bytes);
    const general = attempt(() => parseCsv(text, options));
    typed(general, [CsvError], "parseCsv(string)", () => show(bytes));
    // Known, harmless differences (both results are allowed; the CLI reads only through the byte
    // parser): a CR that does not end a line, and a BOM after the first byte, which the string
    // parser takes as blank space. Elsewhere both parsers must agree.
    if (/\r(?!\n)|(?<!^)\uFEFF/.test(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes))) return;
    assert.equal(general.ok, fast.ok, `string and byte parsers disagree on ${show(bytes)}: ${general.ok ? "" : String(general.error)} / ${fast.ok ? "" : String(fast.error)}`);
    if (fast.ok && general.ok) sameTable(general.value, fast.value, "string vs bytes");
    if (!fast.ok && !general.ok) {
      const [a, b] = [fast.error as CsvError, general.error as CsvError];
      // the string parser looks for NUL bytes first, and trims a second BOM as blank; otherwise both report the first problem
      if (!/NUL byte/.test(a.message + b.message) && a.line !== undefined && b.line !== undefined) assert.equal(a.line, b.line, `both parsers name the same line: ${a.message} / ${b.message}`);
    }
  }
}

/** Loads a model file text the way the CLI does (parse, rebuild scaler and estimator, predict one row). */
export function checkModelInput(text: string, row: readonly number[]): void {
  const parsed = attempt(() => parseModelFile(text, "fuzz.json"));
  typed(parsed, [ModelFileError], "parseModelFile", () => JSON.stringify(text.slice(0, 600)));
  if (!parsed.ok) {
    tally.rejected++;
    assert.match((parsed.error as Error).message, /^fuzz\.json: /, "the message names the file");
    return;
  }
  const m = parsed.value;
  const rebuilt = attempt(() => ({
    scaler: m.scaler === null ? null : StandardScaler.fromJSON(m.scaler),
    est: LogisticRegression.fromJSON(m.estimator),
  }));
  typed(rebuilt, [LogregError], "fromJSON after a successful parse", () => JSON.stringify(text.slice(0, 600)));
  tally[rebuilt.ok ? "valid" : "rejected"]++;
  if (!rebuilt.ok) return;
  const { scaler, est } = rebuilt.value;
  assert.equal(est.nFeatures, m.featureNames.length);
  if (row.length !== est.nFeatures) return;
  const x = [Array.from(row)];
  const proba = attempt(() => est.predictProba(scaler === null ? x : scaler.transform(x)));
  typed(proba, [ValueError], "predictProba", () => JSON.stringify(text.slice(0, 600)));
  if (!proba.ok) return;
  const p = proba.value[0]!;
  assert.equal(p.length, est.classes.length);
  for (const v of p) assert.ok(v >= 0 && v <= 1, `probability ${v}`);
  assert.ok(Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-9, "probabilities sum to 1");
}

/** Odd JSON values to put in place of a model file's leaves. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, "", "x", [], {}, [[]], [null], "NaN", 1.5),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
  fc.integer(),
);

/** A JSON-level edit of a model file: replace a leaf or a subtree, delete a key, add a key, change an array's length. */
function editJson(value: unknown, path: readonly number[], op: number, replacement: unknown): unknown {
  const copy = structuredClone(value) as unknown;
  // walk down choosing children by path entries (modulo the number of children)
  let parent: unknown = null;
  let key: string | number | null = null;
  let node = copy;
  for (const p of path) {
    if (Array.isArray(node) && node.length > 0) {
      parent = node;
      key = p % node.length;
      node = node[key];
    } else if (typeof node === "object" && node !== null && Object.keys(node).length > 0) {
      const keys = Object.keys(node);
      parent = node;
      key = keys[p % keys.length]!;
      node = (node as Record<string, unknown>)[key];
    } else break;
  }
  if (parent === null || key === null) return replacement;
  const container = parent as Record<string | number, unknown> & unknown[];
  switch (op % 4) {
    case 0:
      container[key] = replacement;
      break;
    case 1:
      if (Array.isArray(parent)) container.splice(key as number, 1);
      else delete container[key];
      break;
    case 2:
      if (Array.isArray(parent)) container.push(structuredClone(node));
      else container[`${String(key)}_extra`] = replacement;
      break;
    default:
      if (Array.isArray(node)) node.length = 0;
      else container[key] = [node];
  }
  return copy;
}

// ---------------------------------------------------------------- properties

/** The fuzz properties, each with its weight in a run (share of the cases). */
export function fuzzProperties(): { name: string; share: number; property: fc.IAsyncPropertyWithHooks<unknown> | fc.IPropertyWithHooks<unknown> }[] {
  const csv = csvSeeds();
  const models = modelSeeds();
  const modelJson = models.map((m) => JSON.parse(m.text) as unknown);
  const knobs = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 97 }), fc.integer({ min: 1, max: 9 }));
  return [
    {
      name: "CSV: random bytes",
      share: 0.15,
      property: fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: fc.constantFrom(..."0123456789,.-e\"\n\r# \tabcNI;\uFEFF"), maxLength: 300 }).map((s) => encoder.encode(s))),
        knobs,
        async (b, [o, cut, rows]) => checkCsvInput(b as Uint8Array, o, cut, rows),
      ) as fc.IAsyncPropertyWithHooks<unknown>,
    },
    {
      name: "CSV: mutated valid files",
      share: 0.45,
      property: fc.asyncProperty(fc.nat({ max: csv.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), knobs, async (s, ms, [o, cut, rows]) => {
        let b = csv[s]!;
        for (const m of ms) b = mutate(b, m);
        await checkCsvInput(b, o, cut, rows);
      }) as fc.IAsyncPropertyWithHooks<unknown>,
    },
    {
      name: "model: mutated file text",
      share: 0.2,
      property: fc.property(fc.nat({ max: models.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (s, ms) => {
        let b: Uint8Array = encoder.encode(models[s]!.text);
        for (const m of ms) b = mutate(b, m);
        const text = new TextDecoder().decode(b);
        checkModelInput(text, models[s]!.row);
      }) as fc.IPropertyWithHooks<unknown>,
    },
    {
      name: "model: JSON edits and random JSON",
      share: 0.2,
      property: fc.property(
        fc.nat({ max: models.length - 1 }),
        fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), oddValue), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (s, edits, randomTop) => {
          let v: unknown = modelJson[s];
          for (const [path, op, value] of edits) v = editJson(v, path, op, value);
          if (randomTop) v = edits[0]![2];
          const o = attempt(() => validateModelFile(v, "fuzz.json"));
          typed(o, [ModelFileError], "validateModelFile", () => JSON.stringify(v).slice(0, 600));
          const text = JSON.stringify(v) ?? "undefined";
          checkModelInput(text, models[s]!.row);
        },
      ) as fc.IPropertyWithHooks<unknown>,
    },
  ];
}
