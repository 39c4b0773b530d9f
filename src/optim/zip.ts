// zip: pairs up two lists, as Python's zip(grads, vars) in `optimizer.apply_gradients(zip(grads, vars))`.
import { ValueError } from "../errors.js";

/**
 * Pairs `a[i]` with `b[i]`; the lists must have the same length.
 * @example optimizer.applyGradients(zip(grads, [W, b]));
 */
export function zip<A, B>(a: readonly A[], b: readonly B[]): [A, B][] {
  if (a.length !== b.length) {
    throw new ValueError(`zip: the lists have different lengths (${a.length} and ${b.length}); pass one gradient per variable`);
  }
  const out: [A, B][] = new Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = [a[i] as A, b[i] as B];
  return out;
}
