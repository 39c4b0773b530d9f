// End to end from text files: LIBLINEAR's `liblinear-train -s 0 -c 1 -B 1` from its sparse text
// format against `logreg train --no-standardize --C 1` from CSV, on the same seeded data (both
// files written by this script, every value with 9 significant digits, which float32 reads back
// exactly). LIBLINEAR's -B 1 appends a constant feature whose weight (the intercept) is
// penalised like the others, so its objective is C·Σ loss + ½(‖w‖² + b²); logreg's leaves the
// intercept out of the penalty. Both objectives are reported at both solutions, with each one's
// gap to the exact optimum of that objective (found here with logreg: the LIBLINEAR one as a fit
// without intercept on X with a column of ones).
import { mkdtempSync, readFileSync, rmSync, statSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LogisticRegression } from "../src/index.js";
import { onPath, parseLiblinearModel, timeCommand } from "./external.js";
import type { CompiledBuild } from "./external.js";
import { binaryObjective } from "./synthetic.js";
import type { SyntheticProblem } from "./synthetic.js";
import { median } from "./util.js";

/** One side of the end-to-end comparison. */
export interface EndToEndSide {
  /** Median wall and CPU seconds of the whole command. */
  wallS: number;
  cpuS: number;
  /** Objective with the intercept unpenalised (logreg, scikit-learn) and penalised (LIBLINEAR -B 1), at this side's model. */
  objective: number;
  objectiveLiblinear: number;
}

/** Result of endToEndBench; liblinear is null when liblinear-train is not on the PATH. */
export interface EndToEndResult {
  csvMB: number;
  liblinearMB: number;
  runs: number;
  logreg: EndToEndSide;
  liblinear: EndToEndSide | null;
  /** Exact optima of the two objectives. */
  optimum: number;
  optimumLiblinear: number;
}

/** Writes the problem as CSV (header f0…, label) and in LIBLINEAR's text format, every value with 9 significant digits. */
export async function writeFiles(p: SyntheticProblem, csvPath: string, svmPath: string): Promise<void> {
  const { X, n, d, y } = p;
  const csv = createWriteStream(csvPath);
  const svm = createWriteStream(svmPath);
  const header = Array.from({ length: d }, (_, j) => `f${j}`).join(",") + ",label\n";
  csv.write(header);
  const cells = new Array<string>(d);
  const sparse = new Array<string>(d);
  let bufC = "";
  let bufS = "";
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = X[i * d + j]!.toPrecision(9);
      cells[j] = v;
      sparse[j] = `${j + 1}:${v}`;
    }
    bufC += `${cells.join(",")},${y[i]}\n`;
    bufS += `${y[i]} ${sparse.join(" ")}\n`;
    if (bufC.length > 1 << 20) {
      if (!csv.write(bufC)) await new Promise<void>((r) => csv.once("drain", () => r()));
      if (!svm.write(bufS)) await new Promise<void>((r) => svm.once("drain", () => r()));
      bufC = bufS = "";
    }
  }
  csv.end(bufC);
  svm.end(bufS);
  await Promise.all([new Promise<void>((r) => csv.on("finish", () => r())), new Promise<void>((r) => svm.on("finish", () => r()))]);
}

