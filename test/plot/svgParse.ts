// Test helper: a tiny XML parser for the SVG the plots write, and the axis mapping read back from the ticks.
import assert from "node:assert/strict";

/** An element: tag name, attributes, children, and its text content. */
export interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const ENT: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENT[e] as string);

/** Parses an XML document; throws on mismatched tags (so it also checks well-formedness). */
export function parseXml(src: string): Node {
  const root: Node = { tag: "#root", attrs: {}, children: [], text: "" };
  const stack: Node[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(src)) !== null) {
    assert.equal(m.index, consumed, `unparsable XML at offset ${consumed}: ${src.slice(consumed, consumed + 40)}`);
    consumed = re.lastIndex;
    const top = stack[stack.length - 1] as Node;
    if (m[1] !== undefined) {
      assert.equal(top.tag, m[1], `closing </${m[1]}> does not match <${top.tag}>`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1] as string] = decode(a[2] as string);
      const node: Node = { tag: m[2], attrs, children: [], text: "" };
      top.children.push(node);
      if (m[4] !== "/") stack.push(node);
    } else if (m[5] !== undefined) {
      for (const n of stack) if (n !== root) n.text += decode(m[5]);
    }
  }
  assert.equal(consumed, src.length, "trailing garbage");
  assert.equal(stack.length, 1, `unclosed <${stack[stack.length - 1]?.tag}>`);
  return root;
}

/** All descendants (depth first) matching a predicate. */
export function findAll(n: Node, pred: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (x: Node): void => {
    for (const c of x.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

/** The element with this id (exactly one). */
export function byId(n: Node, id: string): Node {
  const f = findAll(n, (x) => x.attrs["id"] === id);
  assert.equal(f.length, 1, `expected one element with id="${id}", found ${f.length}`);
  return f[0] as Node;
}

/** Elements whose class list contains `cls`. */
export function byClass(n: Node, cls: string): Node[] {
  return findAll(n, (x) => (x.attrs["class"] ?? "").split(/\s+/).includes(cls));
}

/** Pixel ↔ data mapping of one axis, fitted from its ticks (data-value and the tick line's position). */
export interface AxisMap {
  toData: (px: number) => number;
  ticks: { value: number; pos: number }[];
}

/** Reads an axis (#x-axis or #y-axis) and checks that its ticks lie on one linear (or log10) scale. */
export function axisMap(svg: Node, which: "x" | "y", log = false): AxisMap {
  const axis = byId(svg, `${which}-axis`);
  assert.ok((axis.attrs["class"] ?? "").includes("axis"));
  const ticks = byClass(axis, "tick").map((t) => {
    const line = t.children.find((c) => c.tag === "line") as Node;
    const pos = Number(which === "x" ? line.attrs["x1"] : line.attrs["y1"]);
    return { value: Number(t.attrs["data-value"]), pos };
  });
  assert.ok(ticks.length >= 2, `${which} axis has ${ticks.length} ticks`);
  const f = (v: number): number => (log ? Math.log10(v) : v);
  const a = ticks[0] as { value: number; pos: number };
  const b = ticks[ticks.length - 1] as { value: number; pos: number };
  const slope = (f(b.value) - f(a.value)) / (b.pos - a.pos);
  const toData = (p: number): number => {
    const t = f(a.value) + (p - a.pos) * slope;
    return log ? 10 ** t : t;
  };
  for (const t of ticks) assert.ok(Math.abs(f(toData(t.pos)) - f(t.value)) <= Math.abs(slope) * 0.02, `tick ${t.value} off the scale`);
  return { toData, ticks };
}

/** The vertices of a path made of M / L commands with absolute coordinates, split into subpaths. */
export function pathSubpaths(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  for (const m of d.matchAll(/([ML])\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)) {
    const p: [number, number] = [Number(m[2]), Number(m[3])];
    if (m[1] === "M") out.push([p]);
    else (out[out.length - 1] as [number, number][]).push(p);
  }
  return out;
}

/** The translate(x y) of a transform attribute. */
export function translateOf(t: string): [number, number] {
  const m = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(t);
  assert.ok(m !== null, `no translate in ${t}`);
  return [Number(m[1]), Number(m[2])];
}
