// Property tests: the fast byte path and the general parser give the same doubles as Number()
// on random cells; random tables survive a write/read round trip through both parsers and through
// random chunk boundaries; random bytes give a result or a CsvError, nothing else.
// FUZZ_RUNS=100000 makes the runs as long as wanted.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CsvError, formatCsvRow, parseCsv, parseCsvStream, type CsvChunk, type CsvData } from "../../src/index.js";
import { bytes } from "./helpers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const runs = (n: number): number => RUNS ?? n;

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** Decimal cells in every form the grammar allows (the value may overflow; those are filtered). */
const decimalCell: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom("", "-", "+"), digits(0, 22), fc.option(digits(0, 22)), fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "-", "+"), digits(1, 4))))
    .filter(([, i, f]) => i.length + (f ?? "").length > 0)
    .map(([s, i, f, e]) => `${s}${i}${f === null ? "" : `.${f}`}${e === null ? "" : e.join("")}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 21 })).map(([v, p]) => v.toPrecision(p)),
  fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 20 })).map(([v, p]) => v.toFixed(p)),
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 })).map(([v, p]) => v.toExponential(p)),
  fc.tuple(fc.integer({ min: -999999999, max: 999999999 }), fc.integer({ min: 0, max: 12 })).map(([m, k]) => (m / 10 ** k).toFixed(k)),
);

function sameDoubles(a: Float64Array, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

describe("numbers: fast path = general parser = Number(text)", () => {
  test("random decimal cells", () => {
    fc.assert(
      fc.property(fc.array(decimalCell, { minLength: 1, maxLength: 12 }), fc.boolean(), (cells, crlf) => {
        const ok = cells.filter((c) => Number.isFinite(Number(c)));
        fc.pre(ok.length > 0);
        const eol = crlf ? "\r\n" : "\n";
        const text = `${ok.map((_, j) => `c${j}`).join(",")}${eol}${ok.join(",")}${eol}${ok.slice().reverse().join(",")}${eol}`;
        const fast = parseCsv(bytes(text), { target: null });
        const general = parseCsv(text, { target: null });
        const oracle = [...ok, ...ok.slice().reverse()].map(Number);
        sameDoubles(fast.X, oracle, "fast");
        sameDoubles(general.X, oracle, "general");
      }),
      { numRuns: runs(2500) },
    );
  });
  test("cells that overflow are rejected by both parsers", () => {
    for (const c of ["1e309", "-2e308", "1.8e308", `1${"0".repeat(309)}`, `-${"9".repeat(400)}.5`]) {
      for (const inp of [`a,y\n${c},1\n`, bytes(`a,y\n${c},1\n`)]) assert.throws(() => parseCsv(inp), /overflows/);
    }
  });
});

/** A random table: numeric features and a label column of numbers or awkward strings. */
const labelText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom("a,b", 'say "hi"', "two\nlines", "crlf\r\ninside", "#hash", " padded ", "é", "日本", "x"),
).filter((s) => s.trim() !== "" && !s.includes("\0") && !/\r(?!\n)/.test(s) && Number.isNaN(Number(s)) && !/^[\s]*[+-]?(inf|infinity|nan)/i.test(s));

const table = fc.record({
  d: fc.integer({ min: 1, max: 6 }),
  rows: fc.integer({ min: 1, max: 25 }),
  seed: fc.integer(),
  stringLabels: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
  comments: fc.boolean(),
  quoteNumbers: fc.boolean(),
  labels: fc.array(labelText, { minLength: 25, maxLength: 25 }),
  cells: fc.array(decimalCell.filter((c) => Number.isFinite(Number(c))), { minLength: 1, maxLength: 40 }),
});

type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

function render(t: Table): { text: string; X: number[]; y: (number | string)[] } {
  const eol = t.crlf ? "\r\n" : "\n";
  let text = t.bom ? "\uFEFF" : "";
  if (t.comments) text += `# generated, with "quotes", and commas${eol}`;
  text += formatCsvRow([...Array.from({ length: t.d }, (_, j) => `f ${j}`), "label"]).replace("\n", eol);
  const X: number[] = [];
  const y: (number | string)[] = [];
  let k = 0;
  for (let i = 0; i < t.rows; i++) {
    const row: (string | number)[] = [];
    for (let j = 0; j < t.d; j++) {
      const c = t.cells[k++ % t.cells.length]!;
      X.push(Number(c));
      row.push(c);
    }
    const label = t.stringLabels ? t.labels[i]! : Math.abs(i + t.seed) % 3;
    y.push(label);
    let line = formatCsvRow([...row, label]);
    if (t.quoteNumbers) line = line.replace(/^([^,\n"]*)/, '"$1"');
    text += line.slice(0, -1) + eol;
    if (t.comments && i % 7 === 3) text += `#c,"${eol}${eol}`;
  }
  if (!t.finalNewline) text = text.slice(0, -eol.length);
  return { text, X, y };
}

async function collect(chunks: AsyncIterable<CsvChunk>): Promise<CsvData> {
  const X: number[] = [];
  const y: (number | string)[] = [];
  let last: CsvChunk | undefined;
  let expectFirst = 0;
  for await (const c of chunks) {
    assert.equal(c.firstRow, expectFirst, "chunks come in order");
    expectFirst += c.n;
    X.push(...c.X);
    if (c.y) y.push(...c.y);
    last = c;
  }
  assert.ok(last);
  return { featureNames: last.featureNames, targetName: last.targetName, n: expectFirst, d: last.d, X: Float64Array.from(X), y: last.y === null ? null : (y as number[] | string[]) };
}

describe("tables: write, then read with both parsers and in random chunks", () => {
  test("random tables round-trip", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), async (t, cuts, chunkRows) => {
        const { text, X, y } = render(t);
        const fast = parseCsv(bytes(text));
        const general = parseCsv(text);
        for (const [name, r] of [["fast", fast], ["general", general]] as const) {
          assert.equal(r.n, t.rows, name);
          assert.equal(r.d, t.d, name);
          assert.deepEqual(r.featureNames, Array.from({ length: t.d }, (_, j) => `f ${j}`));
          sameDoubles(r.X, X, name);
          assert.deepEqual(r.y, y, name);
        }
        // the same bytes in random pieces
        const all = bytes(text);
        const pieces: Uint8Array[] = [];
        let pos = 0;
        for (let i = 0; pos < all.length; i++) {
          const step = cuts[i % cuts.length]!;
          pieces.push(all.slice(pos, pos + step));
          pos += step;
        }
        const streamed = await collect(parseCsvStream(pieces, { chunkRows }));
        sameDoubles(streamed.X, X, "streamed");
        assert.deepEqual(streamed.y, y);
      }),
      { numRuns: runs(400) },
    );
  });
});

