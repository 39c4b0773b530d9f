// Number and option formatting for the human-readable summaries.

/** A number with a fixed count of decimals (or "nan"/"inf" spelled out, which never happens for valid input). */
export function fmt(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toFixed(digits);
}

/** "LogisticRegression(penalty=l2, C=1, …)" from the options the estimator recorded, plus the scaling. */
export function modelLine(options: object, standardize: boolean): string {
  const parts = Object.entries(options)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== "function")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return `LogisticRegression(${parts.join(", ")})${standardize ? " on standardised features" : " on raw features"}`;
}

/** A small right-aligned text table (first row is the header). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, c.length)));
  return rows.map((r) => r.map((c, j) => c.padStart(widths[j] ?? 0)).join("  ")).join("\n");
}
