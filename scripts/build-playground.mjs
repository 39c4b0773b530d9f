// Builds the playground into playground/dist with Vite and reports its size, gzipped: the
// JavaScript (the one script, which the page loads and its training worker runs), and every file
// the page loads (HTML + CSS + JavaScript), next to the gzipped size of TensorFlow.js's own
// minified browser bundle.
// Usage: node scripts/build-playground.mjs [--json]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = join(root, "playground", "vite.config.ts");
await build({ configFile: config, logLevel: "warn" });

const dist = join(root, "playground", "dist");
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const measure = (file) => ({ file, bytes: readFileSync(join(dist, file)).length, gzip: gz(join(dist, file)) });
const all = ["index.html", ...readdirSync(join(dist, "assets")).sort().map((f) => `assets/${f}`)].map(measure);
const files = all.filter((f) => f.file.endsWith(".js"));
const otherFiles = all.filter((f) => !f.file.endsWith(".js"));
const sum = (list) => list.reduce((s, f) => s + f.gzip, 0);
const total = sum(files);
const tfjsFile = join(root, "node_modules", "@tensorflow", "tfjs", "dist", "tf.min.js");
const tfjs = existsSync(tfjsFile) ? gz(tfjsFile) : null;
const report = { files, otherFiles, jsGzip: total, allGzip: sum(all), tfjsMinGzip: tfjs, ratio: tfjs === null ? null : tfjs / total };
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(report));
} else {
  const kB = (n) => (n / 1024).toFixed(1);
  for (const f of all) console.log(`  ${f.file.padEnd(36)} ${kB(f.bytes).padStart(7)} kB  gzip ${kB(f.gzip).padStart(6)} kB`);
  console.log(`playground JavaScript gz: ${kB(total)} kB (page and training worker run the same script)`);
  console.log(`playground all files gz:  ${kB(report.allGzip)} kB (HTML + CSS + JavaScript)`);
  if (tfjs !== null) console.log(`@tensorflow/tfjs dist/tf.min.js gz: ${kB(tfjs)} kB (${(tfjs / total).toFixed(1)}× the playground's JavaScript, ${(tfjs / report.allGzip).toFixed(1)}× all its files)`);
}
