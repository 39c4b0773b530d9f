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

const MatMulOp = registerOp("MatMul", (dy, node, needs) => {
  const a = node.inputs[0] as Tensor;
  const b = node.inputs[1] as Tensor;
  const saved = node.saved;
  const { transposeA, transposeB } = saved as MatMulSaved;
  const A = a as Tensor;
  const B = b as Tensor;
  const dA = !needs[0] ? null : transposeA ? matMul(B, dy, transposeB, true) : matMul(dy, B, false, !transposeB);
  const dB = !needs[1] ? null : transposeB ? matMul(dy, A, true, transposeA) : matMul(A, dy, !transposeA, false);
  return [dA, dB];
});

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
