// `npm run bench:e2e`: only the end-to-end comparison of bench/run.ts — `logreg train` from CSV
// against `liblinear-train -s 0 -c 1 -B 1` from its text format, on the same seeded 200,000 × 64
// problem — with both medians and their ratio.
// Usage: npm run bench:e2e [-- --runs N (default 3) --rows N --cols N]
//        npm run bench:e2e -- --write DIR   (only writes DIR/data.csv and DIR/data.svm, for profiling)
import { mkdirSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { endToEndBench, endToEndReport, writeFiles } from "./endToEnd.js";
import { compiledBuild } from "./external.js";
import { makeClassification } from "./synthetic.js";
import { arg } from "./util.js";

const n = arg("rows", 200_000);
const d = arg("cols", 64);
const runs = arg("runs", 3);
// The same problem as bench/run.ts: seed 42, X in the kernels' memory.
const problem = makeClassification({ n, d, seed: 42, dtype: "wasm" });
const w = process.argv.indexOf("--write");
if (w >= 0) {
  const dir = process.argv[w + 1]!;
  mkdirSync(dir, { recursive: true });
  await writeFiles(problem, join(dir, "data.csv"), join(dir, "data.svm"));
  console.log(`wrote ${join(dir, "data.csv")} and ${join(dir, "data.svm")}`);
} else {
  const load = (): string => loadavg().map((x) => x.toFixed(2)).join(", ");
  console.log(`load average at start: ${load()} on ${availableParallelism()} cores`);
  const built = await compiledBuild();
  try {
    const r = await endToEndBench(problem, built, runs);
    console.log(endToEndReport(r));
    console.log("");
    console.log(`logreg train:   median wall ${r.logreg.wallS.toFixed(2)} s, CPU ${r.logreg.cpuS.toFixed(2)} s`);
    if (r.liblinear === null) console.log("liblinear-train: not on the PATH, skipped");
    else {
      const ratio = r.liblinear.wallS / r.logreg.wallS;
      console.log(`liblinear-train: median wall ${r.liblinear.wallS.toFixed(2)} s, CPU ${r.liblinear.cpuS.toFixed(2)} s`);
      console.log(`ratio (liblinear wall / logreg wall): ${ratio.toFixed(2)}× (goal ≥ 5×: ${ratio >= 5 ? "met" : "not met"}); CPU ratio ${(r.liblinear.cpuS / r.logreg.cpuS).toFixed(2)}×`);
    }
    console.log(`load average at end: ${load()}`);
  } finally {
    built.dispose();
  }
}
