// `npm run bench`: every speed and memory figure of the project measured side by side in one run,
// each a median of several runs, printed as a table of ratios and written to BENCHMARKS.md:
//   the lab loop vs tfjs-cpu · one objective + gradient vs tfjs-wasm, tfjs-cpu and the read floor
//   (1 thread and all threads) · the fit to optimum per solver · CSV ingest vs papaparse ·
//   scikit-learn lbfgs (tol 1e-6) fit-only vs logreg's fit · liblinear-train vs logreg train end to
//   end · peak memory of a 1,000,000 × 64 fit.
// scikit-learn and liblinear-train are used when found on the PATH and skipped otherwise.
// Usage: npm run bench [-- --runs N (fits, end-to-end; default 3) --quick (smaller run counts)]
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { csvBench } from "./csv.js";
import type { CsvResult } from "./csv.js";
import { endToEndBench, endToEndReport } from "./endToEnd.js";
import type { EndToEndResult } from "./endToEnd.js";
import { compiledBuild, sklearnFit } from "./external.js";
import type { SklearnFit } from "./external.js";
import { kernelBench, kernelReport } from "./kernels.js";
import type { KernelBenchResult } from "./kernels.js";
import { EPOCHS, labBench } from "./lab.js";
import type { LabResult } from "./lab.js";
import { memoryBench, memoryReport } from "./memory.js";
import type { MemoryResult } from "./memory.js";
import { fitBench, solverReport } from "./solvers.js";
import type { SolverRow } from "./solvers.js";
import { binaryObjective, makeClassification } from "./synthetic.js";
import { arg } from "./util.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const fitRuns = arg("runs", quick ? 1 : 3);
const started = new Date();
const loadStart = loadavg();
const t0 = performance.now();
const step = (what: string): void => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${what}`);

step("compiling logreg to plain JavaScript (CLI and memory child)");
const built = await compiledBuild();
let lab: LabResult[];
let kernels: KernelBenchResult;
let solvers: SolverRow[];
let sk: SklearnFit | null;
let csv: CsvResult;
let e2e: EndToEndResult;
let mem: MemoryResult;
let skObjective = NaN;
const N = 200_000;
const D = 64;
try {
  step("lab loop vs tfjs-cpu");
  lab = await labBench(quick ? 3 : 9);
  step("objective + gradient vs read floor and TensorFlow.js");
  kernels = await kernelBench({ runs: quick ? 5 : 9, n: N, d: D });
  step("synthetic 200,000 × 64 problem; fits to optimum per solver");
  // X lives in the kernels' memory, as LogisticRegression would store it: no copy in any fit.
  const problem = makeClassification({ n: N, d: D, seed: 42, dtype: "wasm" });
  solvers = await fitBench(problem, ["newton", "lbfgs", "owlqn"], fitRuns);
  step("scikit-learn lbfgs fit-only (if installed)");
  // scikit-learn takes tens of seconds per fit here: two fits (one with --quick).
  sk = sklearnFit(problem.X, problem.y, N, D, { runs: Math.min(fitRuns, 2), tol: 1e-6, maxIter: 10_000 });
  if (sk !== null) skObjective = binaryObjective(problem.X, N, D, problem.y, sk.coef, sk.intercept, 1);
  step("CSV ingest vs papaparse");
  // 100,000 rows (≈ 80 MB) keep papaparse's share of the run to a few parses.
  csv = await csvBench({ rows: 100_000, cols: D, runs: 3 });
  step("liblinear-train vs logreg train, end to end (liblinear if installed)");
  e2e = await endToEndBench(problem, built, fitRuns);
  step("peak memory of a 1,000,000 × 64 fit (child process)");
  mem = memoryBench(built, { n: 1_000_000, d: D });
} finally {
  built.dispose();
}
const loadEnd = loadavg();
step("done");

// ---- the table of ratios ----------------------------------------------------------------------
const k = (key: string) => kernels.rows.find((r) => r.key === key)!;
const fmt = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : "–");
const verdict = (ok: boolean | null): string => (ok === null ? "–" : ok ? "met" : "not met");
const rows: string[][] = [];
const add = (what: string, ours: string, theirs: string, ratio: string, target: string, ok: boolean | null): void => void rows.push([what, ours, theirs, ratio, target, verdict(ok)]);

for (const l of lab) {
  const name = l.variant === "lab" ? "the lab's code line for line" : l.variant === "sigmoid" ? "sigmoid form, h once per step" : "fused loss from logits";
  const ratio = l.ratio;
  if (l.variant === "lab") add(`lab 05-1 loop, ${name} (${EPOCHS} epochs) vs tfjs-cpu`, `${fmt(l.oursMs)} ms`, `${fmt(l.tfjsMs)} ms`, `${fmt(ratio, 1)}× faster`, "≥ 50×", ratio >= 50);
  else add(`lab 05-1 loop, ${name} (${EPOCHS} epochs) vs tfjs-cpu`, `${fmt(l.oursMs)} ms`, `${fmt(l.tfjsMs)} ms`, `${fmt(ratio, 1)}× faster`, "", null);
}
const floor1 = k("floor1");
const floorAll = k("floorAll");
const wasm1 = k("wasm1");
const wasmAll = k("wasmAll");
const tfw = kernels.rows.find((r) => r.key === "tfjsWasm");
const tfc = kernels.rows.find((r) => r.key === "tfjsCpu");
if (tfw !== undefined) {
  add(`objective + gradient (float32 arithmetic, the kernel fits use), ${kernels.threads} threads, vs tfjs-wasm`, `${fmt(wasmAll.ms)} ms`, `${fmt(tfw.ms)} ms`, `${fmt(tfw.ms / wasmAll.ms, 1)}× faster`, "≥ 10×", tfw.ms / wasmAll.ms >= 10);
  add("objective + gradient, 1 thread, vs tfjs-wasm", `${fmt(wasm1.ms)} ms (CPU ${fmt(wasm1.cpuMs)})`, `${fmt(tfw.ms)} ms (CPU ${fmt(tfw.cpuMs)})`, `${fmt(tfw.ms / wasm1.ms, 1)}× (CPU ${fmt(tfw.cpuMs / wasm1.cpuMs, 1)}×)`, "", null);
}
if (tfc !== undefined) add(`objective + gradient, ${kernels.threads} threads, vs tfjs-cpu`, `${fmt(wasmAll.ms)} ms`, `${fmt(tfc.ms)} ms`, `${fmt(tfc.ms / wasmAll.ms, 1)}× faster`, "", null);
add("objective + gradient, 1 thread, vs read floor (1 thread)", `${fmt(wasm1.ms)} ms (CPU ${fmt(wasm1.cpuMs)})`, `${fmt(floor1.ms)} ms (CPU ${fmt(floor1.cpuMs)})`, `${fmt(floor1.ms / wasm1.ms)} of floor speed (CPU ${fmt(floor1.cpuMs / wasm1.cpuMs)})`, "≥ 0.30", floor1.ms / wasm1.ms >= 0.3);
add(`objective + gradient, ${kernels.threads} threads, vs read floor (1 thread)`, `${fmt(wasmAll.ms)} ms`, `${fmt(floor1.ms)} ms`, `${fmt(floor1.ms / wasmAll.ms)} of floor speed`, "≥ 0.50", floor1.ms / wasmAll.ms >= 0.5);
add(`objective + gradient, ${kernels.threads} threads, vs read floor (${kernels.threads} threads)`, `${fmt(wasmAll.ms)} ms`, `${fmt(floorAll.ms)} ms`, `${fmt(floorAll.ms / wasmAll.ms)} of floor speed`, "", null);
const exact1 = kernels.rows.find((r) => r.key === "exact1");
const exactAll = kernels.rows.find((r) => r.key === "exactAll");
if (exact1 !== undefined && exactAll !== undefined && tfw !== undefined) {
  add(`objective + gradient, exact float64 arithmetic (solvers' last iterations), 1 / ${kernels.threads} threads, vs tfjs-wasm`, `${fmt(exact1.ms)} / ${fmt(exactAll.ms)} ms`, `${fmt(tfw.ms)} ms`, `${fmt(tfw.ms / exact1.ms, 1)}× / ${fmt(tfw.ms / exactAll.ms, 1)}× faster`, "", null);
}
for (const s of solvers) {
  add(`fit to optimum, ${s.solver} (200,000 × 64, C = 1, raw features)`, `${fmt(s.wallMs / 1000)} s (CPU ${fmt(s.cpuMs / 1000)}), ${s.nIter} iterations`, "", `gap ${s.gap.toExponential(1)}`, "gap ≤ 1e-8", s.gap <= 1e-8 && s.converged);
}
const best = Math.min(...solvers.map((s) => s.objective));
const fastest = solvers.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const dflt = solvers.find((s) => s.solver === "newton")!;
if (sk !== null) {
  const skGap = (skObjective - best) / best;
  for (const s of [dflt, fastest].filter((s, i, all) => all.indexOf(s) === i)) {
    add(
      `fit vs scikit-learn ${sk.version} lbfgs tol 1e-6 (fit only, same float64 values; ${sk.nIter} iterations, gap ${skGap.toExponential(1)})`,
      `${s.solver}${s === dflt ? " (default)" : ""}: ${fmt(s.wallMs / 1000)} s (CPU ${fmt(s.cpuMs / 1000)})`,
      `${fmt(sk.wallS)} s (CPU ${fmt(sk.cpuS)})`,
      `${fmt((sk.wallS * 1000) / s.wallMs, 1)}× faster (CPU ${fmt((sk.cpuS * 1000) / s.cpuMs, 1)}×)`,
      "≥ 3×",
      (sk.wallS * 1000) / s.wallMs >= 3,
    );
  }
} else {
  add("fit vs scikit-learn lbfgs", "", "no python3 with scikit-learn on the PATH: skipped", "", "≥ 3×", null);
}
const [file, inMem, papa] = csv.speeds;
add(`CSV ingest, ${csv.mb.toFixed(0)} MB numeric file (readCsvFile)`, `${fmt(file.wallMBs, 0)} MB/s (CPU ${fmt(file.cpuMBs, 0)})`, "", "", "≥ 150 MB/s", file.wallMBs >= 150);
add("CSV parse in memory vs papaparse (dynamicTyping)", `${fmt(inMem.wallMBs, 0)} MB/s (CPU ${fmt(inMem.cpuMBs, 0)})`, `${fmt(papa.wallMBs, 0)} MB/s (CPU ${fmt(papa.cpuMBs, 0)})`, `${fmt(inMem.wallMBs / papa.wallMBs, 1)}× faster (CPU ${fmt(inMem.cpuMBs / papa.cpuMBs, 1)}×)`, "", null);
if (e2e.liblinear !== null) {
  const L = e2e.liblinear;
  const O = e2e.logreg;
  add(
    "logreg train (CSV) vs liblinear-train -s 0 -c 1 -B 1 (text), end to end",
    `${fmt(O.wallS)} s (CPU ${fmt(O.cpuS)})`,
    `${fmt(L.wallS)} s (CPU ${fmt(L.cpuS)})`,
    `${fmt(L.wallS / O.wallS, 1)}× faster (CPU ${fmt(L.cpuS / O.cpuS, 1)}×)`,
    "≥ 5×",
    L.wallS / O.wallS >= 5,
  );
} else {
  add("logreg train vs liblinear-train, end to end", `${fmt(e2e.logreg.wallS)} s`, "liblinear-train not on the PATH: skipped", "", "≥ 5×", null);
}
add(`peak RSS, fit on 1,000,000 × 64 (X ${mem.xMB.toFixed(0)} MB float32)`, `${mem.peakMB.toFixed(0)} MB`, "", `${fmt(mem.peakMB / mem.xMB)} × X`, `≤ ${mem.targetMB.toFixed(0)} MB`, mem.peakMB <= mem.targetMB);

