// Data types of tensors and the typed arrays that store them.

/** The data type of a tensor: `float32` (the default, as in TensorFlow), `float64`, `int32` or `bool`. */
export type DType = "float32" | "float64" | "int32" | "bool";

/** The storage of a tensor's values: one typed array per dtype (`bool` is stored as 0/1 bytes). */
export type DataArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Every dtype name, for validation and messages. */
export const DTYPES: readonly DType[] = ["float32", "float64", "int32", "bool"];

/** Allocates zeroed storage of `size` elements for `dtype`. */
export function allocate(dtype: DType, size: number): DataArray {
  switch (dtype) {
    case "float32":
      return new Float32Array(size);
    case "float64":
      return new Float64Array(size);
    case "int32":
      return new Int32Array(size);
    case "bool":
      return new Uint8Array(size);
  }
}

/** The dtype whose storage is `values`' typed-array type. */
export function dtypeOfArray(values: DataArray): DType {
  if (values instanceof Float32Array) return "float32";
  if (values instanceof Float64Array) return "float64";
  if (values instanceof Int32Array) return "int32";
  return "bool";
}

/** True for the floating-point dtypes, the only ones that carry gradients. */
export function isFloat(dtype: DType): boolean {
  return dtype === "float32" || dtype === "float64";
}

/** Copies `values` into new storage of `dtype` (rounding, truncating toward zero for int32, ≠0 for bool). */
export function convert(values: ArrayLike<number>, dtype: DType): DataArray {
  const out = allocate(dtype, values.length);
  if (dtype === "bool") {
    for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) !== 0 ? 1 : 0;
  } else if (dtype === "int32") {
    for (let i = 0; i < values.length; i++) out[i] = Math.trunc(values[i] as number);
  } else {
    for (let i = 0; i < values.length; i++) out[i] = values[i] as number;
  }
  return out;
}
