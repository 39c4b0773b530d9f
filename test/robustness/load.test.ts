// Load, the short versions (the long ones are in bench/load.ts): many fits in one process without
// memory growth (JS heap after GC, and the kernels' WebAssembly memory in a loop of fits that never
// yields to the event loop), and `predict` streaming 1,000,000 rows in order with bounded memory.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import v8 from "node:v8";
import vm from "node:vm";
import { LogisticRegression, allocDesignMatrix, closeDefaultKernelPool, parseCsv, releaseDesignMatrix, wasmSimdAvailable } from "../../src/index.js";
import { cli, corpus, dataDir, logreg, tempDir } from "./helpers.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const tmp = tempDir();
after(async () => {
  tmp.cleanup();
  await closeDefaultKernelPool();
});

/** A hash of the row number: the sign of feature x1 in the generated files. */
export const rowSign = (i: number): number => ((Math.imul(i, 2654435761) >>> 13) & 1 ? 1 : -1);

describe("many fits in one process", () => {
  test("300 fits (binary and multinomial): the heap after GC at fit 300 is what it was at fit 50", () => {
    const rows = (file: string): { X: number[][]; y: (number | string)[] } => {
      const d = parseCsv(readFileSync(file));
      return { X: Array.from({ length: d.n }, (_, i) => Array.from(d.X.subarray(i * d.d, (i + 1) * d.d))), y: d.y! };
    };
    const sets = [rows(join(dataDir, "iris.csv")), rows(join(corpus, "valid", "train.csv"))];
    const heap: number[] = [];
    let checksum = 0;
    for (let k = 1; k <= 300; k++) {
      const { X, y } = sets[k % 2]!;
      const est = new LogisticRegression({ C: 0.5 + (k % 3) }).fit(X, y);
      checksum += est.predictProba([X[0]!])[0]![0]!;
      if (k === 50 || k === 300) {
        gc();
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    assert.ok(Number.isFinite(checksum));
    const growth = heap[1]! - heap[0]!;
    assert.ok(growth < 2e6, `the heap grew by ${(growth / 1e6).toFixed(2)} MB between fit 50 and fit 300`);
  });

  test("fits on float32 X in a loop without an event-loop turn: the WebAssembly memory does not grow", { skip: !wasmSimdAvailable() && "no WebAssembly SIMD" }, () => {
    // n·d above 1e6: X is stored as float32 and the WebAssembly kernels keep copies of y and the row weights
    const n = 36_000;
    const d = 30;
    const data = new Float64Array(n * d);
    const y: string[] = [];
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) {
        const v = Math.sin(i * 0.37 + j * 1.3);
        data[i * d + j] = v;
        z += j < 3 ? v : 0;
      }
      y.push(z > 0.6 ? "b" : z < -0.6 ? "c" : "a");
    }
    const memory = (): number => {
      const probe = allocDesignMatrix(1, 1); // a view of the kernels' memory
      const bytes = probe.buffer.byteLength;
      releaseDesignMatrix(probe);
      return bytes;
    };
    let at5 = 0;
    for (let k = 1; k <= 25; k++) {
      new LogisticRegression({ maxIter: 2, multiClass: k % 2 === 0 ? "multinomial" : "ovr", onWarning: () => undefined }).fit({ data, shape: [n, d] }, y);
      if (k === 5) at5 = memory();
    }
    assert.ok(at5 > 0);
    assert.equal(memory(), at5, `the WebAssembly memory grew from ${at5} to ${memory()} bytes over 20 fits`);
  });
});

describe("predict streams a big file", () => {
  test("1,000,000 rows: every prediction in its row's place, peak memory far below the file's", async () => {
    const model = join(tmp.dir, "sign.json");
    // the label is the sign of x1: a model that predicts it exactly far from x1 = 0
    const train = ["x1,x2,y", ...Array.from({ length: 400 }, (_, i) => `${rowSign(i) * (1 + (i % 5))},${(i % 13) / 13},${rowSign(i) > 0 ? "pos" : "neg"}`)];
    writeFileSync(join(tmp.dir, "sign.csv"), train.join("\n") + "\n");
    const t = logreg(["train", join(tmp.dir, "sign.csv"), "--out", model, "--quiet", "--C", "100"]);
    assert.equal(t.code, 0, t.stderr);
    const big = join(tmp.dir, "big.csv");
    const n = 1_000_000;
    const out = createWriteStream(big);
    out.write("x1,x2\n");
    for (let start = 0; start < n; start += 50_000) {
      let chunk = "";
      for (let i = start; i < start + 50_000; i++) chunk += `${rowSign(i) * (1 + (i % 7))},${(i % 1000) / 1000}\n`;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((r) => out.end(r));
    // the child reports its own peak memory when it exits
    const preload = join(tmp.dir, "rss.mjs");
    const rssFile = join(tmp.dir, "rss.txt");
    writeFileSync(preload, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const child = spawn(process.execPath, ["--import", preload, cli, "predict", model, big], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    let i = -1;
    let wrong = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      if (i === -1) assert.equal(line, "prediction");
      else if (line !== (rowSign(i) > 0 ? "pos" : "neg")) wrong++;
      i++;
    }
    const code = await new Promise<number | null>((r) => child.on("close", r));
    assert.equal(code, 0, stderr);
    assert.equal(i, n, "one prediction per row");
    assert.equal(wrong, 0, `${wrong} predictions out of place`);
    const peakMB = Number(readFileSync(rssFile, "utf8")) / 1024;
    assert.ok(peakMB < 400, `predict peaked at ${peakMB.toFixed(0)} MB on a ${n}-row file`);
  });
});
