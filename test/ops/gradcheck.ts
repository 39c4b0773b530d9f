// Central-difference gradient checker: compares the tape's gradients of a weighted sum of f's
// output with (L(x + h) − L(x − h)) / 2h, element by element, in float64.
import { GradientTape, Rng, type Tensor, mul, sum, tensor } from "../../src/index.js";

/** The outcome of a gradient check: the worst relative error and where it happened. */
export interface GradCheckResult {
  maxError: number;
  where: string;
  checked: number;
}

/** A float64 tensor of `shape` with values uniform in [lo, hi), optionally kept away from `avoid` points by `gap`. */
export function randTensor(rng: Rng, shape: readonly number[], lo: number, hi: number, avoid: readonly number[] = [], gap = 0.05): Tensor {
  let n = 1;
  for (const s of shape) n *= s;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x: number;
    do x = lo + (hi - lo) * rng.nextFloat();
    while (avoid.some((a) => Math.abs(x - a) < gap));
    v[i] = x;
  }
  return tensor(v, shape, "float64");
}

function withElement(t: Tensor, k: number, value: number): Tensor {
  const v = Float64Array.from(t.dataSync());
  v[k] = value;
  return tensor(v, t.shape, "float64");
}

/**
 * Checks the gradients of L = Σ w ⊙ f(inputs) (w random, fixed per call) with respect to every
 * input against central differences with step `h`. The error of one element is
 * |analytic − numeric| / max(1, |analytic|, |numeric|); a null gradient counts as zeros.
 */
export function gradCheck(
  f: (...xs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: { h?: number; seed?: number } = {},
): GradCheckResult {
  const h = options.h ?? 1e-6;
  for (const x of inputs) if (x.dtype !== "float64") throw new Error("gradCheck: inputs must be float64");
  const probe = f(...inputs);
  const rng = new Rng(options.seed ?? 7);
  const w = randTensor(rng, probe.shape, 0.5, 1.5);
  const loss = (xs: readonly Tensor[]): number => sum(mul(f(...xs), w)).dataSync()[0] as number;

  const tape = new GradientTape();
  tape.watch(...inputs);
  const target = sum(mul(f(...inputs), w));
  const grads = tape.gradient(target, [...inputs]);

  let maxError = 0;
  let where = "";
  let checked = 0;
  inputs.forEach((x, i) => {
    const g = grads[i];
    if (g !== null && g !== undefined && (g.dtype !== "float64" || g.shape.join() !== x.shape.join())) {
      throw new Error(`gradCheck: gradient ${i} is ${g.dtype} [${g.shape}], expected float64 [${x.shape}]`);
    }
    const gv = g?.dataSync();
    const xv = x.dataSync();
    for (let k = 0; k < x.size; k++) {
      const x0 = xv[k] as number;
      const others = (t: Tensor): Tensor[] => inputs.map((y, j) => (j === i ? t : y));
      const numeric = (loss(others(withElement(x, k, x0 + h))) - loss(others(withElement(x, k, x0 - h)))) / (2 * h);
      const analytic = gv === undefined ? 0 : (gv[k] as number);
      const err = Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic), Math.abs(numeric));
      checked++;
      if (!(err <= maxError)) {
        maxError = Number.isNaN(err) ? Infinity : err;
        where = `input ${i} [${x.shape}] element ${k}: analytic ${analytic}, numeric ${numeric}`;
      }
    }
  });
  return { maxError, where, checked };
}

/**
 * f ↦ Σ v ⊙ ∂(Σ w ⊙ f)/∂x_0, computed with an inner tape; gradCheck of this function checks
 * second derivatives (Hessian-vector products) through nested tapes.
 */
export function firstDerivative(f: (...xs: Tensor[]) => Tensor, seed = 11): (...xs: Tensor[]) => Tensor {
  return (...xs: Tensor[]) => {
    const inner = new GradientTape();
    inner.watch(...xs);
    const y = f(...xs);
    const rng = new Rng(seed);
    const w = randTensor(rng, y.shape, 0.5, 1.5);
    const g = inner.gradient(sum(mul(y, w)), xs[0] as Tensor);
    if (g === null) throw new Error("firstDerivative: no gradient");
    const v = randTensor(rng, g.shape, 0.5, 1.5);
    return sum(mul(g, v));
  };
}
