// CSV reading speed: logreg's reader against papaparse on a seeded 200,000 × 64 numeric file.
// Run: npm run bench:csv   (options: --rows N --cols N --runs N)

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { parseCsv } from "../src/index.js";
import { readCsvFile } from "../src/io/node.js";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const rows = arg("rows", 200_000);
const cols = arg("cols", 64);
const runs = arg("runs", 5);

/** Small seeded generator (mulberry32): the same file on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCsv(): string {
  const rand = rng(42);
  const scales = Array.from({ length: cols - 1 }, (_, j) => 10 ** ((j % 6) - 2));
  const lines: string[] = [Array.from({ length: cols - 1 }, (_, j) => `f${j}`).concat("label").join(",")];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let j = 0; j < cols - 1; j++) cells.push(String(Number(((rand() * 2 - 1) * scales[j]!).toPrecision(9))));
    cells.push(rand() < 0.5 ? "0" : "1");
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const dir = mkdtempSync(join(tmpdir(), "logreg-bench-csv-"));
try {
  const path = join(dir, "numeric.csv");
  writeFileSync(path, makeCsv());
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");
  const mb = bytes.length / 1e6;
  console.log(`file: ${rows} rows × ${cols} columns, ${mb.toFixed(1)} MB, ${runs} runs each (median)`);

  const check = await readCsvFile(path);
  const papaCheck = Papa.parse<number[]>(text, { dynamicTyping: true, skipEmptyLines: true });
  let same = check.n === papaCheck.data.length - 1;
  for (let i = 0; same && i < check.n; i += 997) {
    for (let j = 0; j < check.d; j++) if (check.X[i * check.d + j] !== papaCheck.data[i + 1]![j]) same = false;
  }
  console.log(`same values as papaparse (sampled rows): ${same}`);

  const results: [string, number][] = [];
  const measure = async (name: string, fn: () => unknown | Promise<unknown>): Promise<void> => {
    await fn(); // warm-up
    const ts: number[] = [];
    for (let r = 0; r < runs; r++) ts.push(await time(fn));
    const t = median(ts);
    results.push([name, mb / t]);
    console.log(`${name.padEnd(44)} ${(mb / t).toFixed(1).padStart(7)} MB/s  (${(t * 1000).toFixed(0)} ms)`);
  };
  await measure("logreg readCsvFile (file, streamed)", () => readCsvFile(path));
  await measure("logreg parseCsv (bytes in memory)", () => parseCsv(bytes));
  await measure("papaparse dynamicTyping (string in memory)", () => Papa.parse(text, { dynamicTyping: true, skipEmptyLines: true }));
  const ours = results[1]![1];
  const papa = results[2]![1];
  console.log(`ratio logreg parseCsv / papaparse: ${(ours / papa).toFixed(2)}×; goal ≥ 150 MB/s: ${results[0]![1] >= 150 ? "met" : "NOT met"} (file reader)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
