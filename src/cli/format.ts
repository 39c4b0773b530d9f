// Number and option formatting for the human-readable summaries.
import type { LogisticRegression } from "../index.js";

/** A number with a fixed count of decimals (or "nan"/"inf" spelled out, which never happens for valid input). */
export function fmt(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toFixed(digits);
}

/** "LogisticRegression(penalty=l2, C=1, solver=newton, …) on standardised features": the options that matter for this fit. */
export function modelLine(est: LogisticRegression, standardize: boolean): string {
  const o = est.options;
  const penalty = o.penalty ?? "l2";
  const parts = [`penalty=${penalty}`];
  if (penalty !== "none") parts.push(`C=${o.C ?? 1}`);
  if (penalty === "elasticnet") parts.push(`l1Ratio=${o.l1Ratio ?? 0.5}`);
  parts.push(`solver=${est.resolvedSolver}`);
  if (o.maxIter !== undefined) parts.push(`maxIter=${o.maxIter}`);
  if (o.tol !== undefined) parts.push(`tol=${o.tol}`);
  if (o.classWeight !== undefined && o.classWeight !== null) parts.push(`classWeight=${typeof o.classWeight === "string" ? o.classWeight : JSON.stringify(o.classWeight)}`);
  if (o.multiClass !== undefined && o.multiClass !== "auto") parts.push(`multiClass=${o.multiClass}`);
  if (o.fitIntercept === false) parts.push("fitIntercept=false");
  if (est.resolvedSolver === "sgd" || est.resolvedSolver === "adam") parts.push(`seed=${o.seed ?? 0}`);
  return `LogisticRegression(${parts.join(", ")})${standardize ? " on standardised features" : " on raw features"}`;
}

/** A small right-aligned text table (first row is the header). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, c.length)));
  return rows.map((r) => r.map((c, j) => c.padStart(widths[j] ?? 0)).join("  ").trimEnd()).join("\n");
}

/** JSON with two-space indentation, but arrays of numbers or strings (and rows of them) kept on one line. */
export function formatJson(value: unknown, indent = ""): string {
  const flat = (v: unknown): boolean => Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");
  if (flat(value)) return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}
