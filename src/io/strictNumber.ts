// The general (reference) parser of one numeric cell: a strict decimal grammar, then Number().

const DECIMAL = /^[ \t]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t]*$/;

/**
 * Parses a decimal number strictly: optional sign, digits with an optional point, an optional
 * exponent, surrounded by optional spaces or tabs. Returns NaN for anything else (empty, "NaN",
 * "inf", "0x10", "1e", "1_000"…) and for values that overflow to ±Infinity.
 */
export function parseStrictNumber(text: string): number {
  if (!DECIMAL.test(text)) return Number.NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** True when the text follows the decimal grammar of parseStrictNumber (whatever its size). */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text);
}
