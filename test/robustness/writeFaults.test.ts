// Faults while writing, through the built command: a missing or read-only directory, a full disk
// (a small tmpfs when this machine lets us mount one, and always an injected failing write), special
// files as the output (a device, a FIFO, a symbolic link), and Ctrl-C (SIGINT/SIGTERM) in the middle
// of `train` and of a long `predict --out`. Every time the previous file stays intact byte for byte
// and no temporary file is left behind.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, createReadStream, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateModelFile } from "../../src/index.js";
import { assertInputError, cli, corpus, fingerprint, logreg, tempDir, tempLeftovers, type RunResult } from "./helpers.js";

const trainCsv = join(corpus, "valid", "train.csv");
const validModel = join(corpus, "model", "valid.json");
const isRoot = process.getuid?.() === 0;
const tmp = tempDir();
after(() => tmp.cleanup());

/** A big training file: long enough to read and fit that a signal lands in the middle of the work. */
function bigCsv(path: string, n: number, d = 10): void {
  let s = 1;
  const r = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const lines: string[] = [[...Array(d).keys()].map((j) => `f${j}`).join(",") + ",y"];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = r() * 2 - 1;
      row.push(v.toFixed(4));
      z += (v * (j + 1)) / d;
    }
    row.push(z + r() - 0.5 > 0 ? "1" : "0");
    lines.push(row.join(","));
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