/** Times both tools end to end (`runs` interleaved runs each) and scores their models. */
export async function endToEndBench(p: SyntheticProblem, built: CompiledBuild, runs = 3): Promise<EndToEndResult> {
  const { X, n, d, y } = p;
  const dir = mkdtempSync(join(tmpdir(), "logreg-bench-e2e-"));
  try {
    const csvPath = join(dir, "data.csv");
    const svmPath = join(dir, "data.svm");
    await writeFiles(p, csvPath, svmPath);
    const liblinear = onPath("liblinear-train")[0];
    const ours = (): { wallS: number; cpuS: number } =>
      timeCommand(process.execPath, [built.cli, "train", csvPath, "--no-standardize", "--C", "1", "--quiet", "--json", "--out", join(dir, "model.json")], join(dir, "train.json"));
    const theirs = (): { wallS: number; cpuS: number } => timeCommand(liblinear!, ["-s", "0", "-c", "1", "-B", "1", "-q", svmPath, join(dir, "model.liblinear")], join(dir, "liblinear.out"));
    // Every run is a fresh process and the files were just written (in the page cache): no warm-up.
    const tOurs: { wallS: number; cpuS: number }[] = [];
    const tTheirs: { wallS: number; cpuS: number }[] = [];
    for (let r = 0; r < runs; r++) {
      tOurs.push(ours());
      if (liblinear !== undefined) tTheirs.push(theirs());
    }
    const trained = JSON.parse(readFileSync(join(dir, "train.json"), "utf8")) as { coef: number[][]; intercept: number[] };
    const ourCoef = trained.coef[0]!;
    const ourB = trained.intercept[0]!;
    // Exact optima: logreg's objective (intercept free) and LIBLINEAR's (a ones column, penalised, no free intercept).
    const opt = new LogisticRegression({ C: 1, onWarning: () => {} }).fit({ data: X, shape: [n, d] }, y).objective;
    const Xb = new Float32Array(n * (d + 1));
    for (let i = 0; i < n; i++) {
      Xb.set(X.subarray(i * d, i * d + d), i * (d + 1));
      Xb[i * (d + 1) + d] = 1;
    }
    const optLib = new LogisticRegression({ C: 1, fitIntercept: false, onWarning: () => {} }).fit({ data: Xb, shape: [n, d + 1] }, y).objective;
    const side = (ts: { wallS: number; cpuS: number }[], coef: number[], b: number): EndToEndSide => ({
      wallS: median(ts.map((t) => t.wallS)),
      cpuS: median(ts.map((t) => t.cpuS)),
      objective: binaryObjective(X, n, d, y, coef, b, 1),
      objectiveLiblinear: binaryObjective(X, n, d, y, coef, b, 1, true),
    });
    let lib: EndToEndSide | null = null;
    if (liblinear !== undefined) {
      const m = parseLiblinearModel(readFileSync(join(dir, "model.liblinear"), "utf8"), d);
      lib = side(tTheirs, m.coef, m.intercept);
    }
    return {
      csvMB: statSync(csvPath).size / 1e6,
      liblinearMB: statSync(svmPath).size / 1e6,
      runs,
      logreg: side(tOurs, ourCoef, ourB),
      liblinear: lib,
      optimum: opt,
      optimumLiblinear: optLib,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The end-to-end table (markdown). */
export function endToEndReport(r: EndToEndResult): string {
  const gap = (v: number, o: number): string => ((v - o) / o).toExponential(1);
  const lines = [
    `same ${r.csvMB.toFixed(0)} MB CSV / ${r.liblinearMB.toFixed(0)} MB LIBLINEAR text, median of ${r.runs} runs each`,
    "",
    "| command | median wall s | median CPU s | objective (intercept free) | its gap to optimum | objective (LIBLINEAR, intercept penalised) | its gap to optimum |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const row = (name: string, s: EndToEndSide): string =>
    `| ${name} | ${s.wallS.toFixed(2)} | ${s.cpuS.toFixed(2)} | ${s.objective.toPrecision(12)} | ${gap(s.objective, r.optimum)} | ${s.objectiveLiblinear.toPrecision(12)} | ${gap(s.objectiveLiblinear, r.optimumLiblinear)} |`;
  lines.push(row("logreg train --no-standardize --C 1 (CSV)", r.logreg));
  if (r.liblinear !== null) lines.push(row("liblinear-train -s 0 -c 1 -B 1 (text)", r.liblinear));
  else lines.push("| liblinear-train | not on the PATH: skipped | | | | | |");
  lines.push("", `exact optima: ${r.optimum.toPrecision(15)} (intercept free), ${r.optimumLiblinear.toPrecision(15)} (LIBLINEAR's objective)`);
  return lines.join("\n");
}
