// The committed WebAssembly binaries (src/kernels/wasm/module.generated.ts) are what the
// AssemblyScript source compiles to today: the build script recompiles and compares.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

test("the embedded WASM kernels are up to date with assembly/kernels.ts", () => {
  const res = spawnSync(process.execPath, [join(root, "scripts", "build-wasm.mjs"), "--check"], { cwd: root, encoding: "utf8", timeout: 120000 });
  assert.equal(res.status, 0, `${res.stdout}${res.stderr}`);
  assert.match(res.stdout, /up to date/);
});
