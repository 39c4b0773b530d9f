// Readable rendering of tensors for toString().
import type { DType, DataArray } from "./dtype.js";

const EDGE = 3; // items shown at each end of a long axis

function fmtValue(v: number, dtype: DType): string {
  if (dtype === "bool") return v !== 0 ? "true" : "false";
  if (dtype === "int32") return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return v.toFixed(1).replace(/\.0$/, ".");
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(4);
  return String(Number(v.toPrecision(dtype === "float32" ? 7 : 10)));
}

/** Formats a tensor's values as nested brackets, eliding the middle of long axes. */
export function formatTensor(values: DataArray, shape: readonly number[], dtype: DType, kind = "Tensor"): string {
  const header = `${kind}\n  dtype: ${dtype}\n  rank: ${shape.length}\n  shape: [${shape.join(",")}]\n  values:\n`;
  if (shape.length === 0) return header + "    " + fmtValue(values[0] as number, dtype);
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  const render = (axis: number, offset: number, indent: string): string => {
    const dim = shape[axis] as number;
    const idx: (number | null)[] = [];
    if (dim > 2 * EDGE + 1) {
      for (let i = 0; i < EDGE; i++) idx.push(i);
      idx.push(null);
      for (let i = dim - EDGE; i < dim; i++) idx.push(i);
    } else for (let i = 0; i < dim; i++) idx.push(i);
    if (axis === shape.length - 1) {
      return "[" + idx.map((i) => (i === null ? "..." : fmtValue(values[offset + i] as number, dtype))).join(", ") + "]";
    }
    const parts = idx.map((i) => (i === null ? "..." : render(axis + 1, offset + i * (strides[axis] as number), indent + " ")));
    return "[" + parts.join(",\n" + indent + " ") + "]";
  };
  return header + "    " + render(0, 0, "    ");
}
