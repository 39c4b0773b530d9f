// Stratified k-fold: every fold keeps the class proportions; scikit-learn's block assignment or round-robin within class.
import { ValueError } from "../errors.js";
import type { Label } from "../metrics/labels.js";
import { uniqueLabels } from "../metrics/labels.js";
import { Rng } from "../tensor/random.js";
import { checkK, foldsFromAssignment } from "./kFold.js";
import type { Fold } from "./types.js";

/** Options of `stratifiedKFold`. */
export interface StratifiedKFoldOptions {
  /** Number of folds (default 5). */
  k?: number;
  /**
   * "blocks" (default) reproduces scikit-learn's StratifiedKFold: each class's rows, in file order, are cut into k
   * contiguous blocks whose sizes come from dealing the sorted labels round-robin to the folds.
   * "roundRobin": the r-th row of each class (in file order) goes to fold r mod k.
   */
  method?: "blocks" | "roundRobin";
  /** Shuffle within each class before assigning (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). */
  seed?: number;
}

/** Stratified k-fold splits of the labels y; each fold's train and test indices are ascending. */
export function stratifiedKFold(y: ArrayLike<Label>, options: StratifiedKFoldOptions = {}): Fold[] {
  return foldsFromAssignment(stratifiedFoldOf(y, options), checkK("stratifiedKFold", options.k ?? 5));
}

/** The fold number of each row under stratifiedKFold (the test fold that row belongs to). */
export function stratifiedFoldOf(y: ArrayLike<Label>, options: StratifiedKFoldOptions = {}): Int32Array {
  const k = checkK("stratifiedKFold", options.k ?? 5);
  const n = y.length;
  uniqueLabels(y);
  if (k > n) throw new ValueError(`stratifiedKFold: k = ${k} folds but only ${n} samples: use at most ${n} folds`);
  // Classes numbered in order of first appearance (as scikit-learn does), rows of each class in file order.
  const classOf = new Map<Label, number>();
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l = y[i] as Label;
    let c = classOf.get(l);
    if (c === undefined) {
      c = members.length;
      classOf.set(l, c);
      members.push([]);
    }
    (members[c] as number[]).push(i);
  }
  const largest = Math.max(...members.map((m) => m.length));
  if (k > largest) {
    throw new ValueError(
      `stratifiedKFold: k = ${k} folds but the largest class has only ${largest} samples: use at most ${largest} folds`,
    );
  }
  const method = options.method ?? "blocks";
  const rng = options.shuffle === true ? new Rng(options.seed ?? 0) : undefined;
  const foldOf = new Int32Array(n);
  if (method === "blocks") {
    // Deal the labels, sorted by class number, round-robin to the folds: class c holds positions
    // [start, start + count) of that sorted list, and position p goes to fold p mod k.
    let start = 0;
    for (const rows of members) {
      const count = rows.length;
      const folds: number[] = [];
      for (let f = 0; f < k; f++) {
        // number of p in [start, start + count) with p ≡ f (mod k)
        const first = start + ((((f - start) % k) + k) % k);
        const m = first >= start + count ? 0 : Math.floor((start + count - 1 - first) / k) + 1;
        for (let t = 0; t < m; t++) folds.push(f);
      }
      if (rng !== undefined) rng.shuffle(folds);
      rows.forEach((r, t) => (foldOf[r] = folds[t] as number));
      start += count;
    }
  } else if (method === "roundRobin") {
    for (const rows of members) {
      const order = rng === undefined ? rows : rng.shuffle([...rows]);
      order.forEach((r, t) => (foldOf[r] = t % k));
    }
  } else {
    throw new ValueError(`stratifiedKFold: method is ${JSON.stringify(method)}: use "blocks" or "roundRobin"`);
  }
  return foldOf;
}
