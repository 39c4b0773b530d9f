// Vite configuration of the playground: a static page in playground/dist, the library bundled
// from ../src (no CDN, works offline), the training worker as an ES module.
//
// The page leaves out the library's embedded WebAssembly SIMD binaries (two base64 strings,
// about 40 kB): the library only uses them for float32 design matrices, and the plane's
// problems (at most a few thousand points) are fitted in float64 by the portable kernels,
// which is what the library chooses for them anyway. Without the binaries the runtime reports
// WebAssembly SIMD as unavailable and the portable kernels run, exactly as on a platform
// without SIMD. Set PLAYGROUND_WASM=1 to keep them.
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const keepWasm = process.env["PLAYGROUND_WASM"] === "1";

function omitWasmBinaries(): Plugin {
  return {
    name: "logreg-playground-omit-wasm-binaries",
    enforce: "pre",
    transform(code, id) {
      if (keepWasm || !id.replace(/\\/g, "/").endsWith("/src/kernels/wasm/module.generated.ts")) return null;
      const out = code.replace(/= "[A-Za-z0-9+/=]{1000,}";/g, '= "";');
      if (out === code) this.error("playground: expected base64 WebAssembly binaries in module.generated.ts; its format changed — update playground/vite.config.ts");
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  logLevel: "warn",
  plugins: [omitWasmBinaries()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    // The library's modules have no side effects that matter when their exports go unused (an op
    // registers its name when its module loads, but only the op's own function uses that
    // registration), so modules the page does not use are dropped.
    rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]/.test(id) || /[\\/]playground[\\/]/.test(id) } },
  },
  worker: {
    format: "es",
    plugins: () => [omitWasmBinaries()],
    rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]/.test(id) || /[\\/]playground[\\/]/.test(id) } },
  },
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
});
