// GradientTape: records the ops run on watched tensors and differentiates a target with respect
// to sources by walking the record backwards, applying each op's registered gradient.
import { GradientError } from "../errors.js";
import { isFloat } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";
import { type OpNode, type Recorder, popRecorder, pushRecorder } from "../ops/engine.js";
import { add } from "../ops/add.js";
import { fill } from "../tensor/creation.js";
import { Variable } from "./variable.js";

/** Options of a GradientTape. */
export interface GradientTapeOptions {
  /** Allow several `gradient` calls on one tape (default false, as in TensorFlow). */
  persistent?: boolean;
  /** Watch every trainable Variable an op reads (default true, as in TensorFlow). */
  watchAccessedVariables?: boolean;
}

/** Sources for `gradient`: one tensor, a list, or a record of named tensors. */
export type Sources = Tensor | readonly Tensor[] | Readonly<Record<string, Tensor>>;

/** The gradients for `Sources`, in the same structure; null where the target does not depend on a source. */
export type Gradients<S> = S extends Tensor
  ? Tensor | null
  : S extends readonly Tensor[]
    ? (Tensor | null)[]
    : { [K in keyof S]: Tensor | null };

/**
 * Records operations while active and computes gradients of a target with respect to sources.
 * It records from construction until `gradient` (non-persistent) or `stop()`; with `using`
 * it stops at the end of the block. Tapes nest: an outer tape records the inner tape's
 * gradient computation, which gives higher derivatives.
 * @example
 * const tape = new GradientTape();
 * const loss = sum(square(sub(matMul(x, W), y)));
 * const [dW] = tape.gradient(loss, [W]);
 */
export class GradientTape implements Recorder {
  /** Whether `gradient` may be called more than once. */
  readonly persistent: boolean;
  private readonly watchVariables: boolean;
  private nodes: OpNode[] = [];
  private readonly connected = new Set<number>();
  private recording = true;
  private used = false;

  /** Creates a tape and starts recording. */
  constructor(options: GradientTapeOptions = {}) {
    this.persistent = options.persistent ?? false;
    this.watchVariables = options.watchAccessedVariables ?? true;
    pushRecorder(this);
  }

  /** Makes the tape record ops on these tensors (Variables that are trainable are watched automatically). */
  watch(...tensors: readonly Tensor[]): void {
    for (const t of tensors) this.connected.add(t.id);
  }

  /** Called by the op engine for every op run while this tape is active. */
  record(node: OpNode): void {
    let hit = false;
    for (const x of node.inputs) {
      if (this.connected.has(x.id)) hit = true;
      else if (this.watchVariables && x instanceof Variable && x.trainable) {
        this.connected.add(x.id);
        hit = true;
      }
    }
    if (hit) {
      this.nodes.push(node);
      this.connected.add(node.output.id);
    }
  }

  /** Stops recording (further ops are not recorded). Idempotent. */
  stop(): void {
    if (this.recording) {
      popRecorder(this);
      this.recording = false;
    }
  }

  /** Stops recording at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.stop();
  }

  /**
   * The gradient of `target` (summed over its elements, or weighted by `outputGradient`) with
   * respect to each source, in the structure of `sources`. A source the target does not depend
   * on gives null. Throws a GradientError naming the op when the path goes through an op that
   * has no gradient.
   */
  gradient<S extends Sources>(target: Tensor, sources: S, outputGradient?: Tensor): Gradients<S> {
    if (this.used && !this.persistent) {
      throw new GradientError(
        "GradientTape.gradient: a non-persistent tape can be used only once; create it with new GradientTape({ persistent: true }) to call gradient several times",
      );
    }
    this.used = true;
    const wasRecording = this.recording;
    if (wasRecording) popRecorder(this);
    try {
      const list: Tensor[] =
        sources instanceof Tensor ? [sources] : Array.isArray(sources) ? [...(sources as readonly Tensor[])] : Object.values(sources as Record<string, Tensor>);
      const grads = this.backprop(target, list, outputGradient);
      const pick = (t: Tensor): Tensor | null => grads.get(t.id) ?? null;
      let result: unknown;
      if (sources instanceof Tensor) result = pick(sources);
      else if (Array.isArray(sources)) result = (sources as readonly Tensor[]).map(pick);
      else {
        const rec: Record<string, Tensor | null> = {};
        for (const [k, t] of Object.entries(sources as Record<string, Tensor>)) rec[k] = pick(t);
        result = rec;
      }
      return result as Gradients<S>;
    } finally {
      if (this.persistent) {
        if (wasRecording) pushRecorder(this);
      } else {
        this.recording = false;
        this.nodes = [];
      }
    }
  }

