// cast: convert to another dtype (float→int32 truncates toward zero, →bool is x ≠ 0).
// Gradient: cast back between float dtypes; none (null) from or to int32/bool, as TensorFlow.
import { type DType, DTYPES, convert, isFloat } from "../tensor/dtype.js";
import { ValueError } from "../errors.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { registerOp, runOp1 } from "./engine.js";

const CastOp = registerOp("Cast", (dy, { inputs: [x] }) =>
  isFloat(x!.dtype) && isFloat(dy.dtype) ? [cast(dy, x!.dtype)] : [null],
);

/**
 * Converts `x` to `dtype`; returns `x` itself when it already has that dtype (a snapshot for a Variable).
 * No gradient flows through a cast from or to int32/bool (the source gets null).
 * @example cast(tensor([1.7, -1.7]), "int32") // [1, -1]
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (!DTYPES.includes(dtype)) {
    throw new ValueError(`cast: unknown dtype '${String(dtype)}'; use one of ${DTYPES.join(", ")}`);
  }
  if (x.dtype === dtype) {
    // A plain tensor is immutable: return it. A Variable can change later: return a snapshot.
    return x.constructor === Tensor ? x : runOp1(CastOp, x, kernelTensor(x.dataSync(), x.shape, dtype));
  }
  return runOp1(CastOp, x, kernelTensor(convert(x.dataSync(), dtype), x.shape, dtype));
}
