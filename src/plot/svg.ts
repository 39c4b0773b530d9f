// Tiny SVG string building: escaped text and attributes, compact numbers.

/** Escapes text for XML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A pixel coordinate with at most two decimals and no trailing zeros. */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Attribute values: numbers are written with px(), strings escaped; undefined entries are left out. */
export type Attrs = Record<string, string | number | undefined>;

/** An element with attributes and optional children (already SVG strings) or text. */
export function el(tag: string, attrs: Attrs, children?: string | readonly string[]): string {
  let s = "<" + tag;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === "number" ? px(v) : esc(v)}"`;
  }
  if (children === undefined || (Array.isArray(children) && children.length === 0)) return s + "/>";
  return s + ">" + (typeof children === "string" ? children : children.join("")) + `</${tag}>`;
}

/** An SVG text element whose content is escaped. */
export function text(attrs: Attrs, content: string): string {
  return el("text", attrs, esc(content));
}
