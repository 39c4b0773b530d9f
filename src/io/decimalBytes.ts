// The careful number parser of the byte path: reads one unquoted decimal cell from UTF-8 bytes
// (the cells that the inline loop of csvByteParser.ts leaves: exponents, blanks, many digits).
//
// Exactness: a decimal with at most 15 significant digits has an integer mantissa m < 10^15,
// which a double holds exactly, and so are the powers 10^0 … 10^22. Then m · 10^e (e ≤ 22) and
// m / 10^-e (e ≥ -22) are single IEEE operations, hence correctly rounded: the very double that
// Number(text) returns (Clinger's fast path). Every other well-formed cell (more digits, larger
// exponents) goes to Number() on the cell's text, so the result is always Number(text).

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/**
 * Parses the cell [start, end) as a decimal number with the grammar of parseStrictNumber
 * (blanks around it allowed). Returns NaN when the cell is not such a number or overflows.
 */
export function scanDecimal(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = 0;
  // leading blanks
  while (i < end) {
    c = buf[i]!;
    if (c !== 32 && c !== 9) break;
    i++;
  }
  let neg = false;
  if (i < end && (c === 45 || c === 43)) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let sig = 0; // significant digits taken into m
  let digits = 0; // all mantissa digits seen
  let exp10 = 0;
  let long = false; // more than 15 significant digits
  while (i < end) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (sig < 15) {
      if (m !== 0 || d !== 0) {
        m = m * 10 + d;
        sig++;
      }
    } else {
      long = true;
    }
    i++;
  }
  if (i < end && buf[i] === 46) {
    i++;
    while (i < end) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      digits++;
      if (sig < 15) {
        if (m !== 0 || d !== 0) {
          m = m * 10 + d;
          sig++;
        }
        exp10--;
      } else if (d !== 0) {
        long = true;
      }
      i++;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i < end && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    let eneg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    let e = 0;
    let edigits = 0;
    while (i < end) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      if (e < 100000) e = e * 10 + d;
      edigits++;
      i++;
    }
    if (edigits === 0) return Number.NaN;
    exp10 += eneg ? -e : e;
  }
  const numEnd = i;
  // trailing blanks, then the end of the cell
  while (i < end) {
    c = buf[i]!;
    if (c !== 32 && c !== 9) break;
    i++;
  }
  if (i < end) return Number.NaN;
  let v: number;
  if (long) {
    v = slowDecimal(buf, start, numEnd);
    return v === Infinity || v === -Infinity ? Number.NaN : v;
  }
  if (m === 0) v = 0;
  else if (exp10 >= 0) {
    if (exp10 <= 22) v = m * POW10[exp10]!;
    else if (exp10 - 22 + sig <= 15) v = m * POW10[exp10 - 22]! * 1e22; // m·10^(e-22) is still an exact integer
    else return finiteOrNaN(slowDecimal(buf, start, numEnd));
  } else if (exp10 >= -22) v = m / POW10[-exp10]!;
  else return finiteOrNaN(slowDecimal(buf, start, numEnd));
  return neg ? -v : v;
}

function finiteOrNaN(v: number): number {
  return v === Infinity || v === -Infinity ? Number.NaN : v;
}

/** Number() of the ASCII bytes [start, end) (already checked to be a well-formed decimal). */
function slowDecimal(buf: Uint8Array, start: number, end: number): number {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return Number(s);
}