  private backprop(target: Tensor, sources: readonly Tensor[], outputGradient: Tensor | undefined): Map<number, Tensor> {
    // Forward sweep: which recorded nodes depend on a watched source through float tensors
    // (gradients never flow into int32/bool tensors, so an op reached only through them, such as
    // oneHot(argMax(x)), is not on the path). An unwatched source gets null, as in TensorFlow.
    const reach = new Set<number>();
    for (const s of sources) if (this.connected.has(s.id)) reach.add(s.id);
    const onPath: OpNode[] = [];
    for (const node of this.nodes) {
      if (node.inputs.some((x) => reach.has(x.id) && isFloat(x.dtype))) {
        reach.add(node.output.id);
        onPath.push(node);
      }
    }
    const grads = new Map<number, Tensor>();
    if (!reach.has(target.id)) return grads;
    if (!isFloat(target.dtype)) {
      throw new GradientError(`GradientTape.gradient: the target is a ${target.dtype} tensor; only float targets have gradients`);
    }
    let seed: Tensor;
    if (outputGradient !== undefined) {
      if (!sameShape(outputGradient.shape, target.shape)) {
        throw new GradientError(
          `GradientTape.gradient: outputGradient shape ${fmtShape(outputGradient.shape)} differs from the target's ${fmtShape(target.shape)}`,
        );
      }
      seed = outputGradient;
    } else seed = fill(target.shape, 1, target.dtype);
    grads.set(target.id, seed);
    for (let i = onPath.length - 1; i >= 0; i--) {
      const node = onPath[i] as OpNode;
      const dy = grads.get(node.output.id);
      if (dy === undefined) continue;
      if (node.op.grad === null) {
        throw new GradientError(
          `GradientTape.gradient: op '${node.op.name}' has no gradient, but the target depends on a source through it (output ${fmtShape(node.output.shape)})`,
        );
      }
      const inGrads = node.op.grad(dy, node);
      for (let j = 0; j < node.inputs.length; j++) {
        const x = node.inputs[j] as Tensor;
        const g = inGrads[j];
        if (g === null || g === undefined || !reach.has(x.id) || !isFloat(x.dtype)) continue;
        if (!sameShape(g.shape, x.shape)) {
          throw new GradientError(
            `GradientTape.gradient: the gradient of op '${node.op.name}' for input ${j} has shape ${fmtShape(g.shape)}, expected ${fmtShape(x.shape)}`,
          );
        }
        const prev = grads.get(x.id);
        grads.set(x.id, prev === undefined ? g : add(prev, g));
      }
    }
    return grads;
  }
}

/**
 * Runs `fn` under a fresh tape and returns its value and the gradients of that value with
 * respect to `sources`.
 * @example const { value, grads } = valueAndGrads(() => loss(W, b), [W, b]);
 */
export function valueAndGrads<S extends Sources>(fn: () => Tensor, sources: S): { value: Tensor; grads: Gradients<S> } {
  const tape = new GradientTape();
  if (sources instanceof Tensor) tape.watch(sources);
  else if (Array.isArray(sources)) tape.watch(...(sources as readonly Tensor[]));
  else tape.watch(...Object.values(sources as Record<string, Tensor>));
  let value: Tensor;
  try {
    value = fn();
  } catch (e) {
    tape.stop();
    throw e;
  }
  return { value, grads: tape.gradient(value, sources) };
}
