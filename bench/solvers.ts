// Fits a seeded synthetic 200,000 × 64 binary problem (C = 1, L2, features not standardised)
// with every solver and prints time (median of several fits), iterations, final objective, its gap
// to the best, and the final gradient. Usage: npm run bench:solvers [-- --n 200000 --d 64 --classes 2 --runs 3]
import { LogisticRegression } from "../src/index.js";
import type { SolverName } from "../src/index.js";
import { makeClassification } from "./synthetic.js";
import type { SyntheticProblem } from "./synthetic.js";
import { arg, isMain, medianTiming, timeCall } from "./util.js";
import type { Timing } from "./util.js";

/** One solver's fits: median wall and CPU time, and the last fit's outcome. */
export interface SolverRow extends Timing {
  solver: string;
  nIter: number;
  objective: number;
  gradNorm: number;
  converged: boolean;
  /** Relative gap of the objective to the best one over all solvers (filled by fitBench). */
  gap: number;
}

/** Fits `problem` (C = 1, L2, not standardised) with each solver, `runs` times each (interleaved), after one warm-up fit. */
export async function fitBench(problem: SyntheticProblem, solvers: readonly SolverName[], runs = 3): Promise<SolverRow[]> {
  const { n, d } = problem;
  const X = { data: problem.X, shape: [n, d] as const };
  const fitOnce = (solver: SolverName): { model: LogisticRegression; gradNorm: number } => {
    let gradNorm = NaN;
    const model = new LogisticRegression({ solver, C: 1, onWarning: () => {}, onIteration: (info) => void (gradNorm = info.gradNorm) });
    model.fit(X, problem.y);
    return { model, gradNorm };
  };
  const times = new Map<SolverName, Timing[]>(solvers.map((s) => [s, []]));
  const last = new Map<SolverName, { model: LogisticRegression; gradNorm: number }>();
  for (const s of solvers) last.set(s, fitOnce(s)); // warm-up (and the pinned copy of X, if any)
  for (let r = 0; r < runs; r++) {
    for (const s of solvers) {
      const t = await timeCall(() => fitOnce(s));
      times.get(s)!.push(t);
      last.set(s, t.value);
    }
  }
  const rows: SolverRow[] = solvers.map((solver) => {
    const { model, gradNorm } = last.get(solver)!;
    return { solver, ...medianTiming(times.get(solver)!), nIter: model.nIter, objective: model.objective, gradNorm, converged: model.converged, gap: NaN };
  });
  const best = Math.min(...rows.map((r) => r.objective));
  for (const r of rows) r.gap = (r.objective - best) / best;
  return rows;
}

/** The solver table (markdown). */
export function solverReport(rows: readonly SolverRow[]): string {
  const lines = ["| solver | median wall s | median CPU s | iterations | objective | rel. gap to best | max\\|grad\\| | converged |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"];
  for (const r of rows) {
    lines.push(
      `| ${r.solver} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${r.nIter} | ${r.objective.toPrecision(15)} | ${r.gap.toExponential(1)} | ${r.gradNorm.toExponential(1)} | ${r.converged} |`,
    );
  }
  return lines.join("\n");
}

if (isMain(import.meta.url)) {
  const n = arg("n", 200_000);
  const d = arg("d", 64);
  const classes = arg("classes", 2);
  const t0 = performance.now();
  // X lives in the kernels' memory, as LogisticRegression (and the CLI) would store it: no copy in any fit.
  const problem = makeClassification({ n, d, classes, seed: 42, dtype: "wasm" });
  console.log(`synthetic problem: ${n} × ${d}, ${classes} classes, float32 X in the kernels' memory, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rows = await fitBench(problem, ["newton", "lbfgs", "owlqn", "sgd", "adam"], arg("runs", 1));
  console.log(solverReport(rows));
}
