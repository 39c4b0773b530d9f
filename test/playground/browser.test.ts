// End-to-end tests of the playground in headless Chromium (Debian's package, driven by
// playwright-core): build the page with Vite, serve it from localhost, then click, train, export
// and import through the UI. What the page draws is checked against the library in Node and the
// CLI (`logreg predict`), never against numbers the page computed for itself.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { LogisticRegression, parseModelFile, type ModelFile } from "../../src/index.js";
import { DIST, ROOT, buildPlayground, launch, serve, type BuildReport } from "./harness.js";

const CLI = join(ROOT, "dist", "cli", "main.js");
/** Screenshots go to docs/playground when LOGREG_SCREENSHOTS=1, else to a temporary folder. */
const SHOTS = process.env["LOGREG_SCREENSHOTS"] === "1" ? join(ROOT, "docs", "playground") : null;

let page: Page;
let closeAll: () => Promise<void> = async () => undefined;
let work: string;
let shots: string;
let report: BuildReport;
const consoleErrors: string[] = [];
/** Paths (relative to the server's root) of every request the page made. */
const requested = new Set<string>();

/** The plot's data box and its position on screen. */
async function plot(): Promise<{ xMin: number; xMax: number; yMin: number; yMax: number; left: number; top: number; size: number }> {
  const attrs = await page.locator("g.plot").evaluate((g) => ({ ...(g as SVGGElement).dataset }));
  const box = await page.locator("g.plot rect.frame").boundingBox();
  assert.ok(box, "the plot frame is on screen");
  return { xMin: Number(attrs["xMin"]), xMax: Number(attrs["xMax"]), yMin: Number(attrs["yMin"]), yMax: Number(attrs["yMax"]), left: box.x, top: box.y, size: box.width };
}

/** Screen position of data point (x, y). */
async function screen(x: number, y: number): Promise<{ x: number; y: number }> {
  const p = await plot();
  return { x: p.left + ((x - p.xMin) / (p.xMax - p.xMin)) * p.size, y: p.top + ((p.yMax - y) / (p.yMax - p.yMin)) * p.size };
}

/** The drawn boundary segments in data coordinates (from the SVG paths' pixel coordinates). */
async function boundaries(): Promise<{ pair: string; ends: [[number, number], [number, number]] }[]> {
  const p = await plot();
  const paths = await page.locator("g.boundaries path").evaluateAll((els) => els.map((e) => ({ d: e.getAttribute("d") ?? "", pair: (e as SVGPathElement).dataset["pair"] ?? "" })));
  const S = Number(await page.locator("g.plot").getAttribute("data-size"));
  return paths.map(({ d, pair }) => {
    const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    assert.equal(nums.length, 4, `a boundary path is one segment: ${d}`);
    const toData = (px: number, py: number): [number, number] => [p.xMin + (px / S) * (p.xMax - p.xMin), p.yMax - (py / S) * (p.yMax - p.yMin)];
    return { pair, ends: [toData(nums[0]!, nums[1]!), toData(nums[2]!, nums[3]!)] };
  });
}

/**
 * The shading colour at screen point (x, y): read from the canvas when it shows (several classes),
 * else computed from the SVG gradient's stops (two classes), as the browser interpolates them.
 */
async function shadeAt(x: number, y: number): Promise<number[]> {
  return (await page.evaluate(`(() => {
    const x = ${x}, y = ${y};
    const c = document.querySelector("canvas.shading");
    if (c.style.visibility !== "hidden") {
      const r = c.getBoundingClientRect();
      const px = Math.floor(((x - r.left) / r.width) * c.width);
      const py = Math.floor(((y - r.top) / r.height) * c.height);
      return Array.from(c.getContext("2d").getImageData(px, py, 1, 1).data).slice(0, 3);
    }
    const frame = document.querySelector("g.plot rect.frame").getBoundingClientRect();
    const g = document.getElementById("shade-gradient");
    const a = (n) => Number(g.getAttribute(n));
    const lx = x - frame.left, ly = y - frame.top;
    const dx = a("x2") - a("x1"), dy = a("y2") - a("y1");
    const t = Math.min(1, Math.max(0, ((lx - a("x1")) * dx + (ly - a("y1")) * dy) / (dx * dx + dy * dy)));
    const stops = [...g.children].map((s) => [Number(s.getAttribute("offset")), s.getAttribute("stop-color").match(/\\d+/g).map(Number)]);
    let i = 0;
    while (i < stops.length - 2 && stops[i + 1][0] < t) i++;
    const [o0, c0] = stops[i], [o1, c1] = stops[i + 1];
    const f = o1 > o0 ? (t - o0) / (o1 - o0) : 0;
    return c0.map((v, k) => v + f * (c1[k] - v));
  })()`)) as number[];
}

