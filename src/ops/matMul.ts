// matMul: matrix product of two rank-2 tensors, either one optionally transposed.
// Gradient: dA = dy·Bᵀ and dB = Aᵀ·dy (with the transposes folded in).
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp2 } from "./engine.js";
import { checkSameDtype } from "./util.js";

interface MatMulSaved {
  transposeA: boolean;
  transposeB: boolean;
}

/** The four transpose settings, made once (the op keeps one for its gradient). */
const SAVED: readonly MatMulSaved[] = [
  { transposeA: false, transposeB: false },
  { transposeA: false, transposeB: true },
  { transposeA: true, transposeB: false },
  { transposeA: true, transposeB: true },
];

const MatMulOp = registerOp(
  "MatMul",
  (dy, node, needs) => {
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    const { transposeA, transposeB } = node.saved as MatMulSaved;
    const dA = !needs[0] ? null : transposeA ? matMul(b, dy, transposeB, true) : matMul(dy, b, false, !transposeB);
    const dB = !needs[1] ? null : transposeB ? matMul(dy, a, true, transposeA) : matMul(a, dy, !transposeA, false);
    return [dA, dB];
  },
  (dy, node, sink) => {
    // With C = op(A)·op(B) (m×n, inner k) and the strides of the forward kernel:
    // dA[i,p] += Σ_j dC[i,j]·b[p,j] and dB[p,j] += Σ_i a[i,p]·dC[i,j], written where a[i,p] and b[p,j] live.
    const a = node.inputs[0] as Tensor;
    const b = node.inputs[1] as Tensor;
    const { transposeA, transposeB } = node.saved as MatMulSaved;
    const ac = a.shape[1] as number;
    const bc = b.shape[1] as number;
    const m = dy.shape[0] as number;
    const n = dy.shape[1] as number;
    const k = transposeA ? (a.shape[0] as number) : ac;
    const aRow = transposeA ? 1 : ac;
    const aCol = transposeA ? ac : 1;
    const bRow = transposeB ? 1 : bc;
    const bCol = transposeB ? bc : 1;
    const av = a.dataSync();
    const bv = b.dataSync();
    const dv = dy.dataSync();
    if (sink.needs[0]) {
      const g = sink.into(0);
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += (dv[i * n + j] as number) * (bv[p * bRow + j * bCol] as number);
          g[i * aRow + p * aCol] = (g[i * aRow + p * aCol] as number) + s;
        }
      }
    }
    if (sink.needs[1]) {
      const g = sink.into(1);
      for (let p = 0; p < k; p++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += (av[i * aRow + p * aCol] as number) * (dv[i * n + j] as number);
          g[p * bRow + j * bCol] = (g[p * bRow + j * bCol] as number) + s;
        }
      }
    }
    return true;
  },
);

/**
 * Matrix product of rank-2 tensors: op(a) · op(b), where op transposes when asked.
 * @example matMul(tensor([[1, 2]]), tensor([[3], [4]])) // [[11]]
 */
export function matMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.rank !== 2 || b.rank !== 2) {
    throw new ShapeError(`matMul: expects rank-2 tensors, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  }
  checkSameDtype("matMul", a, b);
  const [ar, ac] = a.shape as [number, number];
  const [br, bc] = b.shape as [number, number];
  const m = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const k2 = transposeB ? bc : br;
  const n = transposeB ? br : bc;
  if (k !== k2) {
    throw new ShapeError(
      `matMul: inner dimensions differ: ${fmtShape(a.shape)}${transposeA ? "ᵀ" : ""} · ${fmtShape(b.shape)}${transposeB ? "ᵀ" : ""} (${k} vs ${k2})`,
    );
  }
  const av = a.dataSync();
  const bv = b.dataSync();
  const out = allocate(a.dtype, m * n);
  // a[i, p] = av[transposeA ? p*ac + i : i*ac + p]; b[p, j] = bv[transposeB ? j*bc + p : p*bc + j]
  const aRow = transposeA ? 1 : ac;
  const aCol = transposeA ? ac : 1;
  const bRow = transposeB ? 1 : bc;
  const bCol = transposeB ? bc : 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (av[i * aRow + p * aCol] as number) * (bv[p * bRow + j * bCol] as number);
      out[i * n + j] = s;
    }
  }
  return runOp2(MatMulOp, a, b, kernelTensor(out, [m, n], a.dtype), SAVED[(transposeA ? 2 : 0) + (transposeB ? 1 : 0)]);
}
