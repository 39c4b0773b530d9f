// Formats CSV output (predictions): RFC 4180 quoting where needed, numbers at full precision.

import { ValueError } from "../errors.js";

/** Formats one cell: numbers in shortest round-trip form; text quoted when it must be. */
export function formatCsvCell(value: string | number, delimiter = ","): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ValueError(`cannot write ${value} to a CSV file: values must be finite numbers`);
    return String(value);
  }
  const needsQuotes =
    value === "" ||
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes("\n") ||
    value.includes("\r") ||
    value.startsWith("#") ||
    value.trim() !== value;
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Formats one row (cells joined by the delimiter, ending with a line feed). */
export function formatCsvRow(cells: readonly (string | number)[], delimiter = ","): string {
  let s = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) s += delimiter;
    s += formatCsvCell(cells[i]!, delimiter);
  }
  return s + "\n";
}