async function loadPreset(name: string): Promise<void> {
  await page.evaluate(() => delete document.body.dataset["ready"]);
  await page.selectOption("#preset", name);
  await page.waitForSelector("body[data-ready=true]");
}

/**
 * Waits until the run ends (the button reads "Train" again) and the page has drawn its last
 * iteration (the numbers are redrawn on the next animation frame, not at once); returns the status.
 */
async function runEnd(timeout: number): Promise<string> {
  await page.waitForFunction(() => document.getElementById("train")?.textContent === "Train", undefined, { timeout });
  const status = (await page.textContent("#status")) ?? "";
  const last = /^Iteration (\d+):/.exec(status)?.[1];
  assert.ok(last, `the status names the last iteration: ${status}`);
  await page.waitForFunction((n) => document.getElementById("iteration")?.textContent === n, last, { timeout });
  return status;
}

/** Clicks Train and waits until the run ends and is drawn (see runEnd). */
async function trainToEnd(timeout = 15000): Promise<string> {
  await page.click("#train");
  return runEnd(timeout);
}

async function downloadOf(buttonId: string, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`#${buttonId}`)]);
  const file = join(work, name);
  await dl.saveAs(file);
  return file;
}

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: work, encoding: "utf8" });
}

/** Probability rows of `logreg predict --proba` output (header = class names). */
function csvRows(text: string): number[][] {
  return text.trim().split("\n").slice(1).map((r) => r.split(",").map(Number));
}

/** The model file's probabilities at raw feature rows (its scaler applied, as the CLI does). */
function fileProba(file: ModelFile, rows: number[][]): number[][] {
  const est = LogisticRegression.fromJSON(file.estimator);
  const s = file.scaler;
  return est.predictProba(s ? rows.map((r) => r.map((v, j) => (v - s.mean[j]!) / s.scale[j]!)) : rows);
}

/** Saves a screenshot: the whole page, or only the plane and the controls. */
async function shot(name: string, whole: boolean): Promise<void> {
  const top = await page.locator("main").boundingBox();
  const formulas = await page.locator("section.formulas").boundingBox();
  assert.ok(top && formulas);
  const clip = { x: 0, y: 0, width: top.x + top.width + 16, height: formulas.y - 4 };
  await page.screenshot({ path: join(shots, `${name}.png`), ...(whole ? { fullPage: true } : { clip }) });
}