const table = ["| measurement | logreg | other | ratio | target | |", "| --- | --- | --- | --- | --- | --- |", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const cpuModel = cpus()[0]?.model ?? "unknown CPU";
const machine =
  `${availableParallelism()} cores (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
  `load average at start ${loadStart.map((v) => v.toFixed(1)).join(" / ")} (1 / 5 / 15 min), at the end ${loadEnd.map((v) => v.toFixed(1)).join(" / ")}`;

const md = `# Benchmarks

Measured by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, one run, every contender
side by side in the same process (or its children), each figure a median of several runs
(interleaved where the contenders share the process).

Machine: ${machine}.
A load average above the core count means other processes were competing for the cores: wall
times then stretch, most for the multi-threaded contenders; CPU times (user + system, all
threads) are given beside them.

To reproduce: \`npm run bench\` (a few minutes; \`npm run bench -- --quick\` for fewer repetitions).
scikit-learn is used if some \`python3\` on the PATH imports it, \`liblinear-train\` if it is on the
PATH; otherwise those rows say "skipped". Each part also runs alone: \`npm run bench:lab\`,
\`bench:kernels\`, \`bench:solvers\`, \`bench:csv\`, \`bench:memory\`.

## Summary

${table}

## Objective + gradient

${kernelReport(kernels)}

## Fit to the optimum (seeded synthetic 200,000 × 64, C = 1, L2, features not standardised)

X is float32 in the kernels' memory; the gap is relative to the lowest objective any solver
reached; each solver stops on its default rule (largest gradient entry ≤ 1e-12 × its value at zero).
${solverReport(solvers)}
${
  sk !== null
    ? `
scikit-learn ${sk.version} \`LogisticRegression(C=1, solver="lbfgs", tol=1e-6, max_iter=10000)\` on the same
values as float64 (its lbfgs works in float64), fit only, timed inside Python: median
${fmt(sk.wallS)} s wall, ${fmt(sk.cpuS)} s CPU, ${sk.nIter} iterations, objective ${skObjective.toPrecision(15)}
(relative gap ${((skObjective - best) / best).toExponential(1)}).
`
    : "\nscikit-learn: no `python3` with scikit-learn on the PATH, skipped.\n"
}
## CSV ingest (${csv.rows.toLocaleString("en-US")} rows × ${csv.cols} columns, ${csv.mb.toFixed(1)} MB; readers agree: ${csv.agree})

| reader | MB/s (wall) | MB/s (CPU) |
| --- | ---: | ---: |
${csv.speeds.map((s) => `| ${s.name} | ${fmt(s.wallMBs, 0)} | ${fmt(s.cpuMBs, 0)} |`).join("\n")}

## End to end: logreg train vs liblinear-train

LIBLINEAR's \`-B 1\` adds a constant feature whose weight is penalised like the others: it minimises
C·Σ loss + ½(‖w‖² + b²), while logreg (like scikit-learn) leaves the intercept unpenalised. Both
objectives are shown at both models; LIBLINEAR also stops at its default tolerance (-e 0.01).

${endToEndReport(e2e)}

## Memory

${memoryReport(mem)}
`;
writeFileSync(join(root, "BENCHMARKS.md"), md);
console.log(`\n${machine}\n\n${table}\n\nwritten to BENCHMARKS.md`);
