// The portable TypeScript implementation of the fused objective kernels: dispatches on the storage
// type of X to one of two specialised copies (portableF64.ts, portableF32.ts).
import * as f32 from "./portableF32.js";
import * as f64 from "./portableF64.js";
import type { BinaryData, MultinomialData, ObjectiveKernels } from "./types.js";

/** Fused objective kernels in plain TypeScript; run anywhere, handle Float32Array and Float64Array X. */
export const portableKernels: ObjectiveKernels = {
  name: "ts",
  binaryLossGrad(data, w, fitIntercept, grad, hessDiag) {
    return data.X instanceof Float32Array
      ? f32.binaryLossGrad(data, w, fitIntercept, grad, hessDiag)
      : f64.binaryLossGrad(data, w, fitIntercept, grad, hessDiag);
  },
  binaryHessVec(data, hessDiag, fitIntercept, v, out) {
    if (data.X instanceof Float32Array) f32.binaryHessVec(data, hessDiag, fitIntercept, v, out);
    else f64.binaryHessVec(data, hessDiag, fitIntercept, v, out);
  },
  binaryDecision(X, n, d, w, fitIntercept, out) {
    if (X instanceof Float32Array) f32.binaryDecision(X, n, d, w, fitIntercept, out);
    else f64.binaryDecision(X, n, d, w, fitIntercept, out);
  },
  multinomialLossGrad(data, W, fitIntercept, grad, prob) {
    return data.X instanceof Float32Array
      ? f32.multinomialLossGrad(data, W, fitIntercept, grad, prob)
      : f64.multinomialLossGrad(data, W, fitIntercept, grad, prob);
  },
  multinomialHessVec(data, prob, fitIntercept, V, out) {
    if (data.X instanceof Float32Array) f32.multinomialHessVec(data, prob, fitIntercept, V, out);
    else f64.multinomialHessVec(data, prob, fitIntercept, V, out);
  },
  multinomialDecision(X, n, d, K, W, fitIntercept, out) {
    if (X instanceof Float32Array) f32.multinomialDecision(X, n, d, K, W, fitIntercept, out);
    else f64.multinomialDecision(X, n, d, K, W, fitIntercept, out);
  },
};

/** Diagonal of the binary data term's Hessian (Σ_i hessDiag_i x̃_ij²), for preconditioning; not part of ObjectiveKernels. */
export function binaryHessDiag(data: BinaryData, hessDiag: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  if (data.X instanceof Float32Array) f32.binaryHessDiag(data, hessDiag, fitIntercept, out);
  else f64.binaryHessDiag(data, hessDiag, fitIntercept, out);
}

/** Diagonal of the multinomial data term's Hessian (Σ_i rw_i p_ik(1 − p_ik) x̃_ij²), for preconditioning; not part of ObjectiveKernels. */
export function multinomialHessDiag(data: MultinomialData, prob: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  if (data.X instanceof Float32Array) f32.multinomialHessDiag(data, prob, fitIntercept, out);
  else f64.multinomialHessDiag(data, prob, fitIntercept, out);
}
