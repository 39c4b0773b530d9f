// X in the storage LogisticRegression (precision "auto") gives it in fit and predict, made once, so
// that fit, predict and the training figures all use one array instead of converting X each time.
import { allocDesignMatrix, releaseDesignMatrix } from "../kernels/wasm/design-matrix.js";
import type { FlatMatrix } from "../preprocess/matrix.js";
import { FLOAT64_MAX_ELEMENTS } from "../linear/input.js";

/** X as the estimator would store it, and whether it is a new array (release it with releaseStorage). */
export interface FitStorage {
  X: FlatMatrix;
  owned: boolean;
}

/**
 * Float64 up to FLOAT64_MAX_ELEMENTS values, else float32 in the kernels' memory (each value
 * Math.fround of the float64 one); X is given back as it is when already so stored, or when a
 * value does not fit float32 (the estimator then keeps float64 too).
 */
export function fitStorage(X: FlatMatrix): FitStorage {
  const [n, d] = X.shape as [number, number];
  const data = X.data;
  if (n * d <= FLOAT64_MAX_ELEMENTS) {
    if (data instanceof Float64Array) return { X, owned: false };
    return { X: { data: Float64Array.from(data), shape: [n, d] }, owned: false };
  }
  if (data instanceof Float32Array) return { X, owned: false };
  const out = allocDesignMatrix(n, d);
  out.set(data);
  for (let k = 0; k < out.length; k++) {
    const v = out[k]!;
    if (v === Infinity || v === -Infinity || v !== v) {
      releaseDesignMatrix(out);
      return { X, owned: false };
    }
  }
  return { X: { data: out, shape: [n, d] }, owned: true };
}

/** Frees the kernels' memory of an array made by fitStorage (no-op when it was the caller's own). */
export function releaseStorage(s: FitStorage): void {
  if (s.owned) releaseDesignMatrix(s.X.data);
}
