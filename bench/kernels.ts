// Benchmark: one binary objective + gradient evaluation on 200,000 × 64 float32 (C = 1), side by
// side in one process, each the median of several interleaved runs:
//   read floor ×1   a WebAssembly SIMD sum over the same bytes of X (one thread)
//   read floor ×T   the same sum split across all T threads
//   ts              the portable TypeScript kernels
//   wasm ×1         the WebAssembly SIMD kernels a fit uses for float32 X (the fast, float32-arithmetic
//                   ones: the solvers' iterations far from the optimum) on one thread
//   wasm ×T         the same on the worker pool, all T threads
//   exact ×1, ×T    the float64-arithmetic kernels the solvers finish with, on 1 and T threads
//   tfjs-wasm       TensorFlow.js, WASM backend (z = Xw + b, loss, Xᵀr and Σr, read back)
//   tfjs-cpu        the same on TensorFlow.js's pure-JS CPU backend
// Prints a table with each speed as a fraction of the floor's, and the ratios to tfjs-wasm. The
// machine's load average is printed too: on a busy machine wall times stretch (the CPU-time column,
// process CPU summed over threads, is less sensitive to that for one-thread contenders).
// Usage: npm run bench:kernels [-- --runs N --n ROWS --d COLS]
import { availableParallelism, loadavg } from "node:os";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { allocDesignMatrix, createKernelPool, portableKernels, wasmKernels, type BinaryData, type ObjectiveKernels } from "../src/index.js";
import { getRuntime } from "../src/kernels/wasm/runtime.js";
import { ThreadedSum } from "./floor.js";
import { arg, isMain, median } from "./util.js";

/** One contender of the kernel benchmark and its measurements. */
export interface KernelRow {
  /** Short key: floor1, floorAll, ts, wasm1, wasmAll (fast kernels), exact1, exactAll, tfjsWasm, tfjsCpu. */
  key: string;
  name: string;
  /** Median wall and CPU milliseconds per evaluation, and the fastest wall time. */
  ms: number;
  minMs: number;
  cpuMs: number;
  /** Loss it computed (NaN for the floors). */
  value: number;
}

