// The page: wires the plane, the controls, the training worker, the loss chart and the formulas.
// All drawing happens in one requestAnimationFrame callback, from the latest state.
import { accuracy, classesOf, meanLoss, probabilities, zeroModel } from "./linearModel.js";
import { fmt, renderFormulas } from "./formulas.js";
import { errorText } from "./errorText.js";
import { LossChart } from "./lossChart.js";
import { CLASS_SHAPES } from "./palette.js";
import { PLOT_SIZE, Plane } from "./plane.js";
import { readModelFile } from "./modelIo.js";
import { download, pointsToCsv } from "./pointsCsv.js";
import { makePreset, type Preset, type PresetName } from "./presets.js";
import type { HistoryEntry, LinearModel, Point, SolverName, TrainOptions, WorkerRequest, WorkerResponse } from "./types.js";
import { Viewport } from "./viewport.js";

function $<T extends Element>(id: string): T {
  const e = document.querySelector<T>(`#${id}`);
  if (!e) throw new Error(`playground: element #${id} is missing from the page`);
  return e;
}

/**
 * Starts the page. `script` is the URL of the playground's one script (main.ts as built), which the
 * training worker runs too.
 */
export function startPage(script: string): void {
  const ui = {
    preset: $<HTMLSelectElement>("preset"),
    irisRow: $<HTMLDivElement>("iris-features"),
    irisX: $<HTMLSelectElement>("iris-x"),
    irisY: $<HTMLSelectElement>("iris-y"),
    classPicker: $<HTMLDivElement>("class-picker"),
    clear: $<HTMLButtonElement>("clear"),
    exportCsv: $<HTMLButtonElement>("export-csv"),
    solver: $<HTMLSelectElement>("solver"),
    penalty: $<HTMLSelectElement>("penalty"),
    C: $<HTMLInputElement>("C"),
    lr: $<HTMLInputElement>("lr"),
    batch: $<HTMLInputElement>("batch"),
    maxIter: $<HTMLInputElement>("max-iter"),
    speed: $<HTMLSelectElement>("speed"),
    train: $<HTMLButtonElement>("train"),
    step: $<HTMLButtonElement>("step"),
    reset: $<HTMLButtonElement>("reset"),
    exportModel: $<HTMLButtonElement>("export-model"),
    importModel: $<HTMLInputElement>("import-model"),
    iteration: $<HTMLOutputElement>("iteration"),
    loss: $<HTMLOutputElement>("loss"),
    accuracy: $<HTMLOutputElement>("accuracy"),
    pointCount: $<HTMLOutputElement>("point-count"),
    status: $<HTMLParagraphElement>("status"),
    probe: $<HTMLOutputElement>("probe"),
    formulas: $<HTMLDivElement>("formulas"),
  };

  const state = {
    points: [] as Point[],
    selected: 0,
    model: null as LinearModel | null,
    /** The model file of the drawn model (set when a run ends or a file is imported). */
    modelFile: null as string | null,
    history: [] as HistoryEntry[],
    iteration: 0,
    training: false,
    runId: 0,
    axis: { x: "x₁", y: "x₂" },
    panelsAt: 0,
    hover: null as { x: number; y: number } | null,
    dirty: true,
  };

  const plane = new Plane($("plane"), {
    onPointsChanged(points, what, final) {
      state.points = points;
      if (final) announce(`${capitalise(what)}; ${points.length} point${points.length === 1 ? "" : "s"}.`);
      schedule();
    },
    onClassPicked(c) {
      pickClass(c);
    },
    onHover(x, y) {
      state.hover = { x, y };
      schedule();
    },
  });
  const lossChart = new LossChart($<SVGSVGElement>("loss-chart"));
  const worker = new Worker(script, { type: "module" });

  function capitalise(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function announce(text: string): void {
    ui.status.textContent = text;
  }

  /** Reads a positive number from an input, falling back (and showing the fallback) when it is not one. */
  function positive(input: HTMLInputElement, fallback: number, integer = false): number {
    const v = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(v) || v <= 0) {
      input.value = String(fallback);
      input.setAttribute("aria-invalid", "true");
      return fallback;
    }
    input.removeAttribute("aria-invalid");
    return integer ? Math.max(1, Math.round(v)) : v;
  }

  function readOptions(): TrainOptions {
    return {
      solver: ui.solver.value as SolverName,
      penalty: ui.penalty.value === "none" ? "none" : "l2",
      C: positive(ui.C, 1),
      learningRate: positive(ui.lr, 0.1),
      batchSize: positive(ui.batch, 32, true),
      maxIter: Math.min(100000, positive(ui.maxIter, 100, true)),
      tol: 1e-4,
      seed: 0,
    };
  }

  function syncControls(): void {
    const minibatch = ui.solver.value === "sgd" || ui.solver.value === "adam";
    ui.lr.disabled = !minibatch;
    ui.batch.disabled = !minibatch;
    ui.C.disabled = ui.penalty.value === "none";
    ui.train.textContent = state.training ? "Stop" : "Train";
    ui.train.setAttribute("aria-pressed", String(state.training));
    ui.step.disabled = state.training;
  }

  // --- class picker (the radios are in index.html)
  const radios = Array.from(ui.classPicker.querySelectorAll<HTMLInputElement>("input[type=radio]"));
  radios.forEach((r, c) => r.addEventListener("change", () => pickClass(c)));

  function pickClass(c: number): void {
    state.selected = c;
    plane.setSelectedClass(c);
    radios.forEach((r, i) => (r.checked = i === c));
    announce(`Class ${c} (${CLASS_SHAPES[c]}) selected.`);
  }

  // --- presets
  /** Shows the chosen preset's points (the presets use the library's seeded generator). */
  function loadPreset(): void {
    const name = ui.preset.value;
    ui.irisRow.hidden = name !== "iris";
    stopTraining();
    const p: Preset =
      name === "empty"
        ? { points: [], xLabel: "x₁", yLabel: "x₂", options: { solver: ui.solver.value as SolverName } }
        : makePreset(name as PresetName, Number(ui.irisX.value), Number(ui.irisY.value));
    state.points = p.points;
    state.axis = { x: p.xLabel, y: p.yLabel };
    const o = p.options;
    ui.solver.value = o.solver;
    if (o.penalty) ui.penalty.value = o.penalty;
    if (o.learningRate !== undefined) ui.lr.value = String(o.learningRate);
    if (o.batchSize !== undefined) ui.batch.value = String(o.batchSize);
    if (o.maxIter !== undefined) ui.maxIter.value = String(o.maxIter);
    plane.setView(Viewport.fit(state.points, PLOT_SIZE), state.axis.x, state.axis.y);
    resetModel();
    syncControls();
    document.body.dataset["ready"] = "true";
    announce(`Loaded ${ui.preset.selectedOptions[0]?.textContent ?? "preset"}: ${state.points.length} points.`);
  }

  // --- training
  function post(msg: WorkerRequest): void {
    worker.postMessage(msg);
  }

  function startRun(steps: number): void {
    const classes = new Set(state.points.map((p) => p.label));
    if (classes.size < 2) {
      announce("Training needs points of at least two classes: add points of another class (shift-click or pick a class).");
      return;
    }
    const options = readOptions();
    state.runId++;
    state.training = steps > 1;
    state.modelFile = null;
    const pace = steps === 1 ? Infinity : Number(ui.speed.value);
    post({ type: "run", id: state.runId, points: state.points.map((p) => ({ ...p })), options, steps, pace });
    if (state.training) announce(`Training with ${options.solver}…`);
    syncControls();
  }

  function stopTraining(): void {
    if (!state.training) return;
    state.training = false;
    post({ type: "stop" });
    syncControls();
  }

  function resetModel(): void {
    stopTraining();
    post({ type: "reset" });
    state.runId++;
    const classes = classesOf(state.points);
    state.model = classes.length >= 2 ? zeroModel(classes) : null;
    state.modelFile = null;
    state.history = [];
    state.iteration = 0;
    schedule();
  }

  worker.addEventListener("message", (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    if (msg.id !== state.runId) return;
    if (msg.type === "error") {
      state.training = false;
      syncControls();
      announce(`Failed: ${msg.message}`);
      return;
    }
    const first = msg.type === "progress" ? msg.history[0] : undefined;
    if (msg.type === "progress" && first) {
      // A new run starts from iteration 0 again: drop the curve from there on.
      let keep = state.history.length;
      while (keep > 0 && state.history[keep - 1]!.iteration >= first.iteration) keep--;
      state.history.length = keep;
      state.history.push(...msg.history);
    }
    state.model = msg.frame.model;
    state.iteration = msg.frame.iteration;
    if (msg.type === "done") {
      state.training = false;
      state.modelFile = msg.modelFile;
      syncControls();
      const acc = accuracy(msg.frame.model, state.points);
      const why = { converged: "converged", maxIter: "reached the iteration limit", stopped: "stopped", separable: "the classes are separable (the loss can only approach 0)", stalled: "no further progress", callback: "stopped", step: "one step done" }[msg.reason];
      announce(`Iteration ${msg.frame.iteration}: ${why}. Cost ${fmt(msg.frame.loss)}, accuracy ${fmt(acc, 3)}.`);
    }
    schedule();
  });

  worker.addEventListener("error", (e) => {
    state.training = false;
    syncControls();
    announce(`The training worker failed: ${e.message}`);
  });

  // --- drawing
  let frameRequested = false;
  function schedule(): void {
    state.dirty = true;
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(draw);
  }

  function draw(now: number): void {
    frameRequested = false;
    if (!state.dirty) return;
    state.dirty = false;
    const model = state.model;
    // The plane is the animation: it is drawn on every frame that has news.
    plane.render(model, state.points);
    // The numbers, the loss curve and the formulas are for reading: while training they are
    // refreshed about 8 times a second, which leaves each frame's time to the plane.
    if (state.training && now - state.panelsAt < 120) {
      state.dirty = true;
      frameRequested = true;
      requestAnimationFrame(draw);
      return;
    }
    state.panelsAt = now;
    lossChart.render(state.history);
    setText(ui.iteration, String(state.iteration));
    setText(ui.pointCount, String(state.points.length));
    const acc = model ? accuracy(model, state.points) : NaN;
    setText(ui.accuracy, Number.isNaN(acc) ? "—" : fmt(acc, 3));
    const cost = model ? meanLoss(model, state.points) : NaN;
    setText(ui.loss, Number.isNaN(cost) ? "—" : fmt(cost));
    drawProbe(model);
    renderFormulas(ui.formulas, model, state.points, readOptions());
  }

  function setText(e: HTMLElement, text: string): void {
    if (e.textContent !== text) e.textContent = text;
  }

  /** The model's class probabilities at the mouse or keyboard cursor. */
  function drawProbe(model: LinearModel | null): void {
    const h = state.hover;
    if (!h || !model) return;
    const p = probabilities(model, h.x, h.y, new Float64Array(model.classes.length));
    const where = `(${fmt(h.x, 3)}, ${fmt(h.y, 3)})`;
    ui.probe.textContent = `${where}: ${model.classes.map((c, i) => `P(${c}) = ${fmt(p[i]!, 3)}`).join(", ")}`;
    ui.probe.dataset["x"] = String(h.x);
    ui.probe.dataset["y"] = String(h.y);
    ui.probe.dataset["proba"] = JSON.stringify(Array.from(p));
  }

  // --- controls
  ui.preset.addEventListener("change", loadPreset);
  ui.irisX.addEventListener("change", loadPreset);
  ui.irisY.addEventListener("change", loadPreset);
  ui.clear.addEventListener("click", () => {
    stopTraining();
    state.points = [];
    resetModel();
    announce("All points removed.");
  });
  ui.exportCsv.addEventListener("click", () => {
    download("points.csv", pointsToCsv(state.points), "text/csv");
    announce(`Exported ${state.points.length} points as points.csv (columns x, y, label).`);
  });
  for (const input of [ui.solver, ui.penalty]) input.addEventListener("change", () => { syncControls(); schedule(); });
  for (const input of [ui.C, ui.lr, ui.batch, ui.maxIter]) input.addEventListener("change", () => schedule());
  ui.train.addEventListener("click", () => (state.training ? stopTraining() : startRun(Infinity)));
  ui.step.addEventListener("click", () => startRun(1));
  ui.reset.addEventListener("click", () => {
    resetModel();
    announce("W and b reset to zero.");
  });
  ui.exportModel.addEventListener("click", () => {
    if (state.training) {
      announce("Stop training first, then export the model.");
      return;
    }
    if (!state.modelFile) {
      announce("Nothing to export yet: train a model (Train or Step) or import one first.");
      return;
    }
    download("model.json", state.modelFile, "application/json");
    announce("Exported the model as model.json, the CLI's model file (features x and y, target label).");
  });
  ui.importModel.addEventListener("change", async () => {
    const file = ui.importModel.files?.[0];
    ui.importModel.value = "";
    if (!file) return;
    const text = await file.text();
    stopTraining();
    post({ type: "reset" });
    state.runId++;
    try {
      const { model, featureNames, text: modelFile } = readModelFile(text, file.name);
      state.model = model;
      state.modelFile = modelFile;
      state.history = [];
      state.iteration = 0;
      state.axis = { x: featureNames[0] ?? "x", y: featureNames[1] ?? "y" };
      plane.setView(plane.viewport, state.axis.x, state.axis.y);
      announce(`Imported a model of ${model.classes.length} classes (${model.classes.join(", ")}) on features ${featureNames.join(" and ")}.`);
      schedule();
    } catch (e) {
      announce(`Failed: ${errorText(e)}`);
    }
  });

  loadPreset();
}
