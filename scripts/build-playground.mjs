// Builds the playground into playground/dist with Vite and reports the page's JavaScript size,
// gzipped, next to the gzipped size of TensorFlow.js's own minified browser bundle.
// Usage: node scripts/build-playground.mjs [--json]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = join(root, "playground", "vite.config.ts");
await build({ configFile: config, logLevel: "warn" });

const assets = join(root, "playground", "dist", "assets");
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
const files = js.map((f) => ({ file: `assets/${f}`, bytes: readFileSync(join(assets, f)).length, gzip: gz(join(assets, f)) }));
const total = files.reduce((s, f) => s + f.gzip, 0);
const tfjsFile = join(root, "node_modules", "@tensorflow", "tfjs", "dist", "tf.min.js");
const tfjs = existsSync(tfjsFile) ? gz(tfjsFile) : null;
const report = { files, jsGzip: total, tfjsMinGzip: tfjs, ratio: tfjs === null ? null : tfjs / total };
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(report));
} else {
  for (const f of files) console.log(`  ${f.file.padEnd(36)} ${(f.bytes / 1024).toFixed(1).padStart(7)} kB  gzip ${(f.gzip / 1024).toFixed(1).padStart(6)} kB`);
  console.log(`playground JavaScript, gzipped: ${(total / 1024).toFixed(1)} kB`);
  if (tfjs !== null) console.log(`@tensorflow/tfjs dist/tf.min.js, gzipped: ${(tfjs / 1024).toFixed(1)} kB (${(tfjs / total).toFixed(1)}× larger)`);
}
