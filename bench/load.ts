// Load figures (`npm run bench:load`; run `npm run build` first, it uses the built command):
//  1. `logreg predict` streams a 10,000,000-row CSV (generated into a temporary directory): peak RSS
//     of the process, time, and every prediction checked to be in its row's place;
//  2. 1,000 fits in one process: JS heap after GC (and RSS) at fit 100 and at fit 1000, for small
//     float64 problems and for float32 problems on the WebAssembly kernels (whose memory is reported too).
// LOAD_ROWS changes the row count of (1); LOAD_FITS the number of fits of (2).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import v8 from "node:v8";
import vm from "node:vm";
import { LogisticRegression, allocDesignMatrix, closeDefaultKernelPool, parseCsv, releaseDesignMatrix } from "../src/index.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const root = join(import.meta.dirname, "..");
const cli = process.env["LOGREG_CLI"] ?? join(root, "dist", "cli", "main.js");
const rows = Number(process.env["LOAD_ROWS"] ?? 10_000_000);
const fits = Number(process.env["LOAD_FITS"] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), "logreg-load-"));
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** The sign of feature x1 in row i (a hash of i): the label the model must predict there. */
const rowSign = (i: number): number => ((Math.imul(i, 2654435761) >>> 13) & 1 ? 1 : -1);

async function predictBigFile(): Promise<void> {
  const train = ["x1,x2,x3,x4,y", ...Array.from({ length: 2000 }, (_, i) => `${rowSign(i) * (1 + (i % 5))},${(i % 13) / 13},${(i % 7) - 3},${(i % 101) / 50},${rowSign(i) > 0 ? "pos" : "neg"}`)];
  writeFileSync(join(dir, "train.csv"), train.join("\n") + "\n");
  const model = join(dir, "model.json");
  const t = spawnSync(process.execPath, [cli, "train", join(dir, "train.csv"), "--out", model, "--quiet", "--C", "100"], { encoding: "utf8" });
  if (t.status !== 0) throw new Error(`train failed: ${t.stderr}`);

  const big = join(dir, "big.csv");
  const t0 = performance.now();
  const out = createWriteStream(big);
  out.write("x1,x2,x3,x4\n");
  for (let start = 0; start < rows; start += 100_000) {
    let chunk = "";
    for (let i = start; i < Math.min(rows, start + 100_000); i++) chunk += `${rowSign(i) * (1 + (i % 7))},${(i % 1000) / 1000},${(i % 11) - 5},${(i % 997) / 500}\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  const size = statSync(big).size;
  console.log(`generated ${rows.toLocaleString("en")} rows, ${mb(size)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const preload = join(dir, "rss.mjs");
  const rssFile = join(dir, "rss.txt");
  writeFileSync(preload, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const t1 = performance.now();
  const child = spawn(process.execPath, ["--import", preload, cli, "predict", model, big], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  let i = -1;
  let wrong = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if (i >= 0 && line !== (rowSign(i) > 0 ? "pos" : "neg")) wrong++;
    i++;
  }
  const code = await new Promise<number | null>((r) => child.on("close", r));
  const seconds = (performance.now() - t1) / 1000;
  if (code !== 0) throw new Error(`predict failed (${code}): ${stderr}`);
  const peak = Number(readFileSync(rssFile, "utf8")) * 1024;
  console.log(
    `predict: ${i.toLocaleString("en")} predictions for ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rows / seconds).toLocaleString("en")} rows/s, ${mb(size / seconds)}/s); ${wrong} out of place; peak RSS ${mb(peak)} for a ${mb(size)} file`,
  );
  if (i !== rows || wrong !== 0) process.exitCode = 1;
}

function manyFits(): void {
  const iris = parseCsv(readFileSync(join(root, "..", "shared", "data", "iris.csv")));
  const small = Array.from({ length: iris.n }, (_, r) => Array.from(iris.X.subarray(r * iris.d, (r + 1) * iris.d)));
  // n·d > 1e6: float32 X on the WebAssembly kernels (the worker pool), which keep copies in their memory
  const n = 36_000;
  const d = 30;
  const big = new Float64Array(n * d);
  const bigY: number[] = [];
  for (let r = 0; r < n; r++) {
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = Math.sin(r * 0.37 + j * 1.3);
      big[r * d + j] = v;
      z += j < 3 ? v : 0;
    }
    bigY.push(z > 0 ? 1 : 0);
  }
  const wasm = (): number => {
    const probe = allocDesignMatrix(1, 1);
    const bytes = probe.buffer.byteLength;
    releaseDesignMatrix(probe);
    return bytes;
  };
  for (const [name, fit] of [
    ["small float64 fits (iris, multinomial)", (k: number) => new LogisticRegression({ C: 0.5 + (k % 3) }).fit(small, iris.y!)],
    [`float32 fits (${n.toLocaleString("en")} × ${d}, 2 iterations)`, () => new LogisticRegression({ maxIter: 2, onWarning: () => undefined }).fit({ data: big, shape: [n, d] }, bigY)],
  ] as const) {
    const at: Record<number, { heap: number; rss: number; wasm: number }> = {};
    const t0 = performance.now();
    for (let k = 1; k <= fits; k++) {
      fit(k);
      if (k === 100 || k === fits) {
        gc();
        gc();
        const m = process.memoryUsage();
        at[k] = { heap: m.heapUsed, rss: m.rss, wasm: wasm() };
      }
    }
    const a = at[100]!;
    const b = at[fits]!;
    console.log(
      `${fits} ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s; heap after GC ${mb(a.heap)} at fit 100, ${mb(b.heap)} at fit ${fits}; ` +
        `RSS ${mb(a.rss)} → ${mb(b.rss)}; WebAssembly memory ${mb(a.wasm)} → ${mb(b.wasm)}`,
    );
    if (b.heap - a.heap > 4 * 2 ** 20 || b.wasm > a.wasm) process.exitCode = 1;
  }
}

try {
  if (rows > 0) await predictBigFile();
  if (fits >= 100) manyFits();
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeDefaultKernelPool();
}
