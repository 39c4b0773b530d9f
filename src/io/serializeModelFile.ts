// Writes a model file's text deterministically: fixed key order, shortest round-trip numbers,
// nothing time-dependent. The same model always gives byte-identical text.

import type { ModelFile } from "./modelFile.js";
import { validateModelFile } from "./parseModelFile.js";

/** JSON with object keys sorted (used for the free-form estimator options). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(", ")}]`;
  if (typeof v === "object" && v !== null) {
    const o = v as { [key: string]: unknown };
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${canonical(o[k])}`).join(", ")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

function list(xs: readonly (number | string)[]): string {
  return `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
}

/**
 * Serialises a model to the text of a version 1 model file (checked first with the same rules
 * as parseModelFile, so a model with NaN or inconsistent shapes is never written).
 */
export function serializeModelFile(model: ModelFile): string {
  const m = validateModelFile(model, "the model to save");
  const e = m.estimator;
  const t = m.training;
  const lines = [
    "{",
    `  "format": ${JSON.stringify(m.format)},`,
    `  "version": ${m.version},`,
    `  "featureNames": ${list(m.featureNames)},`,
    `  "target": ${JSON.stringify(m.target)},`,
    m.scaler === null
      ? `  "scaler": null,`
      : `  "scaler": {\n    "mean": ${list(m.scaler.mean)},\n    "scale": ${list(m.scaler.scale)}\n  },`,
    `  "estimator": {`,
    `    "kind": ${JSON.stringify(e.kind)},`,
    `    "options": ${canonical(e.options)},`,
    `    "classes": ${list(e.classes)},`,
    `    "coef": [\n${e.coef.map((r) => `      ${list(r)}`).join(",\n")}\n    ],`,
    `    "intercept": ${list(e.intercept)},`,
    `    "multiClass": ${JSON.stringify(e.multiClass)},`,
    `    "nFeatures": ${e.nFeatures},`,
    `    "nIter": ${e.nIter},`,
    `    "converged": ${e.converged},`,
    `    "objective": ${JSON.stringify(e.objective)},`,
    `    "history": ${list(e.history)}`,
    `  },`,
    `  "training": {`,
    `    "rows": ${t.rows},`,
    `    "trainLogLoss": ${JSON.stringify(t.trainLogLoss)},`,
    `    "trainAccuracy": ${JSON.stringify(t.trainAccuracy)},`,
    `    "objectiveHistory": ${list(t.objectiveHistory)}`,
    `  }`,
    "}",
  ];
  return lines.join("\n") + "\n";
}
