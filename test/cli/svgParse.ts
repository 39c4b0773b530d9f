// A small XML reader for the tests: checks that an SVG document is well formed and lists its elements.

/** One element: its tag, attributes, text content and ancestors' tags (outermost first). */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  ancestors: SvgElement[];
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

function unescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => ENTITIES[m]!);
}

/** Parses an SVG document; throws on unbalanced or malformed tags. Returns every element in document order. */
export function parseSvg(text: string): SvgElement[] {
  const out: SvgElement[] = [];
  const stack: SvgElement[] = [];
  const tagRe = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(text)) !== null) {
    const between = text.slice(last, m.index);
    if (between.includes("<")) throw new Error(`malformed markup near offset ${last}: ${between.slice(0, 60)}`);
    if (stack.length > 0) stack[stack.length - 1]!.text += unescape(between);
    last = tagRe.lastIndex;
    if (m[2] === undefined) continue; // comment or declaration
    const [, close, tag, attrText, selfClose] = m;
    if (close === "/") {
      const open = stack.pop();
      if (open === undefined || open.tag !== tag) throw new Error(`</${tag}> closes <${open?.tag ?? "nothing"}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = unescape(a[2]!);
    const el: SvgElement = { tag: tag!, attrs, text: "", ancestors: [...stack] };
    out.push(el);
    if (selfClose !== "/") stack.push(el);
  }
  if (text.slice(last).trim() !== "") throw new Error("text after the root element");
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.tag}> is never closed`);
  if (out[0]?.tag !== "svg") throw new Error("the root element is not <svg>");
  return out;
}

/** The points of an SVG path's "M x y L x y …" data (absolute moves and lines only). */
export function pathPoints(d: string): [number, number][] {
  const pts: [number, number][] = [];
  for (const m of d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)) pts.push([Number(m[1]), Number(m[2])]);
  return pts;
}
