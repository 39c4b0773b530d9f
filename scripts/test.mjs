// Runs every test/**/*.test.ts file with node's test runner (Node 20 does not expand globs itself).
// Usage: node scripts/test.mjs [substring filters...]
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}
const filters = process.argv.slice(2);
const files = walk(join(root, "test"))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error("error: no test files matched");
  process.exit(1);
}
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", ...files], { stdio: "inherit", cwd: root });
process.exit(res.status ?? 1);
