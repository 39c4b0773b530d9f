// Fits a seeded synthetic 200,000 × 64 binary problem (C = 1, L2, features not standardised)
// with every solver and prints time, iterations, final objective, its gap to the best, and the
// final gradient. Usage: npm run bench:solvers [-- --n 200000 --d 64 --classes 2]
import { LogisticRegression } from "../src/index.js";
import type { SolverName } from "../src/index.js";
import { makeClassification } from "./synthetic.js";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const n = arg("n", 200_000);
const d = arg("d", 64);
const classes = arg("classes", 2);
const t0 = performance.now();
const problem = makeClassification({ n, d, classes, seed: 42 });
console.log(`synthetic problem: ${n} × ${d}, ${classes} classes, float32 X, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

interface Row {
  solver: string;
  seconds: number;
  nIter: number;
  objective: number;
  gradNorm: number;
  gradRel: number;
  converged: boolean;
}

const rows: Row[] = [];
const X = { data: problem.X, shape: [n, d] as const };
for (const solver of ["newton", "lbfgs", "owlqn", "sgd", "adam"] as SolverName[]) {
  let gradNorm = NaN;
  let first = NaN;
  const model = new LogisticRegression({
    solver,
    C: 1,
    onWarning: () => {},
    onIteration: (info) => {
      if (info.iteration === 1) first = info.gradNorm;
      gradNorm = info.gradNorm;
    },
  });
  const t = performance.now();
  model.fit(X, problem.y);
  const seconds = (performance.now() - t) / 1000;
  rows.push({ solver, seconds, nIter: model.nIter, objective: model.objective, gradNorm, gradRel: gradNorm / first, converged: model.converged });
}
const best = Math.min(...rows.map((r) => r.objective));
console.log("solver   time (s)  iterations  objective              rel. gap to best  max|grad|   converged");
for (const r of rows) {
  console.log(
    `${r.solver.padEnd(8)} ${r.seconds.toFixed(2).padStart(8)}  ${String(r.nIter).padStart(10)}  ${r.objective.toPrecision(17).padEnd(21)}  ${((r.objective - best) / best).toExponential(2).padStart(16)}  ${r.gradNorm.toExponential(2).padStart(9)}   ${r.converged}`,
  );
}
