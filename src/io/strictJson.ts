// A strict JSON parser for model files: reports where a file is broken (line and column),
// rejects duplicate keys and the NaN/Infinity that some writers emit, and never recurses deeply.

import { ModelFileError } from "../errors.js";

/** A parsed JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Deepest nesting accepted (a model file needs 4). */
const MAX_DEPTH = 64;

/** Parses JSON text; on error throws ModelFileError naming `file`, the line and the column. */
export function parseStrictJson(text: string, file: string): JsonValue {
  let i = 0;
  const n = text.length;
  const where = (at: number): string => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return `line ${line}, column ${col}`;
  };
  const fail = (problem: string, at = i): never => {
    if (at >= n) {
      throw new ModelFileError(file, `not valid JSON: the text ends too early (${where(n)}): ${problem}; the file is truncated or was not written completely: write it again`);
    }
    throw new ModelFileError(file, `not valid JSON at ${where(at)}: ${problem}; this is not a model file written by logreg, or it was edited by hand`);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const str = (): string => {
    // at the opening quote
    i++;
    let out = "";
    let from = i;
    for (;;) {
      if (i >= n) fail("a string is not closed");
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("a control character inside a string");
      if (c === 92) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("a bad \\u escape in a string", i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else fail("a bad escape in a string", i);
        from = i;
        continue;
      }
      i++;
    }
  };
  const num = (): number => {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) fail("a malformed number");
    i += m![0].length;
    return Number(m![0]);
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    if (i >= n) fail("a value is missing");
    const c = text[i]!;
    if (c === "{") {
      i++;
      const obj: { [key: string]: JsonValue } = {};
      ws();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a quoted key");
        const keyAt = i;
        const key = str();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`the key ${JSON.stringify(key)} appears twice`, keyAt);
        ws();
        if (text[i] !== ":") fail("expected ':' after a key");
        i++;
        const v = value(depth + 1);
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail("expected ',' or '}' in an object");
      }
    }
    if (c === "[") {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail("expected ',' or ']' in an array");
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c >= "0" && c <= "9")) return num();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    for (const bad of ["NaN", "Infinity", "-Infinity", "undefined"]) {
      if (text.startsWith(bad, i)) fail(`${bad} is not a JSON value (a model must not hold non-finite numbers)`);
    }
    if (n - i < 5 && ("true".startsWith(text.slice(i)) || "false".startsWith(text.slice(i)) || "null".startsWith(text.slice(i)))) {
      i = n;
      fail("a value is cut off");
    }
    return fail(`unexpected character ${JSON.stringify(c)}`);
  };
  if (text.trim() === "") throw new ModelFileError(file, "the file is empty: it is not a model file (train a model and save it again)");
  const v = value(0);
  ws();
  if (i < n) fail("unexpected text after the end of the JSON value");
  return v;
}
