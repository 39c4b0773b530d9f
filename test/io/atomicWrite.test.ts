// Atomic writes: the old file stays intact and no temporary file is left when anything fails;
// the CSV writer quotes class names so that they read back exactly.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { OutputFileError, parseCsv } from "../../src/index.js";
import { openCsvWriter, removePendingTempFiles, writeFileAtomic } from "../../src/io/node.js";

const root = join(import.meta.dirname, "..", "..");
let dir = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "logreg-io-write-"));
  chmodSync(dir, 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder holding `file` with `content`. */
function folder(name: string, content = "old content\n"): { d: string; file: string } {
  const d = join(dir, name);
  mkdirSync(d);
  const file = join(d, "out.txt");
  writeFileSync(file, content);
  return { d, file };
}

describe("writeFileAtomic", () => {
  test("creates, then replaces, leaving only the file", async () => {
    const d = join(dir, "plain");
    mkdirSync(d);
    const file = join(d, "m.json");
    await writeFileAtomic(file, "first\n");
    assert.equal(readFileSync(file, "utf8"), "first\n");
    await writeFileAtomic(file, new TextEncoder().encode("second\n"));
    assert.equal(readFileSync(file, "utf8"), "second\n");
    await writeFileAtomic(file, ["a", new TextEncoder().encode("b"), "c\n"]);
    assert.equal(readFileSync(file, "utf8"), "abc\n");
    assert.deepEqual(readdirSync(d), ["m.json"]);
  });
  test("a missing directory: a clear error, nothing created", async () => {
    const target = join(dir, "no-such-dir", "m.json");
    await assert.rejects(writeFileAtomic(target, "x"), (e: unknown) => e instanceof OutputFileError && /no-such-dir does not exist; create it first/.test(e.message));
    assert.equal(existsSync(join(dir, "no-such-dir")), false);
  });
  test("the target is a directory: error, the directory untouched", async () => {
    const { d } = folder("isdir");
    mkdirSync(join(d, "sub"));
    await assert.rejects(writeFileAtomic(join(d, "sub"), "x"), (e: unknown) => e instanceof OutputFileError && /is a directory/.test(e.message));
    assert.deepEqual(readdirSync(d).sort(), ["out.txt", "sub"]);
  });
  test("the content fails half-way: the old file is intact, no temporary file", async () => {
    const { d, file } = folder("midway");
    async function* pieces(): AsyncGenerator<string> {
      yield "new part 1\n".repeat(10000);
      throw new Error("disk went away");
    }
    await assert.rejects(writeFileAtomic(file, pieces()), /disk went away/);
    assert.equal(readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(readdirSync(d), ["out.txt"]);
  });
  test("the rename fails (a non-empty directory in the way appears): no temporary file left", async () => {
    const { d } = folder("rename");
    const target = join(d, "late");
    async function* pieces(): AsyncGenerator<string> {
      yield "data";
      mkdirSync(target);
      writeFileSync(join(target, "keep"), "k");
    }
    await assert.rejects(writeFileAtomic(target, pieces()), OutputFileError);
    assert.deepEqual(readdirSync(d).sort(), ["late", "out.txt"]);
    assert.deepEqual(readdirSync(target), ["keep"]);
  });
  test("a read-only directory: a clear error, the old file intact, no temporary file", () => {
    const { d, file } = folder("readonly");
    chmodSync(d, 0o555);
    // root ignores permissions, so the write runs as an unprivileged user when we are root
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const script = `import { writeFileAtomic } from ${JSON.stringify(join(root, "src", "io", "node.ts"))};
      writeFileAtomic(${JSON.stringify(file)}, "new").then(() => console.log("written"), (e) => console.log(e.name + ": " + e.message));`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", ...asUser });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /OutputFileError: .*permission denied: cannot write in .*readonly/);
    assert.equal(readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(readdirSync(d), ["out.txt"]);
    chmodSync(d, 0o755);
  });
  test("removePendingTempFiles during a write (as a Ctrl-C handler would): no debris, old file intact", async () => {
    const { d, file } = folder("interrupt");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* pieces(): AsyncGenerator<string> {
      yield "partial";
      await gate;
      yield "rest";
    }
    const writing = writeFileAtomic(file, pieces());
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(readdirSync(d).length, 2, "the temporary file exists while writing");
    removePendingTempFiles();
    assert.deepEqual(readdirSync(d), ["out.txt"]);
    release();
    await assert.rejects(writing, OutputFileError);
    assert.equal(readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(readdirSync(d), ["out.txt"]);
  });
  test("SIGINT in the middle of a write, handled with removePendingTempFiles", async () => {
    const { d, file } = folder("sigint");
    const script = `import { writeFileAtomic, removePendingTempFiles } from ${JSON.stringify(join(root, "src", "io", "node.ts"))};
      process.on("SIGINT", () => { removePendingTempFiles(); process.exit(130); });
      async function* forever() { for (;;) { yield "x".repeat(1000); await new Promise((r) => setTimeout(r, 5)); } }
      writeFileAtomic(${JSON.stringify(file)}, forever());
      setTimeout(() => console.log("writing"), 100);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    assert.equal(readdirSync(d).length, 2, "the temporary file exists while writing");
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    assert.equal(code, 130);
    assert.equal(readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(readdirSync(d), ["out.txt"]);
  });
});

describe("openCsvWriter", () => {
  const awkward = ["plain", "a,b", 'say "hi"', "two\nlines", "#hash", " padded", "", "é", "1"];
  test("class names are quoted as needed and read back exactly; probabilities keep full precision", async () => {
    const { d, file } = folder("csvout");
    const w = await openCsvWriter(file, ["prediction", "p"]);
    const probs = awkward.map((_, i) => Math.exp(-i * 1.37) / 3);
    await w.write(awkward.map((c, i) => [c === "" ? "(empty)" : c, probs[i]!]));
    await w.close();
    const back = parseCsv(readFileSync(file), { target: 0 });
    assert.deepEqual(back.y, awkward.map((c) => (c === "" ? "(empty)" : c)));
    assert.deepEqual(Array.from(back.X), probs);
    assert.deepEqual(readdirSync(d), ["out.txt"]);
  });
  test("many rows stream through in order", async () => {
    const { file } = folder("csvmany");
    const w = await openCsvWriter(file, ["x", "label"]);
    for (let b = 0; b < 20; b++) await w.write(Array.from({ length: 5000 }, (_, i) => [b * 5000 + i, `c${i % 3}`]));
    await w.close();
    const back = parseCsv(readFileSync(file));
    assert.equal(back.n, 100_000);
    for (let i = 0; i < back.n; i += 777) assert.equal(back.X[i], i);
  });
  test("abort leaves the previous file and no temporary file", async () => {
    const { d, file } = folder("csvabort");
    const w = await openCsvWriter(file, ["prediction"]);
    await w.write(Array.from({ length: 100_000 }, (_, i) => [i]));
    await w.abort();
    assert.equal(readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(readdirSync(d), ["out.txt"]);
  });
  test("a missing directory fails at open", async () => {
    await assert.rejects(openCsvWriter(join(dir, "nowhere", "p.csv"), ["prediction"]), /does not exist/);
  });
  test("to a stream", async () => {
    const s = new PassThrough();
    const chunks: Buffer[] = [];
    s.on("data", (c: Buffer) => chunks.push(c));
    const w = await openCsvWriter(s, ["setosa", "versi,color"]);
    await w.write([[0.25, 0.75]]);
    await w.close();
    assert.equal(Buffer.concat(chunks).toString(), 'setosa,"versi,color"\n0.25,0.75\n');
  });
  test("non-finite numbers are refused", async () => {
    const { file } = folder("csvnan");
    const w = await openCsvWriter(file, ["p"]);
    await assert.rejects(w.write([[Number.NaN]]), /finite/);
    await w.abort();
    assert.equal(readFileSync(file, "utf8"), "old content\n");
  });
});

describe("unreadable input", () => {
  test("a CSV file without read permission", () => {
    const d = join(dir, "noread");
    mkdirSync(d);
    const file = join(d, "secret.csv");
    writeFileSync(file, "a,b\n1,2\n");
    chmodSync(file, 0o000);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const script = `import { readCsvFile } from ${JSON.stringify(join(root, "src", "io", "node.ts"))};
      readCsvFile(${JSON.stringify(file)}).then(() => console.log("read"), (e) => console.log(e.name + ": " + e.message));`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", ...asUser });
    assert.match(r.stdout, /CsvError: .*secret\.csv: permission denied/);
  });
});
