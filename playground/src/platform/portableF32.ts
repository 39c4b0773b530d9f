// The playground's stand-in for src/kernels/portableF32.ts (swapped in by vite.config.ts). The
// library keeps two copies of its portable kernels that differ only in the declared storage type
// of X (portableF32.ts is portableF64.ts with one type line changed, so each hot loop stays
// monomorphic); their arithmetic is the same. The playground's problems (at most a few thousand
// points, precision "auto") are stored in float64, so this build ships one copy: portableF64.ts.
export * from "../../../src/kernels/portableF64.js";
