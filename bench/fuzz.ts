// The long fuzz run (`npm run fuzz`): the properties of test/robustness/fuzzTargets.ts on
// FUZZ_CASES cases (default 100,000), in a worker thread watched for hangs: if no case finishes
// for HANG_SECONDS (default 30) the run stops and prints the seed to replay it with
// (FUZZ_SEED=… node scripts/test.mjs robustness/fuzz). Prints cases tried, faults rejected with a
// typed error, the time, and the slowest single case.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";

interface Job {
  total: number;
  seed: number;
  progress: SharedArrayBuffer;
}

interface Report {
  name: string;
  cases: number;
  ms: number;
  slowestMs: number;
  failure: string | null;
}

if (isMainThread) {
  const total = Number(process.env["FUZZ_CASES"] ?? 100_000);
  const seed = Number(process.env["FUZZ_SEED"] ?? Date.now() % 2 ** 31);
  const hangMs = Number(process.env["HANG_SECONDS"] ?? 30) * 1000;
  const progress = new SharedArrayBuffer(8);
  const done = new Int32Array(progress);
  // A worker does not inherit tsx under Node 20: register it, then load this file as the worker.
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { total, seed, progress } satisfies Job });
  console.log(`fuzzing ${total.toLocaleString("en")} cases, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_CASES=${total})`);
  const started = performance.now();
  let last = 0;
  let lastChange = performance.now();
  const watchdog = setInterval(() => {
    const now = Atomics.load(done, 0);
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > hangMs) {
      console.error(`HANG: no case finished for ${hangMs / 1000} s after case ${now} (seed ${seed}); stopping`);
      void worker.terminate();
      process.exitCode = 1;
    }
  }, 1000);
  worker.on("message", (m: { reports: Report[]; valid: number; rejected: number }) => {
    clearInterval(watchdog);
    const seconds = (performance.now() - started) / 1000;
    let cases = 0;
    for (const r of m.reports) {
      cases += r.cases;
      console.log(`${r.name.padEnd(36)} ${String(r.cases).padStart(7)} cases  ${(r.ms / 1000).toFixed(1).padStart(6)} s  slowest case ${r.slowestMs.toFixed(1)} ms  ${r.failure === null ? "ok" : "FAILED"}`);
      if (r.failure !== null) {
        console.error(r.failure);
        process.exitCode = 1;
      }
    }
    console.log(
      `total: ${cases.toLocaleString("en")} cases in ${seconds.toFixed(1)} s; ${m.valid.toLocaleString("en")} inputs read as valid, ` +
        `${m.rejected.toLocaleString("en")} faults rejected with a typed error; ${process.exitCode === 1 ? "FAILURES above" : "no crash, no untyped error, no hang"}`,
    );
  });
  worker.on("error", (e) => {
    clearInterval(watchdog);
    console.error(`the fuzz worker crashed: ${e.stack ?? String(e)}`);
    process.exitCode = 1;
  });
  worker.on("exit", () => clearInterval(watchdog));
} else {
  const { total, seed, progress } = workerData as Job;
  const done = new Int32Array(progress);
  const { fuzzProperties, tally } = await import("../test/robustness/fuzzTargets.js");
  const reports: Report[] = [];
  for (const { name, share, property } of fuzzProperties()) {
    const numRuns = Math.round(total * share);
    let caseStart = 0;
    let slowest = 0;
    const hooked = property
      .beforeEach((previous) => {
        caseStart = performance.now();
        previous();
      })
      .afterEach((previous) => {
        previous();
        slowest = Math.max(slowest, performance.now() - caseStart);
        Atomics.add(done, 0, 1);
      });
    const t0 = performance.now();
    const result = await fc.check(hooked as fc.IAsyncPropertyWithHooks<unknown>, { numRuns, seed, endOnFailure: true });
    reports.push({
      name,
      cases: result.numRuns,
      ms: performance.now() - t0,
      slowestMs: slowest,
      failure: result.failed ? fc.defaultReportMessage(result) ?? "failed" : null,
    });
  }
  parentPort!.postMessage({ reports, valid: tally.valid, rejected: tally.rejected });
}