describe("playground in Chromium", { timeout: 120_000 }, () => {
  before(async () => {
    assert.ok(existsSync(CLI), `the CLI is not built (${CLI}): run npm run build first`);
    work = mkdtempSync(join(tmpdir(), "logreg-playground-test-"));
    shots = SHOTS ?? join(work, "shots");
    mkdirSync(shots, { recursive: true });
    report = buildPlayground();
    const server = await serve(DIST);
    const browser = await launch();
    closeAll = async () => {
      await browser.close();
      await server.close();
    };
    page = await browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`page error: ${e.message}`));
    page.on("worker", (w) => w.on("close", () => undefined));
    page.on("request", (r) => requested.add(new URL(r.url()).pathname.replace(/^\//, "")));
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  after(async () => {
    await closeAll();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the build reports the gzipped size of every file the page and its worker load, and is smaller than tfjs's bundle", async () => {
    // What was loaded: every file the page requested, and the script each worker runs.
    for (let i = 0; i < 100 && page.workers().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(page.workers().length > 0, "the page started its training worker");
    const path = (url: string): string => new URL(url).pathname.replace(/^\//, "");
    const loaded = new Set([...requested, ...page.workers().map((w) => path(w.url()))]);
    const loadedJs = [...loaded].filter((f) => f.endsWith(".js")).sort();
    assert.deepEqual(loadedJs, report.files.map((f) => f.file).sort(), "the reported JavaScript is exactly the scripts the page and its worker load");
    const reported = [...report.files, ...report.otherFiles];
    for (const f of loaded) assert.ok(reported.some((r) => r.file === (f === "" ? "index.html" : f)), `${f} is in the report`);
    for (const f of reported) assert.equal(f.gzip, gzipSync(readFileSync(join(DIST, f.file)), { level: 9 }).length, `${f.file} gzipped`);
    const sum = (list: { gzip: number }[]): number => list.reduce((s, f) => s + f.gzip, 0);
    assert.equal(report.jsGzip, sum(report.files));
    assert.equal(report.allGzip, sum(reported));
    assert.ok(report.jsGzip > 0 && report.tfjsMinGzip !== null);
    console.log(
      `# playground JS gzipped: ${(report.jsGzip / 1024).toFixed(1)} kB, all files ${(report.allGzip / 1024).toFixed(1)} kB; ` +
        `@tensorflow/tfjs tf.min.js gzipped: ${(report.tfjsMinGzip! / 1024).toFixed(1)} kB (${report.ratio!.toFixed(1)}×)`,
    );
    // The issue's goal: the JavaScript at least 10× smaller than tfjs's bundle.
    assert.ok(report.jsGzip < report.tfjsMinGzip! / 10, `at least 10× smaller than tfjs (${report.ratio!.toFixed(2)}×)`);
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org)/, "no CDN or remote resource");
  });

  test("loads with the lab's toy data", async () => {
    assert.match(await page.title(), /logreg playground/);
    assert.equal(await page.textContent("#point-count"), "6");
    assert.equal(await page.locator("g.points path").count(), 6);
    assert.equal(await page.inputValue("#solver"), "sgd");
  });

  test("Step does one SGD step of the lab (TensorFlow's first printed loss); Reset puts W and b back to zero", async () => {
    const tutorial = JSON.parse(readFileSync(join(ROOT, "..", "shared", "data", "reference", "tutorial.json"), "utf8")) as { lab05_1_toy: { loss: number[]; tolerance: number } };
    await page.click("#step");
    await page.waitForFunction(() => document.getElementById("iteration")?.textContent === "1");
    const cost = Number(await page.textContent("#loss"));
    assert.ok(Math.abs(cost - tutorial.lab05_1_toy.loss[0]!) <= tutorial.lab05_1_toy.tolerance + 5e-5, `cost after one step ${cost}`);
    await page.click("#step");
    await page.waitForFunction(() => document.getElementById("iteration")?.textContent === "2");
    await page.click("#reset");
    await page.waitForFunction(() => document.getElementById("iteration")?.textContent === "0");
    assert.equal(await page.textContent("#loss"), Math.LN2.toFixed(4), "zero W and b give the cost ln 2");
    assert.equal(await page.locator("g.boundaries path").count(), 0, "no boundary for W = 0");
  });

  test("click adds, shift-click adds the next class, right-click deletes, drag moves, the keyboard adds", async () => {
    // The page re-renders the count on its next frame: wait for it rather than read it at once.
    const waitForPointCount = async (n: string): Promise<void> => {
      await page.waitForFunction((want) => document.getElementById("point-count")?.textContent === want, n, { timeout: 10_000 });
      assert.equal(await page.textContent("#point-count"), n);
    };
    await loadPreset("empty");
    assert.equal(await page.textContent("#point-count"), "0");
    const at = async (x: number, y: number) => screen(x, y);
    let p = await at(-2, -2);
    await page.mouse.click(p.x, p.y);
    p = await at(-3, 1);
    await page.mouse.click(p.x, p.y);
    p = await at(2, 2);
    await page.keyboard.down("Shift");
    await page.mouse.click(p.x, p.y);
    await page.keyboard.up("Shift");
    await page.check("input[name=class][value='2']");
    p = await at(3, -3);
    await page.mouse.click(p.x, p.y);
    await waitForPointCount("4");
    // Right-click the second point away.
    p = await at(-3, 1);
    await page.mouse.click(p.x, p.y, { button: "right" });
    await waitForPointCount("3");
    // Drag the first point from (−2, −2) to (−1, −3).
    p = await at(-2, -2);
    const q = await at(-1, -3);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2);
    await page.mouse.move(q.x, q.y);
    await page.mouse.up();
    // Keyboard: focus the plane, pick class 3 with "4", move the cursor right twice, Enter.
    await page.focus("svg.overlay");
    await page.keyboard.press("4");
    assert.equal(await page.isChecked("input[name=class][value='3']"), true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await waitForPointCount("4");
    const csv = readFileSync(await downloadOf("export-csv", "edited.csv"), "utf8").trim().split("\n");
    assert.equal(csv[0], "x,y,label");
    const rows = csv.slice(1).map((r) => r.split(",").map(Number));
    const near = (r: number[] | undefined, x: number, y: number, label: number, tol: number) =>
      assert.ok(r && Math.abs(r[0]! - x) < tol && Math.abs(r[1]! - y) < tol && r[2] === label, `row ${r} ≈ (${x}, ${y}, ${label})`);
    const pl = await plot();
    const px = (pl.xMax - pl.xMin) / pl.size; // one pixel in data units
    near(rows[0], -1, -3, 0, 2 * px);
    near(rows[1], 2, 2, 1, 2 * px);
    near(rows[2], 3, -3, 2, 2 * px);
    near(rows[3], (pl.xMin + pl.xMax) / 2 + (2 * (pl.xMax - pl.xMin)) / 40, (pl.yMin + pl.yMax) / 2, 3, 0.002);
  });

  test("trains to accuracy 1.000 on the separable blobs, and the boundary is where the model says", async () => {
    await loadPreset("blobs");
    assert.equal(await page.inputValue("#solver"), "lbfgs");
    const status = await trainToEnd();
    assert.match(status, /converged/);
    assert.equal(await page.textContent("#accuracy"), "1.000");
    const file = parseModelFile(readFileSync(await downloadOf("export-model", "blobs-model.json"), "utf8"), "blobs-model.json");
    const segs = await boundaries();
    assert.equal(segs.length, 1);
    const [[x1, y1], [x2, y2]] = segs[0]!.ends;
    const probes = [0, 0.25, 0.5, 0.75, 1].map((t) => [x1 + t * (x2 - x1), y1 + t * (y2 - y1)]);
    for (const [i, row] of fileProba(file, probes).entries()) assert.ok(Math.abs(row[1]! - 0.5) < 1e-3, `boundary point ${probes[i]}: P = ${row[1]}`);
    // The shading: 30 px either side of the boundary's midpoint, the pixel leans to the class the model predicts.
    const mid = await screen((x1 + x2) / 2, (y1 + y2) / 2);
    const end = await screen(x2, y2);
    const len = Math.hypot(end.x - mid.x, end.y - mid.y);
    const nx = -(end.y - mid.y) / len;
    const ny = (end.x - mid.x) / len;
    const pl = await plot();
    for (const s of [-30, 30]) {
      const sx = mid.x + s * nx;
      const sy = mid.y + s * ny;
      const rgb = await shadeAt(sx, sy);
      const dx = pl.xMin + ((sx - pl.left) / pl.size) * (pl.xMax - pl.xMin);
      const dy = pl.yMax - ((sy - pl.top) / pl.size) * (pl.yMax - pl.yMin);
      const p1 = fileProba(file, [[dx, dy]])[0]![1]!;
      // Class 0 is blue (B > R), class 1 orange (R > B).
      assert.equal(rgb[0]! > rgb[2]!, p1 > 0.5, `pixel ${rgb} at (${dx.toFixed(2)}, ${dy.toFixed(2)}) where P(1) = ${p1}`);
    }
    await shot("blobs-lbfgs", false);
  });

  test("an exported model gives the page's probabilities in the CLI, and exported points train in the CLI", async () => {
    const model = await downloadOf("export-model", "model.json");
    const points = await downloadOf("export-csv", "points.csv");
    // Read the page's probabilities under the mouse at a few spots.
    const pl = await plot();
    const seen: { x: number; y: number; proba: number[] }[] = [];
    for (const [fx, fy] of [[0.2, 0.3], [0.5, 0.5], [0.45, 0.55], [0.8, 0.9], [0.6, 0.35]] as const) {
      await page.mouse.move(pl.left + fx * pl.size, pl.top + fy * pl.size);
      const d = await page.locator("#probe").evaluate((e) => ({ ...(e as HTMLElement).dataset }));
      seen.push({ x: Number(d["x"]), y: Number(d["y"]), proba: JSON.parse(d["proba"] ?? "[]") as number[] });
    }
    writeFileSync(join(work, "probes.csv"), `x,y\n${seen.map((s) => `${s.x},${s.y}`).join("\n")}\n`);
    const cliRows = csvRows(cli("predict", model, "probes.csv", "--proba", "--quiet"));
    assert.equal(cliRows.length, seen.length);
    seen.forEach((s, i) => {
      assert.equal(s.proba.length, 2);
      s.proba.forEach((p, c) => assert.ok(Math.abs(p - cliRows[i]![c]!) < 1e-9, `at (${s.x}, ${s.y}) class ${c}: page ${p}, CLI ${cliRows[i]![c]}`));
    });
    // The exported points are a CSV the CLI trains on and predicts.
    assert.equal(csvRows(cli("predict", model, points, "--proba", "--quiet")).length, 60);
    cli("train", points, "--solver", "lbfgs", "--out", "cli-model.json", "--quiet");
    assert.ok(existsSync(join(work, "cli-model.json")));
  });

  test("imports the CLI's model (standardised features) and draws its boundary", async () => {
    const cliModel = parseModelFile(readFileSync(join(work, "cli-model.json"), "utf8"), "cli-model.json");
    assert.ok(cliModel.scaler, "the CLI standardises by default");
    await page.setInputFiles("#import-model", join(work, "cli-model.json"));
    await page.waitForFunction(() => /Imported/.test(document.getElementById("status")?.textContent ?? ""));
    const segs = await boundaries();
    assert.equal(segs.length, 1);
    const [[x1, y1], [x2, y2]] = segs[0]!.ends;
    for (const row of fileProba(cliModel, [[x1, y1], [(x1 + x2) / 2, (y1 + y2) / 2], [x2, y2]])) assert.ok(Math.abs(row[1]! - 0.5) < 1e-3, `P = ${row[1]}`);
    assert.equal(await page.textContent("#accuracy"), "1.000");
  });

  test("multinomial: iris on petal length and width draws a boundary per class pair", async () => {
    await loadPreset("iris");
    await page.selectOption("#solver", "newton");
    const status = await trainToEnd();
    assert.match(status, /converged/);
    const acc = Number(await page.textContent("#accuracy"));
    assert.ok(acc >= 0.95, `accuracy ${acc}`);
    const file = parseModelFile(readFileSync(await downloadOf("export-model", "iris.json"), "utf8"), "iris.json");
    assert.equal(file.estimator.multiClass, "multinomial");
    const segs = await boundaries();
    assert.ok(segs.length >= 2, `${segs.length} boundary segments`);
    // The canvas shading leans to the predicted class at a few points of each species.
    const CLASS_RGB = [[37, 99, 235], [234, 88, 12], [22, 163, 74]];
    for (const [x, y] of [[1.5, 0.25], [4.5, 1.4], [6, 2.2]] as const) {
      const scr = await screen(x, y);
      const rgb = await shadeAt(scr.x, scr.y);
      const proba = fileProba(file, [[x, y]])[0]!;
      const top = proba.indexOf(Math.max(...proba));
      const dist = CLASS_RGB.map((c) => Math.hypot(...c.map((v, k) => rgb[k]! - 255 - (v - 255) * 0.5)));
      assert.equal(dist.indexOf(Math.min(...dist)), top, `pixel ${rgb} at (${x}, ${y}), probabilities ${proba}`);
    }
    for (const s of segs) {
      const [a, b] = s.pair.split("-").map(Number) as [number, number];
      const [[x1, y1], [x2, y2]] = s.ends;
      for (const row of fileProba(file, [[(x1 + x2) / 2, (y1 + y2) / 2]])) {
        assert.ok(Math.abs(row[a]! - row[b]!) < 2e-3, `pair ${s.pair}: ${row}`);
        for (let c = 0; c < 3; c++) assert.ok(row[c]! <= Math.max(row[a]!, row[b]!) + 1e-9);
      }
    }
    await shot("iris-multinomial", true);
  });

  test("stays responsive during a long fit: a click on the plane is handled while training", async () => {
    await loadPreset("ring");
    await page.check("input[name=class][value='0']");
    await page.selectOption("#solver", "adam");
    await page.fill("#max-iter", "100000");
    await page.selectOption("#speed", "Infinity");
    await page.click("#train");
    await page.waitForFunction(() => Number(document.getElementById("iteration")?.textContent) > 20);
    const before = Number(await page.textContent("#point-count"));
    const p = await screen(2.6, 2.6);
    const t0 = Date.now();
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((n) => Number(document.getElementById("point-count")?.textContent) === n + 1, before, { timeout: 2000 });
    const handledMs = Date.now() - t0;
    assert.equal(await page.textContent("#train"), "Stop", "still training when the click was handled");
    const it1 = Number(await page.textContent("#iteration"));
    await page.waitForFunction((n) => Number(document.getElementById("iteration")?.textContent) > n, it1);
    console.log(`# click during training handled in ${handledMs} ms (iteration ${it1})`);
    await shot("ring-adam", false);
    await page.click("#train");
    await page.waitForFunction(() => /stopped/.test(document.getElementById("status")?.textContent ?? ""));
    assert.equal(await page.textContent("#train"), "Train");
  });

  test("the lab preset animates at 30 frames per second or more while training", async () => {
    await loadPreset("lab");
    await page.selectOption("#speed", "4");
    await page.click("#train");
    await page.waitForFunction(() => Number(document.getElementById("iteration")?.textContent) > 10);
    // A plain-JS string (no bundler helpers): count animation frames and plane redraws for 1 s.
    const window1s = `new Promise((resolve) => {
      const host = document.getElementById("plane");
      const draws0 = Number(host.dataset.draws);
      const stamps = [];
      requestAnimationFrame(function tick(t) {
        stamps.push(t);
        if (t - stamps[0] < 1000) requestAnimationFrame(tick);
        else resolve({ fps: ((stamps.length - 1) * 1000) / (t - stamps[0]), draws: ((Number(host.dataset.draws) - draws0) * 1000) / (t - stamps[0]) });
      });
    })`;
    // The machine may be busy with other work for a moment: the best of three 1-second windows counts.
    const windows: { fps: number; draws: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const w = (await page.evaluate(window1s)) as { fps: number; draws: number };
      windows.push(w);
      assert.equal(await page.textContent("#train"), "Stop", "still training while measured");
      if (w.fps >= 30 && w.draws >= 30) break;
    }
    const status = await runEnd(20000);
    await shot("lab-sgd", true);
    const best = windows.reduce((a, b) => (Math.min(b.fps, b.draws) > Math.min(a.fps, a.draws) ? b : a));
    console.log(`# lab preset while training: ${windows.map((w) => `${w.fps.toFixed(1)} frames/s (${w.draws.toFixed(1)} redraws/s)`).join(", ")}`);
    assert.ok(best.fps >= 30, `${best.fps.toFixed(1)} animation frames per second`);
    assert.ok(best.draws >= 30, `${best.draws.toFixed(1)} plane redraws per second`);
    assert.match(status, /Iteration 1001: reached the iteration limit/);
    const tutorial = JSON.parse(readFileSync(join(ROOT, "..", "shared", "data", "reference", "tutorial.json"), "utf8")) as { lab05_1_toy: { loss: number[]; tolerance: number } };
    const want = tutorial.lab05_1_toy.loss.at(-1)!;
    const cost = Number(await page.textContent("#loss"));
    assert.ok(Math.abs(cost - want) <= tutorial.lab05_1_toy.tolerance + 5e-5, `cost after 1001 steps ${cost}, TensorFlow printed ${want}`);
  });

  test("every control can be reached with the keyboard and has a name", async () => {
    // With penalty l2 and a minibatch solver every input is enabled.
    await page.selectOption("#penalty", "l2");
    await page.selectOption("#solver", "sgd");
    await page.focus("body");
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? a.id || (a instanceof HTMLInputElement && a.name === "class" ? `class-${a.value}` : a.tagName.toLowerCase()) : "";
      });
      reached.add(id);
    }
    const want = ["preset", "clear", "export-csv", "solver", "penalty", "C", "lr", "batch", "max-iter", "speed", "train", "step", "reset", "export-model", "import-model", "svg"];
    for (const id of want) assert.ok(reached.has(id), `Tab reaches #${id} (reached: ${[...reached].join(", ")})`);
    assert.ok([...reached].some((r) => r.startsWith("class-")), "Tab reaches the class picker");
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, input, select, svg.overlay"))
        .filter((e) => {
          const named = (e.getAttribute("aria-label") ?? "") !== "" || (e.getAttribute("aria-labelledby") ?? "") !== "";
          const labelled = "labels" in e && (e as HTMLInputElement).labels !== null && (e as HTMLInputElement).labels!.length > 0;
          const text = e.tagName === "BUTTON" && (e.textContent ?? "").trim() !== "";
          return !(named || labelled || text);
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
  });

  test("the console shows no error", () => {
    assert.deepEqual(consoleErrors, []);
  });
});
