// The points as a CSV file that `logreg train` reads: header x,y,label, one point per line.
import type { Point } from "./types.js";

/** CSV text of the points (header `x,y,label`, LF line ends, shortest round-trip numbers). */
export function pointsToCsv(points: readonly Point[]): string {
  return `x,y,label\n${points.map((p) => `${p.x},${p.y},${p.label}`).join("\n")}\n`;
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
