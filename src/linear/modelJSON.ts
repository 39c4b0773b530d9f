// The frozen JSON shape of a fitted LogisticRegression, and its field-by-field validation.
import { ModelFileError } from "../errors.js";
import type { FittedMultiClass } from "./fitProblem.js";
import type { ClassLabel } from "./input.js";
import type { LogisticRegressionParams } from "./options.js";

/** LogisticRegression.toJSON output (the shape model files embed). */
export interface LogisticRegressionJSON {
  kind: "LogisticRegression";
  options: LogisticRegressionParams;
  classes: ClassLabel[];
  coef: number[][];
  intercept: number[];
  multiClass: FittedMultiClass;
  nFeatures: number;
  nIter: number;
  converged: boolean;
  objective: number;
  history: number[];
}

const WHERE = "LogisticRegression.fromJSON";

function fail(problem: string): never {
  throw new ModelFileError(WHERE, problem);
}

function finiteArray(name: string, v: unknown, length?: number): number[] {
  if (!Array.isArray(v)) fail(`${name} must be an array of numbers, got ${v === null ? "null" : typeof v}`);
  if (length !== undefined && v.length !== length) fail(`${name} has ${v.length} entries, expected ${length}`);
  v.forEach((x, i) => {
    if (typeof x !== "number" || !Number.isFinite(x)) fail(`${name}[${i}] is ${JSON.stringify(x)}, not a finite number`);
  });
  return v as number[];
}

function count(name: string, v: unknown, min: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) fail(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  return v;
}

/** Checks every field of a LogisticRegression JSON object; throws ModelFileError naming the first problem. */
export function parseModelJSON(obj: unknown): LogisticRegressionJSON {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) fail("expected an object made by LogisticRegression.toJSON()");
  const o = obj as Record<string, unknown>;
  if (o.kind !== "LogisticRegression") fail(`kind is ${JSON.stringify(o.kind)}, expected "LogisticRegression"`);
  const known = ["kind", "options", "classes", "coef", "intercept", "multiClass", "nFeatures", "nIter", "converged", "objective", "history"];
  for (const k of Object.keys(o)) if (!known.includes(k)) fail(`unknown field ${JSON.stringify(k)}`);
  if (typeof o.options !== "object" || o.options === null || Array.isArray(o.options)) fail("options must be an object");
  const classes = o.classes;
  if (!Array.isArray(classes) || classes.length < 2) fail("classes must be an array of at least two labels");
  const kind = typeof classes[0];
  if (kind !== "number" && kind !== "string") fail(`classes[0] is ${JSON.stringify(classes[0])}: labels must be numbers or strings`);
  classes.forEach((c, i) => {
    if (typeof c !== kind || (kind === "number" && !Number.isFinite(c))) fail(`classes[${i}] is ${JSON.stringify(c)}: every class label must be a finite number or every one a string`);
    if (i > 0 && !((classes[i - 1] as ClassLabel) < (c as ClassLabel))) fail(`classes must be sorted and distinct, but classes[${i - 1}] = ${JSON.stringify(classes[i - 1])} and classes[${i}] = ${JSON.stringify(c)}`);
  });
  const multiClass = o.multiClass;
  if (multiClass !== "binary" && multiClass !== "multinomial" && multiClass !== "ovr") fail(`multiClass is ${JSON.stringify(multiClass)}; expected "binary", "multinomial" or "ovr"`);
  const K = classes.length;
  if (multiClass === "binary" && K !== 2) fail(`multiClass "binary" needs exactly 2 classes, got ${K}`);
  if (multiClass === "ovr" && K < 3) fail(`multiClass "ovr" needs at least 3 classes, got ${K}`);
  const nFeatures = count("nFeatures", o.nFeatures, 1);
  const rows = multiClass === "binary" ? 1 : K;
  if (!Array.isArray(o.coef)) fail("coef must be an array of coefficient rows");
  if (o.coef.length !== rows) fail(`coef has ${o.coef.length} rows, expected ${rows} for multiClass "${multiClass}" with ${K} classes`);
  const coef = o.coef.map((r, k) => finiteArray(`coef[${k}]`, r, nFeatures).slice());
  const intercept = finiteArray("intercept", o.intercept, rows).slice();
  const nIter = count("nIter", o.nIter, 0);
  if (typeof o.converged !== "boolean") fail(`converged must be true or false, got ${JSON.stringify(o.converged)}`);
  if (typeof o.objective !== "number" || !Number.isFinite(o.objective)) fail(`objective must be a finite number, got ${JSON.stringify(o.objective)}`);
  const history = finiteArray("history", o.history).slice();
  return {
    kind: "LogisticRegression",
    options: { ...(o.options as LogisticRegressionParams) },
    classes: classes.slice() as ClassLabel[],
    coef,
    intercept,
    multiClass,
    nFeatures,
    nIter,
    converged: o.converged,
    objective: o.objective,
    history,
  };
}