/** Runs the command with a preloaded module that makes every file write fail with ENOSPC after `afterBytes` bytes. */
function withFailingWrites(args: readonly string[], afterBytes: number): RunResult {
  const preload = join(tmp.dir, "enospc.mjs");
  writeFileSync(
    preload,
    `import { open } from "node:fs/promises";
const fh = await open(${JSON.stringify(trainCsv)}, "r");
const proto = Object.getPrototypeOf(fh);
await fh.close();
let written = 0;
const fail = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
for (const name of ["write", "writeFile", "writev"]) {
  const original = proto[name];
  proto[name] = async function (data, ...rest) {
    const size = typeof data === "string" ? Buffer.byteLength(data) : Array.isArray(data) ? data.reduce((s, b) => s + b.length, 0) : (data?.length ?? 0);
    if (written + size > ${afterBytes}) {
      const room = ${afterBytes} - written;
      if (room > 0 && typeof data !== "string" && !Array.isArray(data)) { written += room; await original.call(this, data.subarray(0, room)); }
      throw fail();
    }
    written += size;
    return original.call(this, data, ...rest);
  };
}
`,
  );
  const r = spawnSync(process.execPath, ["--import", preload, cli, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Mounts a tmpfs of `size` at `dir` (root only; false when not allowed here). */
function mountTmpfs(dir: string, size: string): boolean {
  if (!isRoot) return false;
  mkdirSync(dir, { recursive: true });
  return spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]).status === 0;
}
const unmount = (dir: string): void => void spawnSync("umount", [dir]);

describe("the output directory is missing, not a directory, or read-only", () => {
  test("missing directory, a path through a regular file, a path in /proc: exit 2, nothing created", () => {
    const d = join(tmp.dir, "paths");
    mkdirSync(d);
    copyFileSync(validModel, join(d, "model.json"));
    const before = fingerprint(d);
    assertInputError(logreg(["train", trainCsv, "--out", join(d, "missing", "m.json")]), /missing\/m\.json: the directory .*missing does not exist; create it first/);
    assertInputError(logreg(["train", trainCsv, "--out", join(d, "model.json", "m.json")]), /model\.json\/m\.json: .*model\.json is not a directory/);
    assertInputError(logreg(["predict", validModel, trainCsv, "--out", "/proc/logreg-pred.csv"]), /\/proc\/logreg-pred\.csv: /);
    assert.equal(fingerprint(d), before);
  });

  test("a read-only directory (a read-only tmpfs as root, chmod 0555 otherwise): exit 2, the old model intact, no temporary file", (t) => {
    const d = join(tmp.dir, "ro");
    let readOnly: () => void;
    let cleanup = (): void => undefined;
    if (isRoot) {
      // root ignores permission bits: a tmpfs remounted read-only really refuses writes
      if (!mountTmpfs(d, "256k")) return void t.skip("cannot mount a tmpfs here (and root ignores chmod)");
      readOnly = () => assert.equal(spawnSync("mount", ["-o", "remount,ro", d]).status, 0);
      cleanup = () => unmount(d);
    } else {
      mkdirSync(d);
      readOnly = () => spawnSync("chmod", ["0555", d]);
      cleanup = () => void spawnSync("chmod", ["0755", d]);
    }
    try {
      copyFileSync(validModel, join(d, "model.json"));
      writeFileSync(join(d, "pred.csv"), "prediction\nprevious\n");
      readOnly();
      const before = fingerprint(d);
      assertInputError(logreg(["train", trainCsv, "--out", join(d, "model.json"), "--C", "0.5"]), /model\.json: .*(read-only file system|permission denied)/);
      assertInputError(logreg(["predict", validModel, trainCsv, "--out", join(d, "pred.csv")]), /pred\.csv: .*(read-only file system|permission denied)/);
      assertInputError(logreg(["plot", validModel, trainCsv, "--out", join(d, "new.svg")]), /new\.svg: .*(read-only file system|permission denied)/);
      assert.equal(fingerprint(d), before, "nothing changed, no temporary file");
    } finally {
      cleanup();
    }
  });
});

describe("the disk fills up", () => {
  test("a full tmpfs: train, predict and plot fail with exit 2, the old files intact, no temporary file", (t) => {
    const d = join(tmp.dir, "full");
    if (!mountTmpfs(d, "64k")) return void t.skip("cannot mount a tmpfs here (the injected failing write below covers the same path)");
    try {
      copyFileSync(validModel, join(d, "model.json"));
      writeFileSync(join(d, "pred.csv"), "prediction\nprevious\n");
      // fill every remaining byte
      const r = spawnSync("dd", ["if=/dev/zero", `of=${join(d, "filler")}`, "bs=4096"], { encoding: "utf8" });
      assert.match(r.stderr, /No space left/);
      const before = fingerprint(d);
      assertInputError(logreg(["train", trainCsv, "--out", join(d, "model.json"), "--C", "0.5"]), /model\.json: no space left on the device/);
      assertInputError(logreg(["predict", validModel, trainCsv, "--proba", "--out", join(d, "pred.csv")]), /pred\.csv: no space left on the device/);
      assertInputError(logreg(["plot", validModel, trainCsv, "--out", join(d, "boundary.svg")]), /boundary\.svg: no space left on the device/);
      assert.equal(fingerprint(d), before, "nothing changed, no temporary file");
    } finally {
      unmount(d);
    }
  });

  test("an injected ENOSPC after part of the file is written: exit 2, the old files intact, no temporary file", () => {
    const d = join(tmp.dir, "inject");
    mkdirSync(d);
    copyFileSync(validModel, join(d, "model.json"));
    writeFileSync(join(d, "pred.csv"), "prediction\nprevious\n");
    const before = fingerprint(d);
    for (const afterBytes of [0, 100, 1000]) {
      assertInputError(withFailingWrites(["train", trainCsv, "--out", join(d, "model.json"), "--C", "0.5"], afterBytes), /model\.json: no space left on the device/);
      assertInputError(withFailingWrites(["predict", validModel, trainCsv, "--proba", "--out", join(d, "pred.csv")], afterBytes), /pred\.csv: no space left on the device/);
    }
    assert.equal(fingerprint(d), before, "nothing changed, no temporary file");
  });
});

describe("special files as the output", () => {
  test("a symbolic link: the file it points to is replaced, the link stays a link", () => {
    const d = join(tmp.dir, "link");
    mkdirSync(d);
    copyFileSync(validModel, join(d, "real.json"));
    symlinkSync("real.json", join(d, "model.json"));
    const r = logreg(["train", trainCsv, "--out", join(d, "model.json"), "--C", "0.5", "--quiet"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(d, "model.json")).isSymbolicLink());
    assert.equal(readlinkSync(join(d, "model.json")), "real.json");
    assert.notEqual(readFileSync(join(d, "real.json"), "utf8"), readFileSync(validModel, "utf8"));
    assert.equal(JSON.parse(readFileSync(join(d, "real.json"), "utf8")).estimator.options.C, 0.5);
  });

  test("a device is written into, never replaced: a private copy of /dev/full (disk full) and /dev/null", (t) => {
    const d = join(tmp.dir, "dev");
    mkdirSync(d);
    // private device nodes: if this ever regressed, a real /dev entry would not be the one replaced
    if (spawnSync("mknod", ["-m", "666", join(d, "full"), "c", "1", "7"]).status !== 0) return void t.skip("mknod is not allowed here");
    spawnSync("mknod", ["-m", "666", join(d, "null"), "c", "1", "3"]);
    assertInputError(logreg(["train", trainCsv, "--out", join(d, "full")]), /full: no space left on the device/);
    assertInputError(logreg(["predict", validModel, trainCsv, "--out", join(d, "full")]), /full: no space left on the device/);
    assert.ok(statSync(join(d, "full")).isCharacterDevice(), "still a device");
    assert.equal(logreg(["train", trainCsv, "--out", join(d, "null"), "--quiet"]).code, 0);
    assert.equal(logreg(["predict", validModel, trainCsv, "--out", join(d, "null")]).code, 0);
    assert.ok(statSync(join(d, "null")).isCharacterDevice(), "still a device");
    assert.equal(fingerprint(d), "full device\nnull device", "no regular file (temporary or other) appeared");
  });

  test("a FIFO (and /dev/stdout): predictions stream into it, and it stays a FIFO", async (t) => {
    const d = join(tmp.dir, "fifo");
    mkdirSync(d);
    const fifo = join(d, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return void t.skip("mkfifo is not available");
    const child = spawn(process.execPath, [cli, "predict", validModel, trainCsv, "--out", fifo], { stdio: "ignore" });
    let got = "";
    for await (const chunk of createReadStream(fifo, "utf8")) got += String(chunk);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 0);
    const plain = logreg(["predict", validModel, trainCsv]);
    assert.equal(got, plain.stdout);
    assert.ok(statSync(fifo).isFIFO());
    // `--out /dev/stdout | …` in a shell: the pipe is written into (Node's own child pipes are sockets, which /proc cannot reopen)
    const q = (a: string): string => `'${a.replaceAll("'", "'\\''")}'`;
    const sh = spawnSync("sh", ["-c", `${q(process.execPath)} ${q(cli)} predict ${q(validModel)} ${q(trainCsv)} --out /dev/stdout | cat`], { encoding: "utf8" });
    assert.equal(sh.status, 0, sh.stderr);
    assert.equal(sh.stderr, "");
    assert.equal(sh.stdout, plain.stdout);
    assert.ok(lstatSync("/dev/stdout").isSymbolicLink() || statSync("/dev/stdout").isCharacterDevice());
  });
});

describe("Ctrl-C in the middle of the work", () => {
  const d = join(tmp.dir, "sigint");
  const big = join(d, "big.csv");
  const side = join(tmp.dir, "side.json");
  before(() => {
    mkdirSync(d);
    bigCsv(big, 120_000);
    // a model for big.csv's columns, kept outside the watched directory
    assert.equal(logreg(["train", big, "--out", side, "--quiet", "--max-iter", "3"]).code, 0);
    copyFileSync(validModel, join(d, "model.json"));
    writeFileSync(join(d, "pred.csv"), "prediction\nprevious\n");
  });

  /** Starts the command, sends `signal` after `ms` (or, for "writing", as soon as its temporary output file exists), and waits for it to end. */
  function interrupt(args: readonly string[], ms: number | "writing", signal: NodeJS.Signals): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
      child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
      const timer =
        ms === "writing"
          ? setInterval(() => {
              if (tempLeftovers(d).length > 0) {
                clearInterval(timer);
                child.kill(signal);
              }
            }, 5)
          : setTimeout(() => child.kill(signal), ms);
      child.on("error", reject);
      child.on("close", (code, sig) => {
        clearTimeout(timer);
        clearInterval(timer);
        resolve({ code, signal: sig, stdout, stderr });
      });
    });
  }

  test("SIGINT / SIGTERM during train and during a long predict --out: the old files intact byte for byte, no temporary file", async () => {
    const before = fingerprint(d);
    let interrupted = 0;
    const runs: [string[], number | "writing", NodeJS.Signals][] = [
      [["train", big, "--out", join(d, "model.json"), "--quiet"], 150, "SIGINT"],
      [["train", big, "--out", join(d, "model.json"), "--quiet", "--solver", "sgd", "--max-iter", "200"], 1500, "SIGINT"],
      [["train", big, "--out", join(d, "model.json"), "--quiet"], 900, "SIGTERM"],
      [["predict", side, big, "--proba", "--out", join(d, "pred.csv")], "writing", "SIGINT"],
    ];
    for (const [args, ms, signal] of runs) {
      const r = await interrupt(args, ms, signal);
      const stopped = r.signal === signal || r.code === 130 || r.code === 143;
      if (stopped) interrupted++;
      else assert.equal(r.code, 0, `${args[0]} ended neither by the signal nor normally: ${r.code} ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /internal fault|\n\s+at /);
      if (stopped && fingerprint(d) !== before && args[0] === "train") {
        // The signal can land after the atomic rename (the new model complete) and before the
        // process exits: then the file must be a complete, valid model, and nothing else changed.
        assert.deepEqual(tempLeftovers(d), [], "no temporary file left");
        validateModelFile(JSON.parse(readFileSync(join(d, "model.json"), "utf8")), "model.json");
        copyFileSync(validModel, join(d, "model.json"));
      }
      if (stopped) assert.equal(fingerprint(d), before, `${args.join(" ")} after ${ms} ms: the old files changed or debris left`);
      else copyFileSync(validModel, join(d, "model.json")); // it finished first: restore for the next run
      if (!stopped) writeFileSync(join(d, "pred.csv"), "prediction\nprevious\n");
    }
    assert.ok(interrupted >= 2, `only ${interrupted} of ${runs.length} runs were interrupted before they finished`);
    // the predict run was interrupted while its temporary file was being written: its handler removed it
    const mid = await interrupt(["predict", side, big, "--out", join(d, "pred.csv")], "writing", "SIGINT");
    assert.equal(mid.code, 130, `interrupted while writing: ${mid.code} ${mid.signal} ${mid.stderr}`);
    assert.match(mid.stderr, /^error: interrupted \(SIGINT\); no output file was written or changed\n$/);
    assert.equal(fingerprint(d), before, "the old files intact, no temporary file");
  });
});
