// The elements a Dataset holds: one tensor, a tuple of tensors, or a record of named tensors,
// and helpers to take such a structure apart into its component tensors and put it back.
import { ValueError } from "../errors.js";
import { Tensor } from "../tensor/tensor.js";

/** An element of a Dataset: a tensor, a tuple of tensors (e.g. `[x, y]`) or a record of tensors (e.g. `{ x, y }`). */
export type DatasetElement = Tensor | readonly Tensor[] | { readonly [key: string]: Tensor };

/** How an element is built from its flat list of component tensors. */
export type ElementKind = { kind: "tensor" } | { kind: "tuple"; length: number } | { kind: "record"; keys: readonly string[] };

/** The component tensors of `e` in a fixed order, and how to rebuild the structure from them. */
export function flattenElement(e: unknown, where: string): { kind: ElementKind; parts: Tensor[] } {
  if (e instanceof Tensor) return { kind: { kind: "tensor" }, parts: [e] };
  if (Array.isArray(e)) {
    const parts: Tensor[] = [];
    e.forEach((t: unknown, i: number) => {
      if (!(t instanceof Tensor)) throw new ValueError(`${where}: component ${i} of the element is not a Tensor (found ${describe(t)})`);
      parts.push(t);
    });
    return { kind: { kind: "tuple", length: parts.length }, parts };
  }
  if (e !== null && typeof e === "object") {
    const keys = Object.keys(e);
    const parts: Tensor[] = [];
    for (const k of keys) {
      const t = (e as Record<string, unknown>)[k];
      if (!(t instanceof Tensor)) throw new ValueError(`${where}: component '${k}' of the element is not a Tensor (found ${describe(t)})`);
      parts.push(t);
    }
    return { kind: { kind: "record", keys }, parts };
  }
  throw new ValueError(`${where}: an element must be a Tensor, an array of Tensors or a record of Tensors, found ${describe(e)}`);
}

/** Rebuilds an element of structure `kind` from its component tensors. */
export function buildElement(kind: ElementKind, parts: readonly Tensor[]): DatasetElement {
  switch (kind.kind) {
    case "tensor":
      return parts[0] as Tensor;
    case "tuple":
      return parts.slice();
    case "record": {
      const out: Record<string, Tensor> = {};
      for (let i = 0; i < kind.keys.length; i++) out[kind.keys[i] as string] = parts[i] as Tensor;
      return out;
    }
  }
}

/** A name for component `i` of a structure, for messages. */
export function componentName(kind: ElementKind, i: number): string {
  return kind.kind === "record" ? `'${kind.keys[i]}'` : kind.kind === "tuple" ? `${i}` : "the tensor";
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return typeof x === "object" ? (x.constructor?.name ?? "an object") : typeof x;
}
