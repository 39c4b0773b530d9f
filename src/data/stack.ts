// Stacking: elements of one structure and per-component shape become one batched element
// (a new leading axis), each element's storage copied in one block.
import { ShapeError } from "../errors.js";
import { allocate } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { type DatasetElement, buildElement, componentName, flattenElement } from "./element.js";

/** Stacks `elements` (at least one) along a new first axis; they must share structure, shapes and dtypes. */
export function stackElements(elements: readonly DatasetElement[]): DatasetElement {
  const first = flattenElement(elements[0], "Dataset.batch");
  const { kind } = first;
  const flat = elements.map((e, i) => {
    if (i === 0) return first.parts;
    const f = flattenElement(e, "Dataset.batch");
    if (f.parts.length !== first.parts.length || f.kind.kind !== kind.kind) {
      throw new ShapeError(`Dataset.batch: element ${i} has another structure than element 0; every element of a batch must have the same structure`);
    }
    return f.parts;
  });
  const n = elements.length;
  const out = first.parts.map((t0, c) => {
    const w = t0.size;
    const dst = allocate(t0.dtype, n * w);
    for (let i = 0; i < n; i++) {
      const t = (flat[i] as Tensor[])[c] as Tensor;
      if (!sameShape(t.shape, t0.shape) || t.dtype !== t0.dtype) {
        throw new ShapeError(
          `Dataset.batch: component ${componentName(kind, c)} of element ${i} is ${t.dtype} ${fmtShape(t.shape)} but element 0 has ${t0.dtype} ${fmtShape(t0.shape)}; elements of a batch must match (pad or reshape them in map first)`,
        );
      }
      if (w === 1) dst[i] = t.dataSync()[0] as number;
      else dst.set(t.dataSync(), i * w);
    }
    return new Tensor(dst, [n, ...t0.shape], t0.dtype);
  });
  return buildElement(kind, out);
}
