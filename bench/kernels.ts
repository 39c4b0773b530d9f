// Benchmark: one binary objective + gradient evaluation on 200,000 × 64 float32 (C = 1), side by
// side in one process, each the median of several interleaved runs:
//   read floor   a WebAssembly SIMD sum over the same bytes of X (one thread)
//   ts           the portable TypeScript kernels
//   wasm ×1      the WebAssembly SIMD kernels on one thread
//   wasm ×T      the worker pool on all T threads
//   tfjs-wasm    TensorFlow.js, WASM backend (z = Xw + b, loss, Xᵀr and Σr, read back)
//   tfjs-cpu     the same on TensorFlow.js's pure-JS CPU backend
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
import { createKernelPool, portableKernels, wasmKernels, type BinaryData, type ObjectiveKernels } from "../src/index.js";
import { getRuntime } from "../src/kernels/wasm/runtime.js";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const RUNS = arg("runs", 15);
const N = arg("n", 200_000);
const D = arg("d", 64);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// A seeded problem near a logistic model, so that the residuals are typical of a fit.
const r = rng(42);
const X = new Float32Array(N * D);
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

interface Row {
  name: string;
  run: () => number;
  times: number[];
  cpu: number[];
  value: number;
  backend?: string;
}
const rows: Row[] = [
  { name: "read floor (WASM SIMD sum, 1 thread)", run: () => rt.exports.sumF32(xPtr, N * D), times: [], cpu: [], value: NaN },
  { name: "portable TS loss+grad", run: kernelEval(portableKernels), times: [], cpu: [], value: NaN },
  { name: "WASM SIMD loss+grad, 1 thread", run: kernelEval(wasmKernels), times: [], cpu: [], value: NaN },
  { name: `WASM SIMD loss+grad, pool ×${threads}`, run: kernelEval(pool), times: [], cpu: [], value: NaN },
];
const tfRows: Row[] = [];
for (const backend of ["wasm", "cpu"]) {
  try {
    const s = await tfState(backend);
    tfRows.push({ name: `tfjs-${backend} loss+grad`, run: () => tfEval(s), times: [], cpu: [], value: NaN, backend });
  } catch (e) {
    console.warn(`skipping tfjs-${backend}: ${(e as Error).message}`);
  }
}

function time(row: Row): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  row.value = row.run();
  row.times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  row.cpu.push((c.user + c.system) / 1000);
}

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

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const all = [...rows, ...tfRows];
const floor = median(rows[0]!.times);
const tfWasm = tfRows.find((t) => t.backend === "wasm");
const tfWasmMs = tfWasm !== undefined ? median(tfWasm.times) : NaN;
const ref = rows[2]!.value;

const floorCpu = median(rows[0]!.cpu);
console.log(
  `\nobjective + gradient, ${N.toLocaleString("en-US")} × ${D} float32 (${((N * D * 4) / 1e6).toFixed(1)} MB), median of ${RUNS} runs, ` +
    `${threads} threads available, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log("| contender | median ms | min ms | speed / read floor | × faster than tfjs-wasm | CPU ms | CPU floor / CPU | loss |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of all) {
  const m = median(row.times);
  const isFloor = row === rows[0];
  const loss = isFloor ? "" : row.value.toPrecision(row.backend !== undefined ? 7 : 15);
  console.log(
    `| ${row.name} | ${m.toFixed(2)} | ${Math.min(...row.times).toFixed(2)} | ${(floor / m).toFixed(2)} | ${(tfWasmMs / m).toFixed(1)} | ` +
      `${median(row.cpu).toFixed(2)} | ${(floorCpu / median(row.cpu)).toFixed(2)} | ${loss} |`,
  );
}
const one = median(rows[2]!.times);
const many = median(rows[3]!.times);
console.log(`\ntargets: 1 thread ≥ 0.30 of floor speed: ${(floor / one).toFixed(2)} ${floor / one >= 0.3 ? "ok" : "MISSED"}; ` +
  `all threads ≥ 0.50: ${(floor / many).toFixed(2)} ${floor / many >= 0.5 ? "ok" : "MISSED"}; ` +
  `≥ 10× tfjs-wasm: ${(tfWasmMs / many).toFixed(1)}× ${tfWasmMs / many >= 10 ? "ok" : "MISSED"}`);
const worst = all.slice(1).reduce((acc, row) => Math.max(acc, Math.abs(row.value - ref) / Math.abs(ref)), 0);
console.log(`largest relative loss difference from WASM ×1 (tfjs computes in float32): ${worst.toExponential(2)}`);
