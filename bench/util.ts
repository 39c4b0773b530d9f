// Small helpers shared by the benchmark scripts: command-line numbers, medians, wall + CPU timing,
// and the "run me when I am the entry point" check.
import { pathToFileURL } from "node:url";

/** The number after `--name` on the command line, or `dflt`. */
export function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** True when the module with this import.meta.url is the script node was started with. */
export function isMain(url: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && url === pathToFileURL(entry).href;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall-clock and CPU (user + system, every thread of this process) milliseconds of one call. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Times one call of fn (awaited if it returns a promise). */
export async function timeCall<T>(fn: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000, value };
}

/** Median wall and CPU milliseconds of several timings. */
export function medianTiming(ts: readonly Timing[]): Timing {
  return { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) };
}
