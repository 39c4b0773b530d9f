// The outside contenders: scikit-learn (through whichever `python3` on the PATH imports it) and
// LIBLINEAR's `liblinear-train`, each skipped cleanly when absent; and logreg's own CLI compiled to
// plain JavaScript (as it ships) for end-to-end runs. Nothing here names a machine path: tools are
// found on the PATH, files go to a temporary directory.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { median } from "./util.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every executable called `name` on the PATH, in PATH order, without duplicates (by real path). */
export function onPath(name: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (!statSync(p).isFile()) continue;
      const real = realpathSync(p);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push(p);
    } catch {
      // not here
    }
  }
  return out;
}

/** The first `python3` on the PATH that imports scikit-learn and numpy, with the scikit-learn version; null if none. */
export function findSklearnPython(): { python: string; version: string } | null {
  for (const python of onPath("python3")) {
    const r = spawnSync(python, ["-c", "import sklearn, numpy, scipy; print(sklearn.__version__)"], { encoding: "utf8", timeout: 60_000 });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}

/** Outcome of scikit-learn fits: median wall and CPU (all its threads) seconds of the fit alone, iterations, coefficients. */
export interface SklearnFit {
  python: string;
  version: string;
  wallS: number;
  cpuS: number;
  nIter: number;
  coef: number[];
  intercept: number;
}

const SKLEARN_SCRIPT = `
import json, sys, time, warnings
import numpy as np
from sklearn.linear_model import LogisticRegression
xpath, ypath, n, d, runs, tol, max_iter = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
X = np.fromfile(xpath, dtype=np.float64).reshape(n, d)
y = np.fromfile(ypath, dtype=np.float64)
walls, cpus = [], []
for r in range(runs):
    m = LogisticRegression(C=1.0, solver="lbfgs", tol=tol, max_iter=max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0, c0 = time.perf_counter(), time.process_time()
        m.fit(X, y)
        t1, c1 = time.perf_counter(), time.process_time()
    walls.append(t1 - t0); cpus.append(c1 - c0)
print(json.dumps({"walls": walls, "cpus": cpus, "n_iter": int(m.n_iter_[0]), "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0])}))
`;

/**
 * Times scikit-learn's LogisticRegression(C=1, solver="lbfgs", tol) fit on X (float64, exactly the
 * given values) `runs` times (compiled code: no warm-up needed); only the fit is timed, inside Python. Null when no
 * python3 with scikit-learn is on the PATH.
 */
export function sklearnFit(X: Float32Array | Float64Array, y: ArrayLike<number>, n: number, d: number, opts: { runs: number; tol: number; maxIter: number }): SklearnFit | null {
  const found = findSklearnPython();
  if (found === null) return null;
  const dir = mkdtempSync(join(tmpdir(), "logreg-bench-sklearn-"));
  try {
    const xPath = join(dir, "X.f64");
    const yPath = join(dir, "y.f64");
    const x64 = X instanceof Float64Array ? X : Float64Array.from(X);
    writeFileSync(xPath, new Uint8Array(x64.buffer, x64.byteOffset, x64.byteLength));
    const y64 = Float64Array.from(y);
    writeFileSync(yPath, new Uint8Array(y64.buffer));
    const r = spawnSync(found.python, ["-c", SKLEARN_SCRIPT, xPath, yPath, String(n), String(d), String(opts.runs), String(opts.tol), String(opts.maxIter)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`scikit-learn run failed (${found.python}): ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as { walls: number[]; cpus: number[]; n_iter: number; coef: number[]; intercept: number };
    return { ...found, wallS: median(out.walls), cpuS: median(out.cpus), nIter: out.n_iter, coef: out.coef, intercept: out.intercept };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall and CPU seconds (the child's user + system, from the shell's `times`) of one command, its stdout sent to `stdoutFile`; throws if it fails. */
export function timeCommand(cmd: string, args: readonly string[], stdoutFile: string): { wallS: number; cpuS: number } {
  // sh runs the command, then `times` prints the children's user and system time on its last line.
  const t0 = performance.now();
  const r = spawnSync("sh", ["-c", 'out="$1"; shift; "$@" > "$out" || exit $?; times', "sh", stdoutFile, cmd, ...args], { encoding: "utf8" });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split("\n");
  const child = lines[lines.length - 1]!.trim().split(/\s+/);
  const secs = (t: string): number => {
    const m = /^(?:(\d+)m)?([\d.]+)s$/.exec(t);
    return m === null ? NaN : Number(m[1] ?? 0) * 60 + Number(m[2]);
  };
  return { wallS, cpuS: secs(child[0] ?? "") + secs(child[1] ?? "") };
}

/** logreg compiled to plain JavaScript: the library entry, the CLI, the synthetic generator, and a dispose. */
export interface CompiledBuild {
  index: string;
  cli: string;
  synthetic: string;
  dispose: () => void;
}

/**
 * logreg compiled to plain JavaScript as it ships (every src/ file transpiled by esbuild, not bundled,
 * so the worker pool's own module loads as in the package; bench/synthetic.ts alongside), in a
 * temporary folder under node_modules/.cache, where the dependencies resolve.
 */
export async function compiledBuild(): Promise<CompiledBuild> {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, "logreg-bench-"));
  const entries: string[] = [join(root, "bench", "synthetic.ts")];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith(".ts") && !f.name.endsWith(".d.ts")) entries.push(p);
    }
  };
  walk(join(root, "src"));
  await build({ entryPoints: entries, outdir: out, outbase: root, bundle: false, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
  return {
    index: join(out, "src", "index.js"),
    cli: join(out, "src", "cli", "main.js"),
    synthetic: join(out, "bench", "synthetic.js"),
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}

/** A LIBLINEAR model file's weights, turned into logreg's convention (coefficients and intercept of the class with label 1). */
export function parseLiblinearModel(text: string, d: number): { coef: number[]; intercept: number } {
  const lines = text.split("\n");
  const label = lines.find((l) => l.startsWith("label "))!.split(/\s+/).slice(1).map(Number);
  const at = lines.findIndex((l) => l.trim() === "w");
  const w = lines.slice(at + 1, at + 2 + d).map((l) => Number(l.trim()));
  // LIBLINEAR's w scores its first label; ours scores class 1.
  const sign = label[0] === 1 ? 1 : -1;
  return { coef: w.slice(0, d).map((v) => sign * v), intercept: sign * w[d]! };
}
