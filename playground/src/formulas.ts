// The lab's formulas (hypothesis, cost, gradient, update) with the current numbers filled in.
// Everything interpolated into the markup is a number formatted here or fixed text.
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

function vector(values: readonly number[]): string {
  return `<span class="mat">[${values.map((v) => `<span class="num">${fmt(v)}</span>`).join(", ")}]</span>`;
}

function matrixTable(title: string, classes: readonly number[], rows: readonly number[][], b: readonly number[]): string {
  const head = `<tr><th scope="col">${title}</th><th scope="col">w<sub>1</sub></th><th scope="col">w<sub>2</sub></th><th scope="col">b</th></tr>`;
  const body = rows.map((w, r) => `<tr><th scope="row">class ${classes[r]}</th><td>${fmt(w[0]!)}</td><td>${fmt(w[1]!)}</td><td>${fmt(b[r]!)}</td></tr>`).join("");
  return `<table class="params">${head}${body}</table>`;
}

/** HTML of the formulas for this model and these points. */
export function formulasHtml(model: LinearModel | null, points: readonly Point[], options: TrainOptions): string {
  const m = model ? knownPoints(model, points).length : points.length;
  const unknown = points.length - m;
  const mText = unknown > 0 ? `m = ${m}; ${unknown} point${unknown === 1 ? " is" : "s are"} of a class this model has not seen — train again to include ${unknown === 1 ? "it" : "them"}` : `m = ${m}`;
  const penalty = options.penalty === "l2" ? ` + ½‖W‖²` : "";
  const objective = `<p class="note">The solver minimises scikit-learn's objective <span class="f">C · Σ<sub>i</sub> loss<sub>i</sub>${penalty}</span>${
    options.penalty === "l2" ? ` with C = ${options.C}` : ""
  }, which is m·C × (the cost${options.penalty === "l2" ? " + ‖W‖² / (2·m·C)" : ""}).</p>`;
  const update =
    options.solver === "sgd"
      ? `<p><span class="label">Update</span> <span class="f">W ← W − α ∂cost/∂W</span>, <span class="f">b ← b − α ∂cost/∂b</span>, α = ${options.learningRate}, over batches of ${options.batchSize}</p>`
      : options.solver === "adam"
        ? `<p><span class="label">Update</span> Adam: <span class="f">W ← W − α m̂ / (√v̂ + ε)</span> from running means of the gradient and its square, α = ${options.learningRate}, batches of ${options.batchSize}</p>`
        : `<p><span class="label">Update</span> ${options.solver === "lbfgs" ? "L-BFGS: a quasi-Newton step along −H⁻¹∇ with H built from recent gradients" : "Newton: solves ∇²F · step = −∇F (conjugate gradient) each iteration"}, with a line search</p>`;
  if (!model) {
    return `<p class="muted">Add points of at least two classes and press Train or Step.</p>`;
  }
  const cost = meanLoss(model, points);
  const { dW, db } = lossGradient(model, points);
  if (model.W.length === 1) {
    const w = model.W[0]!;
    const b = model.b[0]!;
    return `
      <p><span class="label">Hypothesis</span> <span class="f">H(x) = σ(x·W + b) = 1 / (1 + e<sup>−(w<sub>1</sub>x<sub>1</sub> + w<sub>2</sub>x<sub>2</sub> + b)</sup>)</span></p>
      <p class="filled"><span class="f">H(x) = 1 / (1 + e<sup>−(${fmt(w[0]!)}·x<sub>1</sub> ${term(w[1]!)}·x<sub>2</sub> ${term(b)})</sup>)</span> = P(class ${model.classes[1]} | x)</p>
      <p><span class="label">Parameters</span> <span class="f">W = ${vector(w)}<sup>T</sup></span>, <span class="f">b = <span class="num">${fmt(b)}</span></span></p>
      <p><span class="label">Cost</span> <span class="f">cost(W, b) = −(1/m) Σ [y log H(x) + (1 − y) log(1 − H(x))]</span> = <strong class="num" data-value="cost">${fmt(cost)}</strong> (${mText})</p>
      <p><span class="label">Gradient</span> <span class="f">∂cost/∂W = (1/m) Σ (H(x) − y)·x</span> = <span class="f">${vector(dW[0]!)}<sup>T</sup></span>, <span class="f">∂cost/∂b = (1/m) Σ (H(x) − y)</span> = <span class="num">${fmt(db[0]!)}</span></p>
      ${update}
      ${objective}
      <p class="note">The TensorFlow lab writes H(x) = 1 / (1 + e<sup>x·W + b</sup>): the same model with W and b negated.</p>`;
  }
  return `
    <p><span class="label">Hypothesis</span> <span class="f">H(x) = softmax(x·W + b)</span>, <span class="f">H<sub>k</sub>(x) = e<sup>x·W<sub>k</sub> + b<sub>k</sub></sup> / Σ<sub>j</sub> e<sup>x·W<sub>j</sub> + b<sub>j</sub></sup></span> = P(class k | x)</p>
    <p><span class="label">Parameters</span> one row per class:</p>
    ${matrixTable("W, b", model.classes, model.W, model.b)}
    <p><span class="label">Cost</span> <span class="f">cost(W, b) = −(1/m) Σ log H<sub>y</sub>(x)</span> = <strong class="num" data-value="cost">${fmt(cost)}</strong> (${mText})</p>
    <p><span class="label">Gradient</span> <span class="f">∂cost/∂W<sub>k</sub> = (1/m) Σ (H<sub>k</sub>(x) − [y = k])·x</span>, <span class="f">∂cost/∂b<sub>k</sub> = (1/m) Σ (H<sub>k</sub>(x) − [y = k])</span>:</p>
    ${matrixTable("∂cost", model.classes, dW, db)}
    ${update}
    ${objective}`;
}
