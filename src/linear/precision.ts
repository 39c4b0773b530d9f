// The solvers' precision schedule. Where the objective has a fast mode (float32-arithmetic kernels
// for a float32 X, about twice as fast), a solver starts in it and moves to the exact kernels for
// good when the fast results stop being trustworthy guides: once the largest gradient entry falls
// below FAST_UNTIL × its value at zero (float32 rounding of the gradient is ~1e-7 of the sum of its
// terms' sizes, so it is then still far below the gradient), when the stopping rule would be met
// (convergence is only ever declared on exact values), or when a step fails in fast mode. After the
// switch the solver re-evaluates its current point, so every later decision and the result are exact.
import type { Objective } from "./objective.js";

/** Largest gradient entry, as a fraction of its value at zero, below which the solvers leave the fast mode. */
export const FAST_UNTIL = 1e-4;

/**
 * Most evaluations one line search may spend in fast mode before the solver gives up on it and
 * switches: near the switch point, rounding noise in fast values can make a search backtrack
 * without end, while a failed search costs only a switch (the exact search takes over).
 */
export const FAST_MAX_EVALS = 10;

/** Starts the fast mode where the objective has one; returns whether it is on. */
export function startFast(obj: Objective): boolean {
  return obj.setFast(true);
}

/** True when a solver in fast mode should switch to the exact kernels now (see file comment). */
export function shouldLeaveFast(obj: Objective, gInf: number, gRef: number, converged: boolean, failed = false): boolean {
  return obj.fast && (failed || converged || !(gInf > FAST_UNTIL * gRef));
}
