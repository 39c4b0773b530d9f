// Reads a model file's text and checks every field; any problem is a ModelFileError that names
// the file, the field and what to do.

import { ModelFileError } from "../errors.js";
import type { EstimatorJSON, ModelFile, ScalerJSON, TrainingRecord } from "./modelFile.js";
import { MODEL_FORMAT, MODEL_VERSION } from "./modelFile.js";
import { parseStrictJson } from "./strictJson.js";

type Obj = { [key: string]: unknown };

class Checker {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new ModelFileError(this.file, `${field === "" ? "" : `field ${field}: `}${problem}; the model file is damaged or was not written by this version of logreg: train and save the model again`);
  }

  show(v: unknown): string {
    if (v === undefined) return "missing";
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }

  object(field: string, v: unknown, keys: readonly string[]): Obj {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(field, `must be an object, found ${this.show(v)}`);
    const o = v as Obj;
    for (const k of keys) if (!(k in o)) this.fail(field === "" ? k : `${field}.${k}`, "is missing");
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(field === "" ? k : `${field}.${k}`, "is not a field of a version 1 model file");
    return o;
  }

  finite(field: string, v: unknown): number {
    if (typeof v !== "number" || !Number.isFinite(v)) this.fail(field, `must be a finite number, found ${this.show(v)}`);
    return v;
  }

  integer(field: string, v: unknown, min: number): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) this.fail(field, `must be an integer ≥ ${min}, found ${this.show(v)}`);
    return v;
  }

  numbers(field: string, v: unknown, length?: number): number[] {
    if (!Array.isArray(v)) this.fail(field, `must be an array of numbers, found ${this.show(v)}`);
    if (length !== undefined && v.length !== length) this.fail(field, `has ${v.length} entries but the model has ${length}`);
    return v.map((x, i) => this.finite(`${field}[${i}]`, x));
  }

  strings(field: string, v: unknown): string[] {
    if (!Array.isArray(v)) this.fail(field, `must be an array of strings, found ${this.show(v)}`);
    const seen = new Set<string>();
    return v.map((x, i) => {
      if (typeof x !== "string" || x === "") this.fail(`${field}[${i}]`, `must be a non-empty string, found ${this.show(x)}`);
      if (seen.has(x)) this.fail(`${field}[${i}]`, `${this.show(x)} appears twice`);
      seen.add(x);
      return x;
    });
  }
}