/** Result of kernelBench. */
export interface KernelBenchResult {
  n: number;
  d: number;
  runs: number;
  threads: number;
  loadBefore: number;
  loadAfter: number;
  rows: KernelRow[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

interface Contender {
  key: string;
  name: string;
  run: () => number;
  times: number[];
  cpu: number[];
  value: number;
  backend?: string;
}

/** Measures one objective + gradient evaluation against the read floor and TensorFlow.js (see file comment). */
export async function kernelBench(opts: { runs?: number; n?: number; d?: number } = {}): Promise<KernelBenchResult> {
  const RUNS = opts.runs ?? 15;
  const N = opts.n ?? 200_000;
  const D = opts.d ?? 64;
  // A seeded problem near a logistic model, so that the residuals are typical of a fit.
  const r = rng(42);
  const X = allocDesignMatrix(N, D);
  for (let i = 0; i < X.length; i++) X[i] = r() * 2 - 1;
  const truth = Float64Array.from({ length: D + 1 }, () => (r() - 0.5) * 0.6);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let z = truth[D]!;
    for (let j = 0; j < D; j++) z += X[i * D + j]! * truth[j]!;
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const rowWeight = new Float64Array(N).fill(1);
  const w = Float64Array.from(truth, (v) => v * 0.9);
  const data: BinaryData = { X, n: N, d: D, y, rowWeight };

  const rt = getRuntime();
  if (rt === null) throw new Error("WebAssembly SIMD is not available: nothing to benchmark");
  const xPtr = rt.pin(X, true);
  const threads = availableParallelism();
  const pool = await createKernelPool({ threads });
  await pool.ready();
  const floorAll = new ThreadedSum(rt, threads);

  // TensorFlow.js: the same evaluation, data resident on each backend.
  const require = createRequire(import.meta.url);
  setWasmPaths(pathToFileURL(dirname(require.resolve("@tensorflow/tfjs-backend-wasm")) + "/").href);
  interface TfState {
    X: tf.Tensor2D;
    y: tf.Tensor2D;
    rw: tf.Tensor2D;
  }
  async function tfState(backend: string): Promise<TfState> {
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to start`);
    await tf.ready();
    return { X: tf.tensor2d(X, [N, D]), y: tf.tensor2d(Float32Array.from(y), [N, 1]), rw: tf.tensor2d(Float32Array.from(rowWeight), [N, 1]) };
  }
  function tfEval(s: TfState): number {
    const out = tf.tidy(() => {
      const wt = tf.tensor2d(Float32Array.from(w.subarray(0, D)), [D, 1]);
      const z = tf.add(tf.matMul(s.X, wt), w[D]!);
      const loss = tf.sum(tf.mul(s.rw, tf.sub(tf.softplus(z), tf.mul(s.y, z))));
      const res = tf.mul(s.rw, tf.sub(tf.sigmoid(z), s.y));
      const g = tf.matMul(s.X, res, true, false);
      return tf.concat([tf.reshape(g, [D]), tf.reshape(tf.sum(res), [1]), tf.reshape(loss, [1])]);
    });
    const v = out.dataSync();
    out.dispose();
    return v[D + 1]!;
  }

  const grad = new Float64Array(D + 1);
  const kernelEval = (k: ObjectiveKernels) => (): number => k.binaryLossGrad(data, w, true, grad);
  const c = (key: string, name: string, run: () => number, backend?: string): Contender => ({ key, name, run, times: [], cpu: [], value: NaN, ...(backend !== undefined ? { backend } : {}) });
  const rows: Contender[] = [
    c("floor1", "read floor (WASM SIMD sum), 1 thread", () => rt.exports.sumF32(xPtr, N * D)),
    c("floorAll", `read floor (WASM SIMD sum), ${threads} threads`, () => floorAll.sum(xPtr, N * D)),
    c("ts", "portable TS loss+grad", kernelEval(portableKernels)),
    c("wasm1", "WASM SIMD loss+grad (fast, as fits use), 1 thread", kernelEval(wasmKernels.fast!)),
    c("wasmAll", `WASM SIMD loss+grad (fast, as fits use), pool ×${threads}`, kernelEval(pool.fast!)),
    c("exact1", "WASM SIMD loss+grad (exact float64), 1 thread", kernelEval(wasmKernels)),
    c("exactAll", `WASM SIMD loss+grad (exact float64), pool ×${threads}`, kernelEval(pool)),
  ];
  const tfRows: Contender[] = [];
  for (const backend of ["wasm", "cpu"]) {
    try {
      const s = await tfState(backend);
      tfRows.push(c(backend === "wasm" ? "tfjsWasm" : "tfjsCpu", `tfjs-${backend} loss+grad`, () => tfEval(s), backend));
    } catch (e) {
      console.warn(`skipping tfjs-${backend}: ${(e as Error).message}`);
    }
  }

  const time = (row: Contender): void => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    row.value = row.run();
    row.times.push(performance.now() - t0);
    const cu = process.cpuUsage(c0);
    row.cpu.push((cu.user + cu.system) / 1000);
  };

  // Warm-up, then interleaved rounds so that every contender sees the same machine load.
  for (const row of rows) time(row);
  for (const row of tfRows) {
    await tf.setBackend(row.backend!);
    time(row);
  }
  for (const row of [...rows, ...tfRows]) {
    row.times.length = 0;
    row.cpu.length = 0;
  }
  const loadBefore = loadavg()[0]!;
  for (let k = 0; k < RUNS; k++) {
    for (const row of rows) time(row);
    for (const row of tfRows) {
      await tf.setBackend(row.backend!);
      // tfjs-cpu is slow: fewer runs suffice for its median.
      if (row.backend === "cpu" && k >= Math.max(3, Math.ceil(RUNS / 3))) continue;
      time(row);
    }
  }
  await pool.close();
  await floorAll.close();
  tf.disposeVariables();

  return {
    n: N,
    d: D,
    runs: RUNS,
    threads,
    loadBefore,
    loadAfter: loadavg()[0]!,
    rows: [...rows, ...tfRows].map((row) => ({
      key: row.key,
      name: row.name,
      ms: median(row.times),
      minMs: Math.min(...row.times),
      cpuMs: median(row.cpu),
      value: row.key.startsWith("floor") ? NaN : row.value,
    })),
  };
}

/** The kernel benchmark's table (markdown) and its target lines. */
export function kernelReport(res: KernelBenchResult): string {
  const get = (key: string): KernelRow | undefined => res.rows.find((r) => r.key === key);
  const floor1 = get("floor1")!;
  const floorAll = get("floorAll")!;
  const tfWasm = get("tfjsWasm");
  const ref = get("exact1")!.value;
  const lines: string[] = [];
  lines.push(
    `objective + gradient, ${res.n.toLocaleString("en-US")} × ${res.d} float32 (${((res.n * res.d * 4) / 1e6).toFixed(1)} MB), median of ${res.runs} interleaved runs, ` +
      `${res.threads} threads, load average ${res.loadBefore.toFixed(1)} → ${res.loadAfter.toFixed(1)}`,
    "",
    "| contender | median ms | min ms | CPU ms | speed / floor ×1 | speed / floor (same threads) | × faster than tfjs-wasm | loss |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const row of res.rows) {
    const sameFloor = row.key.endsWith("All") ? floorAll : floor1;
    const loss = Number.isNaN(row.value) ? "" : row.value.toPrecision(row.key.startsWith("tfjs") ? 7 : 15);
    lines.push(
      `| ${row.name} | ${row.ms.toFixed(2)} | ${row.minMs.toFixed(2)} | ${row.cpuMs.toFixed(2)} | ${(floor1.ms / row.ms).toFixed(2)} | ${(sameFloor.ms / row.ms).toFixed(2)} | ` +
        `${tfWasm !== undefined ? (tfWasm.ms / row.ms).toFixed(1) : "–"} | ${loss} |`,
    );
  }
  const one = get("wasm1")!;
  const many = get("wasmAll")!;
  const worst = res.rows.filter((r) => !Number.isNaN(r.value)).reduce((acc, r) => Math.max(acc, Math.abs(r.value - ref) / Math.abs(ref)), 0);
  lines.push(
    "",
    `targets: 1 thread ≥ 0.30 of the 1-thread floor's speed: ${(floor1.ms / one.ms).toFixed(2)} (CPU time: ${(floor1.cpuMs / one.cpuMs).toFixed(2)}) ${floor1.ms / one.ms >= 0.3 ? "met" : "not met"}; ` +
      `all threads ≥ 0.50 of the 1-thread floor: ${(floor1.ms / many.ms).toFixed(2)} ${floor1.ms / many.ms >= 0.5 ? "met" : "not met"} ` +
      `(of the ${res.threads}-thread floor: ${(floorAll.ms / many.ms).toFixed(2)}); ` +
      `≥ 10× tfjs-wasm: ${tfWasm !== undefined ? `${(tfWasm.ms / many.ms).toFixed(1)}× ${tfWasm.ms / many.ms >= 10 ? "met" : "not met"}` : "tfjs-wasm not run"}`,
    `largest relative loss difference from the exact WASM ×1 (the fast kernels and tfjs compute in float32): ${worst.toExponential(2)}`,
  );
  return lines.join("\n");
}

if (isMain(import.meta.url)) {
  const res = await kernelBench({ runs: arg("runs", 15), n: arg("n", 200_000), d: arg("d", 64) });
  console.log(kernelReport(res));
}
