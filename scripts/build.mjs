// Builds the package into dist/: compiles the library and CLI with TypeScript (JS + .d.ts),
// bundles the lab examples (they import the library as "../src/index.js", which becomes
// "../index.js" inside dist/examples) with their data, and marks the CLI executable.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit", cwd: root });

const examples = join(root, "examples");
if (existsSync(examples)) {
  const entries = readdirSync(examples)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(examples, f));
  if (entries.length > 0) {
    await build({
      entryPoints: entries,
      outdir: join(dist, "examples"),
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "warning",
      plugins: [
        {
          name: "library-from-dist",
          setup(b) {
            b.onResolve({ filter: /(^|\/)src\/index\.js$/ }, () => ({ path: "../index.js", external: true }));
          },
        },
      ],
    });
  }
  if (existsSync(join(examples, "data"))) cpSync(join(examples, "data"), join(dist, "examples", "data"), { recursive: true });
}

const cli = join(dist, "cli", "main.js");
if (existsSync(cli)) chmodSync(cli, 0o755);