/** Checks a parsed model file (any JSON value) field by field and returns it typed. */
export function validateModelFile(value: unknown, fileName = "<model>"): ModelFile {
  const ck: Checker = new Checker(fileName);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ModelFileError(fileName, `not a logreg model file: expected a JSON object with "format": "${MODEL_FORMAT}", found ${ck.show(value)}`);
  }
  const top = value as Obj;
  if (top.format !== MODEL_FORMAT) {
    throw new ModelFileError(fileName, `not a logreg model file: ${top.format === undefined ? 'it has no "format" field' : `its format is ${ck.show(top.format)}`}, expected "${MODEL_FORMAT}"; give a model file written by logreg train`);
  }
  const version = top.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    ck.fail("version", `must be a positive integer, found ${ck.show(version)}`);
  }
  if (version > MODEL_VERSION) {
    throw new ModelFileError(fileName, `the model file has version ${version}: it was written by a newer logreg, and this logreg reads version ${MODEL_VERSION}; upgrade logreg to use it`);
  }
  ck.object("", top, ["format", "version", "featureNames", "target", "scaler", "estimator", "training"]);
  const featureNames = ck.strings("featureNames", top.featureNames);
  if (featureNames.length === 0) ck.fail("featureNames", "is empty; a model has at least one feature");
  const d = featureNames.length;
  if (top.target !== null && (typeof top.target !== "string" || top.target === "")) ck.fail("target", `must be a column name or null, found ${ck.show(top.target)}`);
  const target = top.target as string | null;
  if (target !== null && featureNames.includes(target)) ck.fail("target", `${ck.show(target)} is also a feature name`);

  const e = ck.object("estimator", top.estimator, ["kind", "options", "classes", "coef", "intercept", "multiClass", "nFeatures", "nIter", "converged", "objective", "history"]);
  if (e.kind !== "LogisticRegression") ck.fail("estimator.kind", `must be "LogisticRegression", found ${ck.show(e.kind)}`);
  if (typeof e.options !== "object" || e.options === null || Array.isArray(e.options)) ck.fail("estimator.options", `must be an object, found ${ck.show(e.options)}`);
  const nFeatures = ck.integer("estimator.nFeatures", e.nFeatures, 1);
  if (nFeatures !== d) ck.fail("estimator.nFeatures", `is ${nFeatures} but featureNames has ${d} names`);

  let scaler: ScalerJSON | null = null;
  if (top.scaler !== null) {
    const s = ck.object("scaler", top.scaler, ["mean", "scale"]);
    const mean = ck.numbers("scaler.mean", s.mean, d);
    const scale = ck.numbers("scaler.scale", s.scale, d);
    scale.forEach((v, j) => {
      if (!(v > 0)) ck.fail(`scaler.scale[${j}]`, `must be > 0, found ${v}`);
    });
    scaler = { mean, scale };
  }

  const rawClasses = e.classes;
  if (!Array.isArray(rawClasses) || rawClasses.length < 2) ck.fail("estimator.classes", `must be an array of at least two class labels, found ${ck.show(rawClasses)}`);
  const labelKind = typeof rawClasses[0];
  if (labelKind !== "number" && labelKind !== "string") ck.fail("estimator.classes[0]", `must be a number or a string, found ${ck.show(rawClasses[0])}`);
  const seen = new Set<unknown>();
  rawClasses.forEach((c, i) => {
    if (typeof c !== labelKind || (typeof c === "number" && !Number.isFinite(c))) {
      ck.fail(`estimator.classes[${i}]`, `is ${ck.show(c)}; the labels must be all finite numbers or all strings`);
    }
    if (seen.has(c)) ck.fail(`estimator.classes[${i}]`, `${ck.show(c)} appears twice`);
    seen.add(c);
  });
  const classes = rawClasses as number[] | string[];
  const K = classes.length;
  const multiClass = e.multiClass;
  if (multiClass !== "binary" && multiClass !== "multinomial" && multiClass !== "ovr") {
    ck.fail("estimator.multiClass", `must be "binary", "multinomial" or "ovr", found ${ck.show(multiClass)}`);
  }
  if (multiClass === "binary" && K !== 2) ck.fail("estimator.multiClass", `is "binary" but there are ${K} classes`);
  if (multiClass === "ovr" && K < 3) ck.fail("estimator.multiClass", `is "ovr" but there are only ${K} classes`);
  const k = multiClass === "binary" ? 1 : K;
  if (!Array.isArray(e.coef)) ck.fail("estimator.coef", `must be an array of ${k} rows of ${d} numbers, found ${ck.show(e.coef)}`);
  if (e.coef.length !== k) ck.fail("estimator.coef", `has ${e.coef.length} rows but a "${multiClass}" model with ${K} classes has ${k}`);
  const coef = e.coef.map((row: unknown, r) => {
    if (!Array.isArray(row)) ck.fail(`estimator.coef[${r}]`, `must be an array of ${d} numbers, found ${ck.show(row)}`);
    if (row.length !== d) ck.fail(`estimator.coef[${r}]`, `has ${row.length} coefficients but the model has ${d} features`);
    return ck.numbers(`estimator.coef[${r}]`, row, d);
  });
  const intercept = ck.numbers("estimator.intercept", e.intercept);
  if (intercept.length !== k) ck.fail("estimator.intercept", `has ${intercept.length} entries but coef has ${k} rows`);
  const nIter = ck.integer("estimator.nIter", e.nIter, 0);
  if (typeof e.converged !== "boolean") ck.fail("estimator.converged", `must be true or false, found ${ck.show(e.converged)}`);
  const objective = ck.finite("estimator.objective", e.objective);
  const history = ck.numbers("estimator.history", e.history);
  const estimator: EstimatorJSON = {
    kind: "LogisticRegression",
    options: { ...(e.options as Obj) },
    classes: classes.slice() as number[] | string[],
    coef,
    intercept,
    multiClass,
    nFeatures,
    nIter,
    converged: e.converged,
    objective,
    history,
  };

  const t = ck.object("training", top.training, ["rows", "trainLogLoss", "trainAccuracy", "objectiveHistory"]);
  const training: TrainingRecord = {
    rows: ck.integer("training.rows", t.rows, 1),
    trainLogLoss: ck.finite("training.trainLogLoss", t.trainLogLoss),
    trainAccuracy: ck.finite("training.trainAccuracy", t.trainAccuracy),
    objectiveHistory: ck.numbers("training.objectiveHistory", t.objectiveHistory),
  };
  if (training.trainLogLoss < 0) ck.fail("training.trainLogLoss", `must be ≥ 0, found ${training.trainLogLoss}`);
  if (training.trainAccuracy < 0 || training.trainAccuracy > 1) ck.fail("training.trainAccuracy", `must be between 0 and 1, found ${training.trainAccuracy}`);

  return { format: MODEL_FORMAT, version: MODEL_VERSION, featureNames, target, scaler, estimator, training };
}

/**
 * Parses the text of a model file and checks every field (format, version, shapes of coef and
 * intercept against classes and features, finite numbers, scaler); throws ModelFileError naming
 * the file, the field or the line and column, and what to do.
 */
export function parseModelFile(text: string, fileName = "<model>"): ModelFile {
  return validateModelFile(parseStrictJson(text, fileName), fileName);
}
