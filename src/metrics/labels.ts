// Class labels shared by the metrics: numbers or strings, never a mix of both.
import { ValueError } from "../errors.js";

/** A class label: a number or a string (one kind per call, as in scikit-learn). */
export type Label = number | string;

/** Distinct labels kept in a list (searched linearly) up to this many, then in a Set. */
const FEW = 16;

/** A value no array entry can equal (the cache of the last label starts empty). */
const NOT_A_LABEL = Symbol("none");

/** Sorted distinct labels of one or more label arrays (numbers ascending, strings by code unit). */
export function uniqueLabels(...arrays: readonly ArrayLike<Label>[]): Label[] {
  // Few distinct labels in long runs is the common case: a cache of the last label and a short
  // list are much cheaper than a Set lookup per entry. Order of first appearance is kept, as a Set's.
  const few: Label[] = [];
  let seen: Set<Label> | null = null;
  let kind: "number" | "string" | undefined;
  let last: unknown = NOT_A_LABEL;
  for (const arr of arrays) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i] as Label;
      if (v === last) continue;
      const k = typeof v;
      if (k !== "number" && k !== "string") {
        throw new ValueError(`label at index ${i} is ${describe(v)}: labels must be numbers or strings`);
      }
      if (k === "number" && !Number.isFinite(v)) {
        throw new ValueError(`label at index ${i} is ${String(v)}: numeric labels must be finite`);
      }
      if (kind === undefined) kind = k;
      else if (kind !== k) {
        throw new ValueError(
          `labels mix numbers and strings (index ${i} is ${describe(v)}): give every label as the same kind, e.g. all strings`,
        );
      }
      last = v;
      if (seen !== null) seen.add(v);
      else if (!few.includes(v)) {
        few.push(v);
        if (few.length > FEW) seen = new Set(few);
      }
    }
  }
  const out = seen !== null ? [...seen] : few;
  if (kind === "number") (out as number[]).sort((a, b) => a - b);
  else (out as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

/** Checks that two label arrays (and an optional weight array) have the same length. */
export function checkSameLength(what: string, yTrue: ArrayLike<unknown>, other: ArrayLike<unknown>, otherName: string): void {
  if (yTrue.length !== other.length) {
    throw new ValueError(
      `${what}: yTrue has ${yTrue.length} entries but ${otherName} has ${other.length}: give one ${otherName === "sampleWeight" ? "weight" : "value"} per sample`,
    );
  }
}

/** Validates optional sample weights (finite, non-negative, one per sample) and returns them as numbers. */
export function sampleWeights(what: string, n: number, sampleWeight: ArrayLike<number> | undefined): Float64Array {
  const w = new Float64Array(n);
  if (sampleWeight === undefined) {
    w.fill(1);
    return w;
  }
  if (sampleWeight.length !== n) {
    throw new ValueError(`${what}: sampleWeight has ${sampleWeight.length} entries for ${n} samples: give one weight per sample`);
  }
  for (let i = 0; i < n; i++) {
    const v = sampleWeight[i] as number;
    if (!Number.isFinite(v) || v < 0) {
      throw new ValueError(`${what}: sampleWeight[${i}] is ${v}: weights must be finite and non-negative`);
    }
    w[i] = v;
  }
  return w;
}

/** Maps each label to its position in `labels`; labels outside the list map to -1. */
export function labelIndex(labels: readonly Label[]): Map<Label, number> {
  const m = new Map<Label, number>();
  labels.forEach((l, i) => {
    if (m.has(l)) throw new ValueError(`labels lists ${JSON.stringify(l)} twice: give each label once`);
    m.set(l, i);
  });
  return m;
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (v === null) return "null";
  return typeof v;
}
