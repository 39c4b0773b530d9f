// Runs the BUILT command (`node dist/cli/main.js`) as a child process, the way a user does.
import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

/** The repository root. */
export const root = join(import.meta.dirname, "..", "..");
/** The shared data sets (beside the repository). */
export const dataDir = join(root, "..", "shared", "data");
/** The built command. */
export const cli = join(root, "dist", "cli", "main.js");

/** What a run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `logreg ...args` and waits for it. */
export function logreg(args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 28, timeout: 120_000, ...options });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = "logreg-cli-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A data set path. */
export function data(name: string): string {
  return join(dataDir, name);
}

/** Asserts an input/usage error: exit code 2, exactly one stderr line starting "error: " matching `pattern`, no stack, nothing on stdout. */
export function assertInputError(r: RunResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code 2 expected, got ${r.code}; stderr: ${r.stderr}`);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  assert.equal(lines.length, 1, `one stderr line expected, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.equal(r.stdout, "", "nothing on stdout");
}

/** A listing of a directory with sizes and modification times (to show that nothing changed). */
export function snapshot(dir: string): string {
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join("\n");
}

/** Runs `logreg ...args` without blocking, so that independent runs can overlap. */
export function logregAsync(args: readonly string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs several invocations, at most `parallel` at a time; results in the order given. */
export async function logregMany(runs: readonly (readonly string[])[], parallel = 3): Promise<RunResult[]> {
  const results: RunResult[] = new Array<RunResult>(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      results[i] = await logregAsync(runs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, runs.length) }, worker));
  return results;
}