describe("fuzz: a result or a CsvError, never anything else", () => {
  const valid = "a,b,label\n1.5,-2,cat\n3,4e2,\"dog, big\"\n# note\n5,6,cat\n";
  const check = (input: string | Uint8Array): void => {
    for (const options of [{}, { header: false }, { target: null }, { featureNames: ["a", "b"] }]) {
      try {
        const r = parseCsv(input, options);
        assert.equal(r.X.length, r.n * r.d);
        assert.ok(r.n >= 1);
        for (const v of r.X) assert.ok(Number.isFinite(v));
      } catch (e) {
        if (!(e instanceof CsvError)) throw e;
        assert.ok(e.message.length > 0);
      }
    }
  };
  test("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => check(b)),
      { numRuns: runs(1000) },
    );
  });
  test("random strings over CSV's alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.,-+eE\"\n\r #ab\uFEFF\0é"), maxLength: 120 }), (s) => {
        check(s);
        check(bytes(s));
      }),
      { numRuns: runs(1000) },
    );
  });
  test("mutations of a valid file", () => {
    const base = bytes(valid);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "insert", "delete")), { minLength: 1, maxLength: 6 }), (edits) => {
        let b = Array.from(base);
        for (const [p, v, op] of edits) {
          const at = p % (b.length + 1);
          if (op === "set" && at < b.length) b[at] = v;
          else if (op === "insert") b.splice(at, 0, v);
          else b.splice(at, 1);
        }
        const u = Uint8Array.from(b);
        check(u);
        const s = new TextDecoder().decode(u);
        check(s);
      }),
      { numRuns: runs(1000) },
    );
  });
});
