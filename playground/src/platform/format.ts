// The playground's stand-in for src/tensor/format.ts (swapped in by vite.config.ts), which renders
// Tensor.toString() as nested brackets with long axes elided. The playground never prints a
// tensor, so this build keeps the same header (kind, dtype, rank, shape) and lists the values flat.
import type { DType, DataArray } from "../../../src/tensor/dtype.js";

/** The tensor's header, then its values in row-major order on one line. */
export function formatTensor(values: DataArray, shape: readonly number[], dtype: DType, kind = "Tensor"): string {
  return `${kind}\n  dtype: ${dtype}\n  rank: ${shape.length}\n  shape: [${shape.join(",")}]\n  values:\n    [${Array.from(values as ArrayLike<number>).join(", ")}]`;
}
