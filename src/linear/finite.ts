// A fast scan for the first NaN or infinity in a typed array (one monomorphic loop per array type:
// the validation of a large X in place then costs about a memory pass, not a generic element loop).

function scan32(a: Float32Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}

function scan64(a: Float64Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v - v !== 0) return k;
  }
  return -1;
}

/** Index of the first NaN or ±Infinity in a, or −1 when every entry is finite. */
export function firstNonFinite(a: Float32Array | Float64Array): number {
  return a instanceof Float32Array ? scan32(a) : scan64(a);
}
