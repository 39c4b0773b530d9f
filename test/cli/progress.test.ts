// The progress bar: drawn on stderr only when it is a terminal (run under `script` for a pseudo-terminal),
// never when piped or with --quiet. LOGREG_PROGRESS_DELAY_MS=0 shows it at once instead of after a second.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cli, data, logreg } from "./run.js";

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

function inTerminal(args: string[]): string {
  const command = [process.execPath, cli, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, LOGREG_PROGRESS_DELAY_MS: "0" }, timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test("a terminal shows the bar (then clears it); --quiet shows none", { skip: hasScript ? false : "the `script` command (util-linux) is not installed" }, () => {
  const tty = inTerminal(["train", data("breast_cancer.csv"), "--max-iter", "50", "--json"]);
  assert.match(tty, /\rfitting \[#*\.*\] \d+\/50 +objective \d/);
  assert.match(tty, /\r\x1b\[K\{/, "the bar is erased before the output");
  const quiet = inTerminal(["train", data("breast_cancer.csv"), "--max-iter", "50", "--json", "--quiet"]);
  assert.doesNotMatch(quiet, /fitting|\x1b\[K/);
  const folds = inTerminal(["cv", data("iris.csv"), "--folds", "3", "--json"]);
  assert.match(folds, /\rfold 1\/3 iteration \d+ +objective/);
});

test("piped stderr gets no bar, even when the fit is long enough", () => {
  const r = logreg(["train", data("breast_cancer.csv"), "--json"], { env: { ...process.env, LOGREG_PROGRESS_DELAY_MS: "0" } });
  assert.equal(r.code, 0);
  assert.equal(r.stderr, "");
});
