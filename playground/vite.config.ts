// Vite configuration of the playground: a static page in playground/dist, the library bundled
// from ../src (no CDN, works offline) into one ES module script, which the page loads and its
// training worker runs too (src/main.ts starts whichever it is in).
//
// The script holds the library as it runs on a platform without WebAssembly SIMD, and without the
// estimator solvers the page never calls. A few library modules are swapped for the playground's
// stand-ins in src/platform/ (each file says what it replaces and why):
// - kernels/registry.ts → the portable kernels, as the registry picks them without WebAssembly
//   SIMD: the plane's problems (at most a few thousand points) are stored in float64, which the
//   library always fits with the portable kernels anyway;
// - kernels/wasm/runtime.ts → no runtime, as without WebAssembly SIMD: the library's design
//   matrices are then ordinary Float32Arrays; with these two, no WebAssembly runtime, binary or
//   worker pool is bundled;
// - kernels/portableF32.ts → portableF64.ts: the same kernels (the library's float32 copy differs
//   only in a type declaration, to keep its loops monomorphic); the page's data is float64;
// - tensor/format.ts → a flat list of the values after the same header: the playground never
//   prints a tensor (Tensor.toString is all that uses the module);
// - linear/sgd.ts, adam.ts, owlqn.ts → a module that throws: the page fits only lbfgs and newton
//   with the estimator (sgd and adam run the lab's loop on the eager core's optimizers, and the
//   l2/none penalties never resolve to owlqn), so those solvers and the Dataset behind them stay out.
// Set PLAYGROUND_FULL_LIBRARY=1 to bundle the library unchanged.
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const fullLibrary = process.env["PLAYGROUND_FULL_LIBRARY"] === "1";

/** Library module (path from the repository root) → the stand-in that replaces it (path from playground/src). */
const STAND_INS: Record<string, string> = {
  "src/kernels/registry.ts": "platform/registry.ts",
  "src/kernels/wasm/runtime.ts": "platform/runtime.ts",
  "src/kernels/portableF32.ts": "platform/portableF32.ts",
  "src/tensor/format.ts": "platform/format.ts",
  "src/linear/sgd.ts": "platform/unusedSolvers.ts",
  "src/linear/adam.ts": "platform/unusedSolvers.ts",
  "src/linear/owlqn.ts": "platform/unusedSolvers.ts",
};

function standIns(): Plugin {
  const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\\/g, "/");
  const table = new Map(Object.entries(STAND_INS).map(([lib, sub]) => [root + lib, fileURLToPath(new URL(`src/${sub}`, import.meta.url))]));
  return {
    name: "logreg-playground-stand-ins",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (fullLibrary || importer === undefined || !source.startsWith(".")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved === null ? null : (table.get(resolved.id.replace(/\\/g, "/")) ?? null);
    },
  };
}

/** Library modules are side-effect free: what the page does not use is left out. */
const treeshake = { moduleSideEffects: (id: string) => !/[\\/]src[\\/]/.test(id) || /[\\/]playground[\\/]/.test(id) };

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  logLevel: "warn",
  plugins: [standIns()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    // The library's modules have no side effects that matter when their exports go unused (an op
    // registers its name when its module loads, but only the op's own function uses that
    // registration), so modules the page does not use are dropped.
    rollupOptions: { treeshake },
  },
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
});
