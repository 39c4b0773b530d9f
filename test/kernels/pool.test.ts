// The worker pool: the same bits with 1 and 2 threads (and as the one-thread WASM kernels), threads
// really used, clean shutdown, and an idle pool that does not keep the process alive.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createKernelPool, threadedKernels, wasmKernels } from "../../src/index.js";

type BinaryData = Parameters<typeof wasmKernels.binaryLossGrad>[0];
type MultinomialData = Parameters<typeof wasmKernels.multinomialLossGrad>[0];
type Kernels = typeof wasmKernels;

const root = join(import.meta.dirname, "..", "..");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function problem(seed: number, n: number, d: number, K: number): { bin: BinaryData; multi: MultinomialData } {
  const r = rng(seed);
  const X = new Float32Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = r() * 2 - 1;
  const y = new Float64Array(n);
  const yk = new Int32Array(n);
  const rowWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.5 ? 1 : 0;
    yk[i] = Math.floor(r() * K);
    rowWeight[i] = 0.5 + r();
  }
  return { bin: { X, n, d, y, rowWeight }, multi: { X, n, d, K, y: yk, rowWeight } };
}

function vec(seed: number, len: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: len }, () => r() - 0.5);
}

/** Largest lastThreads seen over the kernel calls of the last outputs() on a pool. */
let mostThreads = 0;
const track = (k: Kernels): void => {
  if ("lastThreads" in k) mostThreads = Math.max(mostThreads, (k as { lastThreads: number }).lastThreads);
};

/** Every kernel's outputs for one problem, as a list of arrays to compare bit for bit. */
function outputs(k: Kernels, bin: BinaryData, multi: MultinomialData): Float64Array[] {
  mostThreads = 0;
  const { n, d, K } = multi;
  const w = vec(1, d + 1);
  const grad = new Float64Array(d + 1);
  const hess = new Float64Array(n);
  const loss = k.binaryLossGrad(bin, w, true, grad, hess);
  track(k);
  const hv = new Float64Array(d + 1);
  k.binaryHessVec(bin, hess, true, vec(2, d + 1), hv);
  track(k);
  const z = new Float64Array(n);
  k.binaryDecision(bin.X, n, d, w, true, z);
  track(k);
  const W = vec(3, K * (d + 1));
  const G = new Float64Array(K * (d + 1));
  const prob = new Float64Array(n * K);
  const lm = k.multinomialLossGrad(multi, W, false, G, prob);
  track(k);
  const HV = new Float64Array(K * (d + 1));
  k.multinomialHessVec(multi, prob, false, vec(4, K * (d + 1)), HV);
  track(k);
  const Z = new Float64Array(n * K);
  k.multinomialDecision(multi.X, n, d, K, W, false, Z);
  track(k);
  return [new Float64Array([loss, lm]), grad, hess, hv, z, G, prob, HV, Z];
}

describe("kernel worker pool", () => {
  test("1 and 2 threads give bit-identical results, equal to the one-thread WASM kernels", async () => {
    const one = await createKernelPool({ threads: 1 });
    const two = await createKernelPool({ threads: 2, minWorkPerThread: 0 });
    try {
      assert.equal(await two.ready(), 2);
      // Many blocks, a short last block, d not a multiple of 4.
      const { bin, multi } = problem(7, 24 * 2048 + 3, 13, 3);
      const a = outputs(one, bin, multi);
      assert.equal(mostThreads, 1);
      const b = outputs(two, bin, multi);
      assert.equal(mostThreads, 2, "the worker thread ran blocks");
      const c = outputs(wasmKernels, bin, multi);
      for (let i = 0; i < a.length; i++) {
        assert.deepEqual(b[i], a[i], `output ${i}: 2 threads vs 1`);
        assert.deepEqual(c[i], a[i], `output ${i}: wasmKernels vs pool of 1`);
      }
      // A tiny problem (one block) stays on the caller and is still right.
      const small = problem(8, 9, 2, 2);
      const s1 = outputs(one, small.bin, small.multi);
      const s2 = outputs(two, small.bin, small.multi);
      assert.equal(mostThreads, 1);
      for (let i = 0; i < s1.length; i++) assert.deepEqual(s2[i], s1[i]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  test("the default threaded kernels equal the one-thread kernels bit for bit", () => {
    const { bin, multi } = problem(9, 3 * 2048 + 1, 8, 4);
    const a = outputs(threadedKernels, bin, multi);
    const b = outputs(wasmKernels, bin, multi);
    for (let i = 0; i < a.length; i++) assert.deepEqual(a[i], b[i], `output ${i}`);
  });

  test("a closed pool still computes (on the calling thread)", async () => {
    const pool = await createKernelPool({ threads: 2, minWorkPerThread: 0 });
    await pool.ready();
    await pool.close();
    const { bin, multi } = problem(10, 2 * 2048 + 5, 3, 2);
    const a = outputs(pool, bin, multi);
    assert.equal(mostThreads, 1);
    const b = outputs(wasmKernels, bin, multi);
    for (let i = 0; i < a.length; i++) assert.deepEqual(a[i], b[i]);
  });

  test("bad pool options are refused", async () => {
    await assert.rejects(createKernelPool({ threads: 0 }), /threads = 0/);
    await assert.rejects(createKernelPool({ threads: 1.5 }), /threads = 1.5/);
  });

  test("an idle pool does not keep the process alive", () => {
    const script = [
      `import { createKernelPool } from ${JSON.stringify(join(root, "src", "index.ts"))};`,
      "const pool = await createKernelPool({ threads: 2, minWorkPerThread: 0 });",
      "await pool.ready();",
      "const n = 3 * 2048, d = 4;",
      "const X = new Float32Array(n * d).fill(0.5);",
      "const g = new Float64Array(d + 1);",
      "const loss = pool.binaryLossGrad({ X, n, d, y: new Float64Array(n), rowWeight: new Float64Array(n).fill(1) }, new Float64Array(d + 1), true, g);",
      "console.log(pool.threads, loss.toFixed(6));",
    ].join("\n");
    const res = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60000 });
    assert.equal(res.error, undefined, `the child did not exit by itself: ${String(res.error)}`);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout.trim(), `2 ${(n0() * Math.LN2).toFixed(6)}`);
  });
});

/** Rows of the child's problem (all at z = 0, so each row's loss is ln 2). */
function n0(): number {
  return 3 * 2048;
}
