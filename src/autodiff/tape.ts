/// <reference lib="esnext.disposable" preserve="true" />
// GradientTape: records the ops run while it is active and differentiates a target with respect
// to sources by walking the record backwards, applying each op's registered gradient. Bookkeeping
// lives in three fields of each tensor (a stamp of the pass, the gradient, and the stamp of the
// pass that owns the gradient's storage), not in hash maps, which keeps a backward pass over a
// small model to a few microseconds. With no other tape recording, the walk runs the ops'
// first-order backward steps on storage (gradSink.ts); a recording tape gets op-built gradients.
import { GradientError } from "../errors.js";
import { allocate, isFloat } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor, kernelTensor } from "../tensor/tensor.js";
import { type OpNode, type Recorder, isRecording, popRecorder, pushRecorder } from "../ops/engine.js";
import { add } from "../ops/add.js";
import { PassSink } from "./gradSink.js";
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
  declare readonly persistent: boolean;
  declare private readonly watchVariables: boolean;
  declare private nodes: OpNode[];
  declare private watched: Tensor[] | null;
  declare private recording: boolean;
  declare private used: boolean;

  /** Creates a tape and starts recording. */
  constructor(options?: GradientTapeOptions) {
    this.persistent = options?.persistent ?? false;
    this.watchVariables = options?.watchAccessedVariables ?? true;
    this.nodes = [];
    this.watched = null;
    this.recording = true;
    this.used = false;
    pushRecorder(this);
  }

  /** Makes the tape differentiate with respect to these tensors (trainable Variables are watched automatically). */
  watch(...tensors: readonly Tensor[]): void {
    const w = (this.watched ??= []);
    for (const t of tensors) if (!w.includes(t)) w.push(t);
  }

  /**
   * Called by the op engine for every op run while this tape is active. Every op is kept (a push,
   * nothing more); which ones depend on watched tensors is worked out once, in `gradient`.
   */
  record(node: OpNode): void {
    this.nodes.push(node);
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
   * on, or that is not watched (nor a trainable Variable, nor computed from one on this tape),
   * gives null, as TensorFlow gives None. Throws a GradientError naming the op when the path goes
   * through an op that has no gradient.
   */
  gradient<S extends Sources>(target: Tensor, sources: S, outputGradient?: Tensor): Gradients<S> {
    if (this.used && !this.persistent) {
      throw new GradientError(
        "GradientTape.gradient: a non-persistent tape can be used only once; create it with new GradientTape({ persistent: true }) to call gradient several times",
      );
    }
    if (inBackprop) {
      throw new GradientError("GradientTape.gradient: cannot compute a gradient inside an op's gradient function; compute it before or after");
    }
    this.used = true;
    const wasRecording = this.recording;
    if (wasRecording) popRecorder(this);
    inBackprop = true;
    const stamp = ++lastStamp;
    // Work lists made per pass: a long-lived list would be old-generation memory, and storing the
    // pass's young tensors into it costs a write barrier per entry (measured slower).
    const touched: Tensor[] = [];
    try {
      const list: readonly Tensor[] =
        sources instanceof Tensor ? [sources] : Array.isArray(sources) ? (sources as readonly Tensor[]) : Object.values(sources as Record<string, Tensor>);
      this.backprop(target, list, outputGradient, stamp, touched);
      let result: unknown;
      if (sources instanceof Tensor) result = pickGrad(sources, stamp);
      else if (Array.isArray(sources)) {
        const out: (Tensor | null)[] = [];
        for (let i = 0; i < list.length; i++) out.push(pickGrad(list[i] as Tensor, stamp));
        result = out;
      } else {
        const rec: Record<string, Tensor | null> = {};
        for (const [k, t] of Object.entries(sources as Record<string, Tensor>)) rec[k] = pickGrad(t, stamp);
        result = rec;
      }
      return result as Gradients<S>;
    } finally {
      // Drop the references kept for this pass so that tensors do not hold gradients alive.
      for (let i = 0; i < touched.length; i++) {
        const t = touched[i] as Tensor;
        t._tapeGrad = null;
        t._tapeMark = 0;
      }
      inBackprop = false;
      if (this.persistent) {
        if (wasRecording) pushRecorder(this);
      } else {
        this.recording = false;
        this.nodes = [];
      }
    }
  }

  /** Whether the tape differentiates with respect to `t` by itself (watched, or an accessed trainable Variable). */
  private isRoot(t: Tensor): boolean {
    return (this.watched !== null && this.watched.includes(t)) || (this.watchVariables && t instanceof Variable && t.trainable);
  }

  /**
   * Backpropagates from `target`; leaves each reached tensor's gradient in its `_tapeGrad` (valid
   * while `_tapeMark === stamp`) and lists every tensor it marks in `touched`.
   */
  private backprop(target: Tensor, sources: readonly Tensor[], outputGradient: Tensor | undefined, stamp: number, touched: Tensor[]): void {
    const nodes = this.nodes;
    // A source that is not a root counts only when it is computed on this tape from a root.
    let allRoots = true;
    for (const s of sources) if (!this.isRoot(s)) allRoots = false;
    if (!allRoots) {
      const connected = new Set<Tensor>();
      for (const node of nodes) {
        for (const x of node.inputs) {
          if (connected.has(x) || this.isRoot(x)) {
            connected.add(node.output);
            break;
          }
        }
      }
      for (const s of sources) if (this.isRoot(s) || connected.has(s)) markTensor(s, stamp, touched);
    } else for (const s of sources) markTensor(s, stamp, touched);

    // Forward sweep: the recorded nodes that depend on a source through float tensors (gradients
    // never flow into int32/bool tensors, so an op reached only through them, such as
    // oneHot(argMax(x)), is not on the path).
    const onPath: OpNode[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as OpNode;
      const inputs = node.inputs;
      for (let j = 0; j < inputs.length; j++) {
        const x = inputs[j] as Tensor;
        if (x._tapeMark === stamp && isFloat(x.dtype)) {
          if (node.output._tapeMark !== stamp) markTensor(node.output, stamp, touched);
          onPath.push(node);
          break;
        }
      }
    }
    if (target._tapeMark !== stamp) return;
    if (!isFloat(target.dtype)) {
      throw new GradientError(`GradientTape.gradient: the target is a ${target.dtype} tensor; only float targets have gradients`);
    }
    if (outputGradient !== undefined) {
      if (!sameShape(outputGradient.shape, target.shape)) {
        throw new GradientError(
          `GradientTape.gradient: outputGradient shape ${fmtShape(outputGradient.shape)} differs from the target's ${fmtShape(target.shape)}`,
        );
      }
      target._tapeGrad = outputGradient;
    } else if (target.rank === 0) {
      // The usual target, a scalar loss: a shared constant 1 (tensors are immutable).
      target._tapeGrad = target.dtype === "float32" ? ONE_F32 : ONE_F64;
    } else {
      const ones = allocate(target.dtype, target.size);
      for (let i = 0; i < ones.length; i++) ones[i] = 1;
      target._tapeGrad = kernelTensor(ones, target.shape, target.dtype);
    }
    // First order (no other tape records this pass): gradients accumulate in place through a sink,
    // and ops with a backward step on storage use it. Otherwise every step runs ops, which an outer
    // tape records to differentiate again.
    const sink = isRecording() ? null : new PassSink(stamp, sources);
    for (let i = onPath.length - 1; i >= 0; i--) {
      const node = onPath[i] as OpNode;
      const dy = node.output._tapeGrad;
      if (dy === null) continue;
      const op = node.op;
      if (op.grad === null) {
        throw new GradientError(
          `GradientTape.gradient: op '${op.name}' has no gradient, but the target depends on a source through it (output ${fmtShape(node.output.shape)})`,
        );
      }
      const inputs = node.inputs;
      let needs: readonly boolean[];
      if (inputs.length === 1) needs = needsGrad(inputs[0] as Tensor, stamp) ? NEEDS_T : NEEDS_F;
      else if (inputs.length === 2) {
        needs = NEEDS_2[(needsGrad(inputs[0] as Tensor, stamp) ? 2 : 0) + (needsGrad(inputs[1] as Tensor, stamp) ? 1 : 0)] as readonly boolean[];
      } else {
        const list: boolean[] = [];
        for (let j = 0; j < inputs.length; j++) list.push(needsGrad(inputs[j] as Tensor, stamp));
        needs = list;
      }
      if (sink !== null) {
        sink.needs = needs;
        sink.inputs = inputs;
        sink.output = node.output;
        if (op.backward !== null && op.backward(dy, node, sink)) continue;
      }
      const inGrads = op.grad(dy, node, needs);
      for (let j = 0; j < inputs.length; j++) {
        const g = inGrads[j];
        if (g === null || g === undefined || !needs[j]) continue;
        const x = inputs[j] as Tensor;
        if (!sameShape(g.shape, x.shape)) {
          throw new GradientError(
            `GradientTape.gradient: the gradient of op '${op.name}' for input ${j} has shape ${fmtShape(g.shape)}, expected ${fmtShape(x.shape)}`,
          );
        }
        if (sink !== null) sink.add(j, g);
        else {
          const prev = x._tapeGrad;
          x._tapeGrad = prev === null ? g : add(prev, g);
        }
      }
    }
  }
}

const ONE_F32 = kernelTensor(Float32Array.of(1), [], "float32");
const ONE_F64 = kernelTensor(Float64Array.of(1), [], "float64");
let lastStamp = 0;
let inBackprop = false;
// The `needs` flags of one- and two-input ops, shared by every pass (typed read-only: gradient functions only read them).
const NEEDS_T: readonly boolean[] = [true];
const NEEDS_F: readonly boolean[] = [false];
const NEEDS_2: readonly (readonly boolean[])[] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/** The gradient left on `t` by the backward pass `stamp`, or null when the pass did not reach it. */
function pickGrad(t: Tensor, stamp: number): Tensor | null {
  return t._tapeMark === stamp ? t._tapeGrad : null;
}

/** Whether a gradient must flow into `t` in the backward pass `stamp`: it is reached and a float tensor. */
function needsGrad(t: Tensor, stamp: number): boolean {
  return t._tapeMark === stamp && (t.dtype === "float32" || t.dtype === "float64");
}

/** Marks `t` as reached by the backward pass `stamp`, with no gradient yet. */
function markTensor(t: Tensor, stamp: number, touched: Tensor[]): void {
  t._tapeMark = stamp;
  t._tapeGrad = null;
  touched.push(t);
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
