// The lab examples as the built package ships them (dist/examples/*.js beside dist/cli/), loaded on demand.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LogregError } from "../index.js";

/** A path inside the package's bundled examples folder (dist/examples). */
export function examplesPath(relative: string): string {
  return fileURLToPath(new URL(`../examples/${relative}`, import.meta.url));
}

/** Loads one bundled lab module and returns the named export, which must be a function. */
export async function labFunction(file: string, name: string): Promise<(...args: never[]) => unknown> {
  const path = examplesPath(file);
  if (!existsSync(path)) {
    throw new LogregError("DEMO", `the lab examples are not in this installation (${path} is missing); rebuild the package with 'npm run build'`);
  }
  const mod = (await import(new URL(`../examples/${file}`, import.meta.url).href)) as Record<string, unknown>;
  const fn = mod[name];
  if (typeof fn !== "function") throw new Error(`${file} does not export a function ${name}`);
  return fn as (...args: never[]) => unknown;
}
