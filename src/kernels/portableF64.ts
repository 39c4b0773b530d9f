// Portable fused objective kernels, specialised for one storage type of X (see `Rows` below).
// portableF32.ts is this file with only the `type Rows` line changed to Float32Array (regenerate:
// sed 's/^type Rows = Float64Array;/type Rows = Float32Array;/' portableF64.ts > portableF32.ts;
// a test holds the two equal), so each hot loop only ever sees one array type and stays monomorphic.
// Numerics: softplus, sigmoid and log-sum-exp are formed from exp(−|z|) and log1p, so they stay
// finite and accurate for any finite z (|z| = 1e4 and beyond); σ(z) − y and 1 − p_y are formed
// without cancellation. Rows are reduced in blocks of KERNEL_BLOCK_ROWS, blocks in order.
import { KERNEL_BLOCK_ROWS } from "./types.js";
import type { BinaryData, DesignMatrix, MultinomialData } from "./types.js";

/** Storage type of X handled by this file. */
type Rows = Float64Array;

/** Binary loss and gradient (and Newton weights); see ObjectiveKernels.binaryLossGrad. */
export function binaryLossGrad(data: BinaryData, w: Float64Array, fitIntercept: boolean, grad: Float64Array, hessDiag?: Float64Array): number {
  const X = data.X as Rows;
  const { n, d, y, rowWeight } = data;
  const d1 = d + 1;
  const b = fitIntercept ? w[d]! : 0;
  const part = new Float64Array(d1);
  const wantHess = hessDiag !== undefined;
  grad.fill(0, 0, d1);
  let loss = 0;
  for (let start = 0; start < n; start += KERNEL_BLOCK_ROWS) {
    const end = Math.min(n, start + KERNEL_BLOCK_ROWS);
    part.fill(0);
    let partLoss = 0;
    for (let i = start; i < end; i++) {
      const off = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += X[off + j]! * w[j]!;
      const e = Math.exp(-Math.abs(z));
      const inv = 1 / (1 + e);
      // p = σ(z), q = 1 − σ(z), both without cancellation.
      const p = z >= 0 ? inv : e * inv;
      const q = z >= 0 ? e * inv : inv;
      const yi = y[i]!;
      const rw = rowWeight[i]!;
      let r: number;
      let li: number;
      if (yi === 1) {
        r = -q;
        li = Math.log1p(e) + (z < 0 ? -z : 0);
      } else if (yi === 0) {
        r = p;
        li = Math.log1p(e) + (z > 0 ? z : 0);
      } else {
        r = p - yi;
        li = Math.log1p(e) + (z > 0 ? z : 0) - yi * z;
      }
      partLoss += rw * li;
      if (wantHess) hessDiag[i] = rw * p * q;
      const g = rw * r;
      if (g !== 0) {
        for (let j = 0; j < d; j++) part[j] = part[j]! + g * X[off + j]!;
        part[d] = part[d]! + g;
      }
    }
    loss += partLoss;
    for (let j = 0; j < d1; j++) grad[j] = grad[j]! + part[j]!;
  }
  if (!fitIntercept) grad[d] = 0;
  return loss;
}

/** Binary Hessian-vector product at the recorded Newton weights; see ObjectiveKernels.binaryHessVec. */
export function binaryHessVec(data: BinaryData, hessDiag: Float64Array, fitIntercept: boolean, v: Float64Array, out: Float64Array): void {
  const X = data.X as Rows;
  const { n, d } = data;
  const d1 = d + 1;
  const vb = fitIntercept ? v[d]! : 0;
  const part = new Float64Array(d1);
  out.fill(0, 0, d1);
  for (let start = 0; start < n; start += KERNEL_BLOCK_ROWS) {
    const end = Math.min(n, start + KERNEL_BLOCK_ROWS);
    part.fill(0);
    for (let i = start; i < end; i++) {
      const off = i * d;
      let u = vb;
      for (let j = 0; j < d; j++) u += X[off + j]! * v[j]!;
      const t = hessDiag[i]! * u;
      if (t !== 0) {
        for (let j = 0; j < d; j++) part[j] = part[j]! + t * X[off + j]!;
        part[d] = part[d]! + t;
      }
    }
    for (let j = 0; j < d1; j++) out[j] = out[j]! + part[j]!;
  }
  if (!fitIntercept) out[d] = 0;
}

/** Binary decision values; see ObjectiveKernels.binaryDecision. */
export function binaryDecision(Xm: DesignMatrix, n: number, d: number, w: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  const X = Xm as Rows;
  const b = fitIntercept ? w[d]! : 0;
  for (let i = 0; i < n; i++) {
    const off = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += X[off + j]! * w[j]!;
    out[i] = z;
  }
}

