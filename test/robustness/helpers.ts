// Shared by the robustness tests: run the BUILT command as a child process, check the one-line error
// contract, and fingerprint directories byte for byte (to show that a failed command changed nothing).
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

/** The repository root. */
export const root = join(import.meta.dirname, "..", "..");
/** The adversarial corpus committed in the repository. */
export const corpus = join(root, "test", "corpus");
/** The shared data sets (beside the repository). */
export const dataDir = join(root, "..", "shared", "data");
/** The built command (LOGREG_CLI may point at another build of it). */
export const cli = process.env["LOGREG_CLI"] ?? join(root, "dist", "cli", "main.js");

/** What a run printed and returned. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `logreg ...args` and waits for it. */
export function logreg(args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 28, timeout: 120_000, ...options });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs `logreg ...args` without blocking. */
export function logregAsync(args: readonly string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs several invocations, `parallel` at a time; results in the order given. */
export async function logregMany(runs: readonly (readonly string[])[], parallel = 2, cwd?: string): Promise<RunResult[]> {
  const results = new Array<RunResult>(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      results[i] = await logregAsync(runs[i]!, cwd);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, runs.length) }, worker));
  return results;
}

/** A fresh temporary directory and its remover. */
export function tempDir(prefix = "logreg-robust-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The input-error contract: exit code 2, exactly one line on stderr that starts with "error: " and
 * matches `pattern`, no stack trace, no "internal fault", nothing on stdout. Returns the line.
 */
export function assertInputError(r: RunResult, pattern: RegExp, what = ""): string {
  const ctx = `${what}\nstderr: ${r.stderr}`;
  assert.equal(r.code, 2, `exit code 2 expected, got ${r.code} (${r.signal ?? "no signal"}) ${ctx}`);
  assert.ok(r.stderr.endsWith("\n"), `stderr ends with a newline ${ctx}`);
  const lines = r.stderr.slice(0, -1).split("\n");
  assert.equal(lines.length, 1, `exactly one stderr line expected ${ctx}`);
  const line = lines[0]!;
  assert.match(line, /^error: \S/, ctx);
  assert.doesNotMatch(line, /internal fault/, ctx);
  assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+\)?$/m, `no stack trace ${ctx}`);
  assert.match(line, pattern, ctx);
  assert.equal(r.stdout, "", `nothing on stdout ${ctx}`);
  return line;
}

/** Every regular file under `dir` (recursively) with the SHA-256 of its bytes, and the kind of any other entry, sorted: equal fingerprints = nothing created, removed or changed. */
export function fingerprint(dir: string): string {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel === "" ? name : `${rel}/${name}`;
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p, r);
      else if (st.isFile()) out.push(`${r} ${createHash("sha256").update(readFileSync(p)).digest("hex")}`);
      else out.push(`${r} ${st.isSymbolicLink() ? "symlink" : st.isCharacterDevice() ? "device" : st.isFIFO() ? "fifo" : "special"}`); // never read a device
    }
  };
  walk(dir, "");
  return out.join("\n");
}

/** Names in `dir` that look like leftovers of an atomic write (".name.pid.hex.tmp"). */
export function tempLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.startsWith("."));
}
