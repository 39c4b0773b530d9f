// Test helper: reads the shared numeric CSV data sets and reference JSON (header row, label in the last column).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The shared data folder, next to the repository. */
export const dataDir = join(import.meta.dirname, "..", "..", "..", "shared", "data");

/** A numeric data set: features row by row, integer labels, column names. */
export interface NumericData {
  X: number[][];
  y: number[];
  names: string[];
}

/** Reads a shared CSV whose last column is the label and whose other columns are numbers. */
export function readNumericCsv(name: string): NumericData {
  const lines = readFileSync(join(dataDir, name), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const names = (lines[0] as string).split(",");
  const X: number[][] = [];
  const y: number[] = [];
  for (const line of lines.slice(1)) {
    const v = line.split(",").map(Number);
    y.push(v.pop() as number);
    X.push(v);
  }
  return { X, y, names: names.slice(0, -1) };
}

/** Parses a reference JSON file of the shared data folder. */
export function readReference(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, "reference", name), "utf8")) as Record<string, unknown>;
}

/** Walks a path of keys in a parsed JSON value. */
export function at(obj: unknown, ...path: string[]): unknown {
  let o = obj;
  for (const k of path) o = (o as Record<string, unknown>)[k];
  return o;
}
