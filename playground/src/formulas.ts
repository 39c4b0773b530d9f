// The lab's formulas (hypothesis, cost, gradient, update) with the current numbers filled in.
// The fixed text is in index.html (#formulas): elements marked data-when="…" show for one case
// (empty, model, binary, multi, a solver's name, l2), elements marked data-n="…" receive a number.
import { knownPoints, lossGradient, meanLoss } from "./linearModel.js";
import type { LinearModel, Point, TrainOptions } from "./types.js";

/** A number with 4 decimals and a real minus sign. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v).toFixed(digits);
  return v < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** "+ 0.5000" or "− 0.5000", for terms after the first. */
function term(v: number): string {
  return v < 0 ? `− ${fmt(-v)}` : `+ ${fmt(v)}`;
}

/** Table rows "class c | w1 | w2 | b" (numbers formatted here, classes are integers). */
function rowsHtml(classes: readonly number[], W: readonly number[][], b: readonly number[]): string {
  return W.map((w, r) => `<tr><th scope="row">class ${classes[r]}</th><td>${fmt(w[0]!)}</td><td>${fmt(w[1]!)}</td><td>${fmt(b[r]!)}</td></tr>`).join("");
}

function setIfChanged(e: Element, key: "textContent" | "innerHTML", value: string): void {
  if (e[key] !== value) e[key] = value;
}

/** Fills the formulas panel `root` for this model and these points. */
export function renderFormulas(root: HTMLElement, model: LinearModel | null, points: readonly Point[], options: TrainOptions): void {
  const when = new Set<string>();
  const n: Record<string, string> = { lr: String(options.learningRate), batch: String(options.batchSize), C: String(options.C) };
  if (!model) when.add("empty");
  else {
    when.add("model").add(options.solver).add(options.penalty).add(model.W.length === 1 ? "binary" : "multi");
    const m = knownPoints(model, points).length;
    const unknown = points.length - m;
    n["m"] = unknown > 0 ? `m = ${m}; ${unknown} point${unknown === 1 ? " is" : "s are"} of a class this model has not seen — train again to include ${unknown === 1 ? "it" : "them"}` : `m = ${m}`;
    n["cost"] = fmt(meanLoss(model, points));
    const { dW, db } = lossGradient(model, points);
    if (model.W.length === 1) {
      const w = model.W[0]!;
      Object.assign(n, { w1: fmt(w[0]!), w2: fmt(w[1]!), "w2+": term(w[1]!), b: fmt(model.b[0]!), "b+": term(model.b[0]!), c1: String(model.classes[1]), dw1: fmt(dW[0]![0]!), dw2: fmt(dW[0]![1]!), db: fmt(db[0]!) });
    } else {
      setIfChanged(root.querySelector("#params")!, "innerHTML", rowsHtml(model.classes, model.W, model.b));
      setIfChanged(root.querySelector("#gradients")!, "innerHTML", rowsHtml(model.classes, dW, db));
    }
  }
  root.querySelectorAll<HTMLElement>("[data-when]").forEach((e) => (e.hidden = !when.has(e.dataset["when"]!)));
  root.querySelectorAll<HTMLElement>("[data-n]").forEach((e) => setIfChanged(e, "textContent", n[e.dataset["n"]!] ?? ""));
}
