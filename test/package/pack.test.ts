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
    const version = execFileSync(join(app, "node_modules", ".bin", "logreg"), ["--version"], { encoding: "utf8" });
    assert.equal(version.trim(), VERSION);
    writeFileSync(
      join(app, "use.ts"),
      `import { VERSION } from "logreg";\nconst v: string = VERSION;\nconsole.log(v);\n`,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] },
        files: ["use.ts"],
      }),
    );
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", app], { cwd: app, stdio: "pipe" });
    writeFileSync(join(app, "use.mjs"), `import { VERSION } from "logreg"; console.log(VERSION);\n`);
    const printed = execFileSync(process.execPath, [join(app, "use.mjs")], { cwd: app, encoding: "utf8" });
    assert.equal(printed.trim(), VERSION);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
