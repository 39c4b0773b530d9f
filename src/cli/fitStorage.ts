// X in the storage LogisticRegression (precision "auto") gives it in fit and predict, made once, so
// that fit, predict and the training figures all use one array instead of converting X each time.
import { LogregError } from "../errors.js";
import { releaseDesignMatrix } from "../kernels/wasm/design-matrix.js";
import type { FlatMatrix } from "../preprocess/matrix.js";
import { FLOAT64_MAX_ELEMENTS, readMatrix } from "../linear/input.js";

/** X as the estimator would store it, and whether it is a new array (release it with releaseStorage). */
export interface FitStorage {
  X: FlatMatrix;
  owned: boolean;
}

/**
 * X converted as the estimator's own readMatrix converts it (float64 up to FLOAT64_MAX_ELEMENTS
 * values, else float32 in the kernels' memory, float64 again when a value does not fit float32).
 * X is given back as it is when already so stored, or when readMatrix rejects it (a non-finite
 * value, no rows): the fit then reports the problem.
 */
export function fitStorage(X: FlatMatrix): FitStorage {
  const [n, d] = X.shape as [number, number];
  // already in the estimator's storage: used as it is, without readMatrix's scan for non-finite values
  if (X.data instanceof (n * d <= FLOAT64_MAX_ELEMENTS ? Float64Array : Float32Array)) return { X, owned: false };
  try {
    const m = readMatrix("fitStorage", X, "auto");
    return { X: m.X === X.data ? X : { data: m.X, shape: [m.n, m.d] }, owned: m.owned };
  } catch (e) {
    if (e instanceof LogregError) return { X, owned: false };
    throw e;
  }
}

/** Frees the kernels' memory of an array made by fitStorage (no-op when it was the caller's own). */
export function releaseStorage(s: FitStorage): void {
  if (s.owned) releaseDesignMatrix(s.X.data);
}
