// Helpers of the playground's browser tests: build the page, serve playground/dist on a
// localhost port, and launch Debian's Chromium through playwright-core (never a downloaded build).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** The repository root. */
export const ROOT = join(import.meta.dirname, "..", "..");
/** Where `npm run build:playground` writes the page. */
export const DIST = join(ROOT, "playground", "dist");
/** Debian's chromium package installs the browser here. */
export const CHROMIUM = "/usr/bin/chromium";

/** One built file (path relative to playground/dist) with its size and gzipped size in bytes. */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * What the build reports: the JS files and their gzipped total, the other files (HTML, CSS), the
 * gzipped total of every file, and tfjs's minified bundle gzipped (ratio = tfjs / JS total).
 */
export interface BuildReport {
  files: BuiltFile[];
  otherFiles: BuiltFile[];
  jsGzip: number;
  allGzip: number;
  tfjsMinGzip: number | null;
  ratio: number | null;
}

/** Builds the page with Vite (scripts/build-playground.mjs) and returns its size report. */
export function buildPlayground(): BuildReport {
  const out = execFileSync(process.execPath, [join(ROOT, "scripts", "build-playground.mjs"), "--json"], { cwd: ROOT, encoding: "utf8" });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as BuildReport;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `dir` on 127.0.0.1 (a free port); returns the base URL and a close function. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("test server: no port");
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Launches headless Chromium with a fresh profile; fails with a clear message when it is not installed. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the playground's browser tests need Debian's package. ` +
        "Install it with: apt-get update && apt-get install -y chromium",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "logreg-playground-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
