// Peak memory of a fit on 1,000,000 × 64 (float32 X: 256 MB), in a fresh process running logreg
// compiled to plain JavaScript: X is generated directly into allocDesignMatrix storage (the
// kernels' WebAssembly memory) and passed as { data, shape }, so the fit uses it without a copy.
// Reports the child's peak resident set (process.resourceUsage().maxRSS) against the target
// 1.3 × size of X + 100 MB. Usage: npm run bench:memory [-- --n 1000000 --d 64]
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { compiledBuild } from "./external.js";
import type { CompiledBuild } from "./external.js";
import { arg, isMain } from "./util.js";

/** Peak memory of one fit (MB = 1e6 bytes). */
export interface MemoryResult {
  n: number;
  d: number;
  solver: string;
  /** Size of X as float32. */
  xMB: number;
  /** Resident set of the child before X was made. */
  baseMB: number;
  /** Peak resident set of the child. */
  peakMB: number;
  /** 1.3 × xMB + 100. */
  targetMB: number;
  fitS: number;
  converged: boolean;
}

/** Fits a seeded n × d problem in a child process and reports its peak resident set. */
export function memoryBench(built: CompiledBuild, opts: { n?: number; d?: number; solver?: string } = {}): MemoryResult {
  const n = opts.n ?? 1_000_000;
  const d = opts.d ?? 64;
  const solver = opts.solver ?? "auto";
  const script = `
    import { LogisticRegression } from ${JSON.stringify(pathToFileURL(built.index).href)};
    import { makeClassification } from ${JSON.stringify(pathToFileURL(built.synthetic).href)};
    const base = process.memoryUsage().rss;
    const p = makeClassification({ n: ${n}, d: ${d}, seed: 42, dtype: "wasm" });
    const t = performance.now();
    const m = new LogisticRegression({ C: 1, solver: ${JSON.stringify(solver)}, onWarning: () => {} }).fit({ data: p.X, shape: [${n}, ${d}] }, p.y);
    const fitS = (performance.now() - t) / 1000;
    console.log(JSON.stringify({ base: base / 1e6, peak: process.resourceUsage().maxRSS / 1e3, fitS, converged: m.converged }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  const r = JSON.parse(out.trim().split("\n").pop()!) as { base: number; peak: number; fitS: number; converged: boolean };
  const xMB = (n * d * 4) / 1e6;
  return { n, d, solver, xMB, baseMB: r.base, peakMB: r.peak, targetMB: 1.3 * xMB + 100, fitS: r.fitS, converged: r.converged };
}

/** One line on the memory result. */
export function memoryReport(m: MemoryResult): string {
  return (
    `peak RSS of a fit on ${m.n.toLocaleString("en-US")} × ${m.d} (float32 X ${m.xMB.toFixed(0)} MB, solver ${m.solver}, fit ${m.fitS.toFixed(1)} s, converged ${m.converged}): ` +
    `${m.peakMB.toFixed(0)} MB (process at start ${m.baseMB.toFixed(0)} MB) = ${(m.peakMB / m.xMB).toFixed(2)} × X; ` +
    `target ≤ 1.3 × X + 100 MB = ${m.targetMB.toFixed(0)} MB: ${m.peakMB <= m.targetMB ? "met" : "not met"}`
  );
}

if (isMain(import.meta.url)) {
  const built = await compiledBuild();
  try {
    console.log(memoryReport(memoryBench(built, { n: arg("n", 1_000_000), d: arg("d", 64) })));
  } finally {
    built.dispose();
  }
}
