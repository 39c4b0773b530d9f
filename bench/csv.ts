// CSV reading speed: logreg's reader against papaparse on a seeded 200,000 × 64 numeric file.
// Run: npm run bench:csv   (options: --rows N --cols N --runs N)

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { parseCsv } from "../src/index.js";
import { readCsvFile } from "../src/io/node.js";

import { arg, isMain } from "./util.js";

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

function makeCsv(rows: number, cols: number): string {
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

/** One reader's median speed: MB per wall-clock second and per CPU second. */
export interface CsvSpeed {
  name: string;
  wallMBs: number;
  cpuMBs: number;
}

/** Result of csvBench: the file's size, whether the readers agree, and each reader's speed (file, in-memory bytes, papaparse). */
export interface CsvResult {
  rows: number;
  cols: number;
  runs: number;
  mb: number;
  agree: boolean;
  speeds: [CsvSpeed, CsvSpeed, CsvSpeed];
}

/** Wall-clock seconds and CPU seconds (user + system, all threads) of one run. */
async function time(fn: () => unknown | Promise<unknown>): Promise<[number, number]> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1e6];
}

/** Reads a seeded rows × cols numeric CSV with logreg (file and in-memory bytes) and papaparse; `memory` also measures peak RSS in child processes. */
export async function csvBench(opts: { rows?: number; cols?: number; runs?: number; memory?: boolean; log?: (line: string) => void } = {}): Promise<CsvResult> {
  const rows = opts.rows ?? 200_000;
  const cols = opts.cols ?? 64;
  const runs = opts.runs ?? 5;
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "logreg-bench-csv-"));
  try {
    const path = join(dir, "numeric.csv");
    writeFileSync(path, makeCsv(rows, cols));
    const bytes = readFileSync(path);
    const text = bytes.toString("utf8");
    const mb = bytes.length / 1e6;
    log(`file: ${rows} rows × ${cols} columns, ${mb.toFixed(1)} MB, ${runs} runs each (median)`);

    // the readers agree (checked in a function, so that neither result stays on the heap during timing)
    const agree = async (): Promise<boolean> => {
      const ours = await readCsvFile(path);
      const papa = Papa.parse<number[]>(text, { dynamicTyping: true, skipEmptyLines: true });
      if (ours.n !== papa.data.length - 1) return false;
      for (let i = 0; i < ours.n; i += 997) {
        for (let j = 0; j < ours.d; j++) if (ours.X[i * ours.d + j] !== papa.data[i + 1]![j]) return false;
      }
      return true;
    };
    const agreed = await agree();
    log(`same values as papaparse (every 997th row): ${agreed}`);

    // This machine may be shared: the CPU-time figure (MB per CPU-second) is what the reader does
    // when it has a core to itself; the wall-clock figure includes waiting for one.
    log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(", ")} on ${availableParallelism()} cores`);
    const results: [string, number, number][] = [];
    const measure = async (name: string, fn: () => unknown | Promise<unknown>): Promise<void> => {
      await fn(); // warm-up
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let r = 0; r < runs; r++) {
        const [w, c] = await time(fn);
        walls.push(w);
        cpus.push(c);
      }
      const w = median(walls);
      const c = median(cpus);
      results.push([name, mb / w, mb / c]);
      log(`${name.padEnd(44)} wall ${(mb / w).toFixed(1).padStart(7)} MB/s (${(w * 1000).toFixed(0)} ms)   cpu ${(mb / c).toFixed(1).padStart(7)} MB/s (${(c * 1000).toFixed(0)} ms)`);
    };
    await measure("logreg readCsvFile (file, streamed)", () => readCsvFile(path));
    await measure("logreg parseCsv (bytes in memory)", () => parseCsv(bytes));
    await measure("papaparse dynamicTyping (string in memory)", () => Papa.parse(text, { dynamicTyping: true, skipEmptyLines: true }));
    const [file, mem, papa] = results.map(([name, w, c]) => ({ name, wallMBs: w, cpuMBs: c })) as [CsvSpeed, CsvSpeed, CsvSpeed];
    if (opts.memory === true) {
    // memory: each reader in a fresh process, peak resident set size against the size of X
    const nodeFile = join(import.meta.dirname, "..", "src", "io", "node.ts");
    const peak = (body: string): { base: number; peak: number } => {
      const script = `import { readCsvFile, streamCsvFile } from ${JSON.stringify(nodeFile)};
        const base = process.memoryUsage().rss; ${body}
        console.log(JSON.stringify({ base: base / 1e6, peak: process.resourceUsage().maxRSS / 1e3 }));`;
      const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
      return JSON.parse(out.trim().split("\n").pop()!) as { base: number; peak: number };
    };
    const xMb = (rows * (cols - 1) * 8) / 1e6;
    const whole = peak(`const d = await readCsvFile(${JSON.stringify(path)}); if (d.n !== ${rows}) throw new Error("rows");`);
    const streamed = peak(`let n = 0; for await (const c of streamCsvFile(${JSON.stringify(path)}, { chunkRows: 8192 })) n += c.n; if (n !== ${rows}) throw new Error("rows");`);
    log(`peak RSS, readCsvFile: ${whole.peak.toFixed(0)} MB (process at start ${whole.base.toFixed(0)} MB; X itself ${xMb.toFixed(0)} MB; file ${mb.toFixed(0)} MB)`);
    log(`peak RSS, streamCsvFile (8192-row blocks): ${streamed.peak.toFixed(0)} MB (process at start ${streamed.base.toFixed(0)} MB)`);

    }
    log(`ratio logreg / papaparse (same bytes in memory): wall ${(mem.wallMBs / papa.wallMBs).toFixed(2)}×, cpu ${(mem.cpuMBs / papa.cpuMBs).toFixed(2)}×`);
    log(`goal ≥ 150 MB/s reading the file: wall ${file.wallMBs.toFixed(0)} MB/s ${file.wallMBs >= 150 ? "met" : "not met"}; cpu ${file.cpuMBs.toFixed(0)} MB/s ${file.cpuMBs >= 150 ? "met" : "not met"}`);
    return { rows, cols, runs, mb, agree: agreed, speeds: [file, mem, papa] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  await csvBench({ rows: arg("rows", 200_000), cols: arg("cols", 64), runs: arg("runs", 5), memory: true, log: (line) => console.log(line) });
}
