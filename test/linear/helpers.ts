// Shared test helpers: the reference data sets (read from ../shared/data) and standardisation
// written here on purpose (population std, zero-variance columns get scale 1).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Directory of the shared data sets. */
export const DATA_DIR = join(import.meta.dirname, "..", "..", "..", "shared", "data");

/** The scikit-learn reference numbers. */
export const sklearnRef = JSON.parse(readFileSync(join(DATA_DIR, "reference", "sklearn.json"), "utf8")) as Record<string, any>;

/** A numeric CSV (header line, `#` comments, label in the last column). */
export function loadCsv(name: string): { X: number[][]; y: number[] } {
  const lines = readFileSync(join(DATA_DIR, `${name}.csv`), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const rows = lines.slice(1).map((l) => l.split(",").map(Number));
  return { X: rows.map((r) => r.slice(0, -1)), y: rows.map((r) => r[r.length - 1]!) };
}

/** (x − mean) / std per column with the population std; a zero-variance column gets scale 1. */
export function standardize(X: number[][]): number[][] {
  const n = X.length;
  const d = X[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of X) r.forEach((v, j) => (mean[j] = mean[j]! + v / n));
  for (const r of X) r.forEach((v, j) => (sd[j] = sd[j]! + (v - mean[j]!) ** 2 / n));
  const scale = sd.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  return X.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
}

/** The three L2 references: data, options, and sklearn.json's entry. */
export function l2References(): { name: string; X: number[][]; y: number[]; ref: any }[] {
  const bc = loadCsv("breast_cancer");
  const iris = loadCsv("iris");
  const toy = sklearnRef.toy_l2_C1;
  return [
    { name: "breast_cancer standardised", X: standardize(bc.X), y: bc.y, ref: sklearnRef.breast_cancer_l2_C1_standardized },
    { name: "toy", X: toy.data.x, y: toy.data.y, ref: toy },
    { name: "iris multinomial standardised", X: standardize(iris.X), y: iris.y, ref: sklearnRef.iris_multinomial_l2_C1_standardized },
  ];
}

/** Optimum coefficients as rows (breast_cancer and toy store one flat row). */
export function optimumCoef(ref: any): number[][] {
  const c = ref.optimum.coef;
  return Array.isArray(c[0]) ? c : [c];
}

/** Largest absolute difference between two equally shaped nested arrays. */
export function maxAbsDiff(a: readonly (readonly number[])[] | readonly number[], b: readonly (readonly number[])[] | readonly number[]): number {
  const fa = (a as unknown[]).flat(1) as number[];
  const fb = (b as unknown[]).flat(1) as number[];
  if (fa.length !== fb.length) throw new Error(`shape mismatch ${fa.length} vs ${fb.length}`);
  return Math.max(...fa.map((v, i) => Math.abs(v - fb[i]!)));
}

/** Mean log-loss of probabilities against class indices. */
export function logLoss(proba: number[][], yIndex: number[]): number {
  return -proba.reduce((s, p, i) => s + Math.log(p[yIndex[i]!]!), 0) / proba.length;
}
