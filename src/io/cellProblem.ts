// Explains why a cell that should hold a number does not, and what to do about it.

import { isDecimalText } from "./strictNumber.js";

const MISSING = new Set(["na", "n/a", "nan", "null", "none", "nil", "?", "-", "--", "missing", "#n/a"]);
const INFINITE = /^[+-]?(inf|infinity|∞)$/i;

/** Shows a cell in a message: quoted, control characters escaped, long text shortened. */
export function showCell(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(short);
}

/** Describes why `text` is not an acceptable feature value (the message ends with what to do). */
export function numberProblem(text: string): string {
  const t = text.trim();
  if (t === "") return "empty cell (a missing value); logreg does not impute: fill in a number or remove the row";
  if (text.includes("\0")) return "the cell contains a NUL byte; is this a binary file? Give a UTF-8 text CSV file";
  if (text.includes("\r")) return `${showCell(text)} contains a carriage return: the file seems to use old Mac (CR-only) line ends; convert them to LF or CRLF`;
  if (MISSING.has(t.toLowerCase())) return `missing value ${showCell(text)}; logreg does not impute: fill in a number or remove the row`;
  if (INFINITE.test(t)) return `infinite value ${showCell(text)}; features must be finite numbers: clip or remove the row`;
  if (/^[+-]?0[xXbBoO][0-9a-fA-F_]*$/.test(t)) return `${showCell(text)} is not a decimal number (hexadecimal, binary and octal are not accepted); write it in decimal`;
  if (isDecimalText(text)) return `${showCell(text)} is too large: it overflows a 64-bit float (beyond ±1.8e308); rescale the column`;
  if (/^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/.test(t)) return `${showCell(text)} uses thousands separators; write the number without them`;
  return `${showCell(text)} is not a number; features must be decimal numbers like 3.25 or -1e-4: fix the cell, or make this column the target`;
}