/** Multinomial loss and gradient (and probabilities); see ObjectiveKernels.multinomialLossGrad. */
export function multinomialLossGrad(data: MultinomialData, W: Float64Array, fitIntercept: boolean, grad: Float64Array, prob?: Float64Array): number {
  const X = data.X as Rows;
  const { n, d, K, y, rowWeight } = data;
  const d1 = d + 1;
  const size = K * d1;
  const part = new Float64Array(size);
  const ez = new Float64Array(K);
  const wantProb = prob !== undefined;
  grad.fill(0, 0, size);
  let loss = 0;
  for (let start = 0; start < n; start += KERNEL_BLOCK_ROWS) {
    const end = Math.min(n, start + KERNEL_BLOCK_ROWS);
    part.fill(0);
    let partLoss = 0;
    for (let i = start; i < end; i++) {
      const off = i * d;
      let m = -Infinity;
      let a = 0;
      for (let k = 0; k < K; k++) {
        const wo = k * d1;
        let z = fitIntercept ? W[wo + d]! : 0;
        for (let j = 0; j < d; j++) z += X[off + j]! * W[wo + j]!;
        ez[k] = z;
        if (z > m) {
          m = z;
          a = k;
        }
      }
      const yi = y[i]!;
      const zy = ez[yi]!;
      // exp(z_k − m) for every k; the largest is exactly 1 and is left out of `rest`.
      let rest = 0;
      for (let k = 0; k < K; k++) {
        if (k === a) {
          ez[k] = 1;
        } else {
          const e = Math.exp(ez[k]! - m);
          ez[k] = e;
          rest += e;
        }
      }
      const s = 1 + rest;
      const rw = rowWeight[i]!;
      partLoss += rw * (m - zy + Math.log1p(rest));
      const invS = 1 / s;
      // 1 − p_y as a sum of the other classes' terms (no cancellation).
      const oneMinusPy = (yi === a ? rest : s - ez[yi]!) * invS;
      for (let k = 0; k < K; k++) {
        const pk = ez[k]! * invS;
        if (wantProb) prob[i * K + k] = pk;
        const g = rw * (k === yi ? -oneMinusPy : pk);
        if (g !== 0) {
          const po = k * d1;
          for (let j = 0; j < d; j++) part[po + j] = part[po + j]! + g * X[off + j]!;
          part[po + d] = part[po + d]! + g;
        }
      }
    }
    loss += partLoss;
    for (let j = 0; j < size; j++) grad[j] = grad[j]! + part[j]!;
  }
  if (!fitIntercept) for (let k = 0; k < K; k++) grad[k * d1 + d] = 0;
  return loss;
}

/** Multinomial Hessian-vector product at the recorded probabilities; see ObjectiveKernels.multinomialHessVec. */
export function multinomialHessVec(data: MultinomialData, prob: Float64Array, fitIntercept: boolean, V: Float64Array, out: Float64Array): void {
  const X = data.X as Rows;
  const { n, d, K, rowWeight } = data;
  const d1 = d + 1;
  const size = K * d1;
  const part = new Float64Array(size);
  const u = new Float64Array(K);
  out.fill(0, 0, size);
  for (let start = 0; start < n; start += KERNEL_BLOCK_ROWS) {
    const end = Math.min(n, start + KERNEL_BLOCK_ROWS);
    part.fill(0);
    for (let i = start; i < end; i++) {
      const off = i * d;
      let ubar = 0;
      for (let k = 0; k < K; k++) {
        const vo = k * d1;
        let t = fitIntercept ? V[vo + d]! : 0;
        for (let j = 0; j < d; j++) t += X[off + j]! * V[vo + j]!;
        u[k] = t;
        ubar += prob[i * K + k]! * t;
      }
      const rw = rowWeight[i]!;
      for (let k = 0; k < K; k++) {
        const c = rw * prob[i * K + k]! * (u[k]! - ubar);
        if (c !== 0) {
          const po = k * d1;
          for (let j = 0; j < d; j++) part[po + j] = part[po + j]! + c * X[off + j]!;
          part[po + d] = part[po + d]! + c;
        }
      }
    }
    for (let j = 0; j < size; j++) out[j] = out[j]! + part[j]!;
  }
  if (!fitIntercept) for (let k = 0; k < K; k++) out[k * d1 + d] = 0;
}

/** Multinomial decision values; see ObjectiveKernels.multinomialDecision. */
export function multinomialDecision(Xm: DesignMatrix, n: number, d: number, K: number, W: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  const X = Xm as Rows;
  const d1 = d + 1;
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let k = 0; k < K; k++) {
      const wo = k * d1;
      let z = fitIntercept ? W[wo + d]! : 0;
      for (let j = 0; j < d; j++) z += X[off + j]! * W[wo + j]!;
      out[i * K + k] = z;
    }
  }
}

/** Diagonal of the binary data term's Hessian at the recorded Newton weights: out_j = Σ_i hessDiag_i x̃_ij² (length d + 1). */
export function binaryHessDiag(data: BinaryData, hessDiag: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  const X = data.X as Rows;
  const { n, d } = data;
  out.fill(0, 0, d + 1);
  let b = 0;
  for (let i = 0; i < n; i++) {
    const h = hessDiag[i]!;
    if (h === 0) continue;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const x = X[off + j]!;
      out[j] = out[j]! + h * x * x;
    }
    b += h;
  }
  out[d] = fitIntercept ? b : 0;
}

/** Diagonal of the multinomial data term's Hessian at the recorded probabilities: out_kj = Σ_i rowWeight_i p_ik (1 − p_ik) x̃_ij². */
export function multinomialHessDiag(data: MultinomialData, prob: Float64Array, fitIntercept: boolean, out: Float64Array): void {
  const X = data.X as Rows;
  const { n, d, K, rowWeight } = data;
  const d1 = d + 1;
  out.fill(0, 0, K * d1);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    const rw = rowWeight[i]!;
    for (let k = 0; k < K; k++) {
      const p = prob[i * K + k]!;
      const h = rw * p * (1 - p);
      if (h === 0) continue;
      const o = k * d1;
      for (let j = 0; j < d; j++) {
        const x = X[off + j]!;
        out[o + j] = out[o + j]! + h * x * x;
      }
      out[o + d] = out[o + d]! + h;
    }
  }
  if (!fitIntercept) for (let k = 0; k < K; k++) out[k * d1 + d] = 0;
}
