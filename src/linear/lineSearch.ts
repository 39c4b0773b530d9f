// A line search that finds a step satisfying the strong Wolfe conditions
//   f(α) ≤ f(0) + c1 α f'(0)   and   |f'(α)| ≤ c2 |f'(0)|,
// by expanding the step until a bracket is found and then shrinking the bracket with safeguarded
// cubic interpolation. Near the optimum the decrease in f falls below float64 resolution while
// the slope is still accurate, so a step whose f is within `fTolerance` of f(0) counts as a
// decrease (the curvature condition must still hold) — this lets the solvers reach gradients
// far below √ε.

/** The objective along the search line: value and slope at step α (the callee keeps the gradient). */
export type LineFunction = (alpha: number) => { f: number; slope: number };

/** Result of a line search; when ok, the last call of the line function was at `alpha`. */
export interface LineSearchResult {
  ok: boolean;
  alpha: number;
  f: number;
  slope: number;
  /** Smallest f seen (and its step), for a caller that wants to keep progress after a failure. */
  bestAlpha: number;
  bestF: number;
}

/** Tuning of the line search. */
export interface LineSearchOptions {
  c1: number;
  c2: number;
  maxEvals: number;
  /** Absolute slack on f(0) for the decrease test (see file comment). */
  fTolerance: number;
}

function cubicMin(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  const t1 = ga + gb - (3 * (fa - fb)) / (a - b);
  const disc = t1 * t1 - ga * gb;
  if (!(disc >= 0)) return NaN;
  const t2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (gb + t2 - t1)) / (gb - ga + 2 * t2);
}

/** Strong-Wolfe line search along a descent direction (slope0 < 0), first trial step alpha1. */
export function strongWolfe(phi: LineFunction, f0: number, slope0: number, alpha1: number, opts: LineSearchOptions): LineSearchResult {
  const { c1, c2, maxEvals, fTolerance } = opts;
  let evals = 0;
  let bestAlpha = 0;
  let bestF = f0;
  const sufficient = (a: number, f: number): boolean => f <= f0 + c1 * a * slope0 || f <= f0 + fTolerance;
  const curvature = (g: number): boolean => Math.abs(g) <= -c2 * slope0;
  const evalAt = (a: number): { f: number; slope: number } => {
    evals++;
    const r = phi(a);
    if (r.f < bestF) {
      bestF = r.f;
      bestAlpha = a;
    }
    return r;
  };
  const fail = (a: number, f: number, slope: number): LineSearchResult => ({ ok: false, alpha: a, f, slope, bestAlpha, bestF });

  const zoom = (
    lo: number, fLo: number, gLo: number,
    hi: number, fHi: number, gHi: number,
  ): LineSearchResult => {
    for (;;) {
      if (evals >= maxEvals) return fail(lo, fLo, gLo);
      const width = Math.abs(hi - lo);
      if (width <= 1e-16 * Math.max(Math.abs(lo), Math.abs(hi))) return fail(lo, fLo, gLo);
      let a = cubicMin(lo, fLo, gLo, hi, fHi, gHi);
      const left = Math.min(lo, hi) + 0.1 * width;
      const right = Math.max(lo, hi) - 0.1 * width;
      if (!Number.isFinite(a) || a < left || a > right) a = 0.5 * (lo + hi);
      const { f, slope } = evalAt(a);
      if (!Number.isFinite(f)) {
        hi = a;
        fHi = Infinity;
        gHi = NaN;
        continue;
      }
      // When f and f(lo) differ by no more than rounding, the slope alone decides the bracket.
      if (!sufficient(a, f) || (f >= fLo && f - fLo > fTolerance)) {
        hi = a;
        fHi = f;
        gHi = slope;
      } else {
        if (curvature(slope)) return { ok: true, alpha: a, f, slope, bestAlpha, bestF };
        if (slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          gHi = gLo;
        }
        lo = a;
        fLo = f;
        gLo = slope;
      }
    }
  };

  let prevA = 0;
  let prevF = f0;
  let prevG = slope0;
  let a = alpha1;
  for (let i = 0; ; i++) {
    if (evals >= maxEvals) return fail(prevA, prevF, prevG);
    const { f, slope } = evalAt(a);
    if (!Number.isFinite(f)) {
      // Overshot into overflow: shrink towards the last good step.
      return zoom(prevA, prevF, prevG, a, Infinity, NaN);
    }
    if (!sufficient(a, f) || (i > 0 && f > prevF + fTolerance)) return zoom(prevA, prevF, prevG, a, f, slope);
    if (curvature(slope)) return { ok: true, alpha: a, f, slope, bestAlpha, bestF };
    if (slope >= 0) return zoom(a, f, slope, prevA, prevF, prevG);
    prevA = a;
    prevF = f;
    prevG = slope;
    a *= 4;
  }
}
