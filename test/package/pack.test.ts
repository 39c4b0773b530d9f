// The package as users get it: `npm pack`, installed into an empty folder, gives a working
// `logreg` command and a typed `import { … } from "logreg"`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERSION } from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");

test("package.json version equals VERSION", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  assert.equal(pkg.version, VERSION);
});

test("npm pack installs into an empty folder with a CLI and typed imports", { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "logreg-pack-"));
  try {
    const out = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], {
      cwd: root,
      encoding: "utf8",
    });
    const tgz = join(work, out.trim().split("\n").pop()!.trim());
    assert.ok(existsSync(tgz), `npm pack produced ${tgz}`);
    const app = join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tgz], { cwd: app, stdio: "pipe" });
    const bin = join(app, "node_modules", ".bin", "logreg");
    const version = execFileSync(bin, ["--version"], { encoding: "utf8" });
    assert.equal(version.trim(), VERSION);
    // The installed command runs the lab end to end on its bundled data.
    const demoOut = join(work, "demo");
    const demo = execFileSync(bin, ["demo", "--out", demoOut], { encoding: "utf8", cwd: app });
    assert.match(demo, /Iter: 1000, Loss: 0\.414\d/);
    assert.match(demo, /Testset Accuracy: 1\.0000/);
    assert.match(readFileSync(join(demoOut, "lab05.svg"), "utf8"), /^<svg|<\?xml/);
    writeFileSync(
      join(app, "use.ts"),
      [
        `import { VERSION, LogisticRegression, tensor, type Tensor } from "logreg";`,
        `import { readCsvFile } from "logreg/node";`,
        `const v: string = VERSION;`,
        `const m = new LogisticRegression({ C: 1 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);`,
        `const p: number[][] = m.predictProba([[1.5]]);`,
        `const t: Tensor = tensor([1, 2]);`,
        `const r: typeof readCsvFile = readCsvFile;`,
        `console.log(v, p, t.shape, typeof r);`,
      ].join("\n") + "\n",
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [join(root, "node_modules", "@types")] },
        files: ["use.ts"],
      }),
    );
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", app], { cwd: app, stdio: "pipe" });
    writeFileSync(
      join(app, "use.mjs"),
      `import { VERSION, LogisticRegression } from "logreg";\n` +
        `const m = new LogisticRegression({ C: 1 }).fit([[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]], [0, 0, 0, 1, 1, 1]);\n` +
        `console.log(VERSION, JSON.stringify(m.coef));\n`,
    );
    const printed = execFileSync(process.execPath, [join(app, "use.mjs")], { cwd: app, encoding: "utf8" });
    const [v, coefJson] = printed.trim().split(" ");
    assert.equal(v, VERSION);
    // scikit-learn's optimum for the lab's toy data, L2, C = 1 (sklearn.json "toy_l2_C1")
    const coef = JSON.parse(coefJson!) as number[][];
    assert.ok(Math.abs(coef[0]![0]! - 1.0867126877673732) < 1e-6 && Math.abs(coef[0]![1]! - 0.45797372373699274) < 1e-6, printed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
