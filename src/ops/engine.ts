// The op engine: ops are registered by name with their gradient, and every op run while a
// GradientTape records is written onto that tape. Lives below autodiff/ so that ops can record
// without importing the tape.
import { GradientError } from "../errors.js";
import type { DataArray } from "../tensor/dtype.js";
import type { Tensor } from "../tensor/tensor.js";

/**
 * The gradient of an op: given the upstream gradient `dy` (shape and dtype of the output) and
 * the op's inputs, output and saved values, returns one gradient per input, each with that
 * input's shape (broadcasting reduced away), or null where no gradient flows (e.g. a bool input).
 * `needs[i]` tells whether input i's gradient is wanted (the tape ignores the others, so an op
 * may return null for them and skip the work). Written with ops, so that an outer tape can
 * differentiate it again.
 */
export type GradFn = (dy: Tensor, node: OpNode, needs: readonly boolean[]) => readonly (Tensor | null)[];

/**
 * Where a first-order backward step adds the gradients of an op's inputs (see `BackwardFn`). The
 * tape owns it; it is valid only during the call.
 */
export interface GradSink {
  /** Whether input i needs a gradient (the others must not be touched). */
  readonly needs: readonly boolean[];
  /**
   * Input i's gradient storage (input i's shape and dtype) to add into with `+=`: zeroed when
   * input i has no gradient yet, a private copy when its gradient is shared.
   */
  into(i: number): DataArray;
  /** Adds `g` (input i's shape and dtype) to input i's gradient; the first one is kept as it is, so `g` must not change afterwards. */
  add(i: number, g: Tensor): void;
  /**
   * The output gradient's storage handed over to input i, to be overwritten in place with input
   * i's gradient (element k from element k: read dy[k], then write it), or null when that is not
   * safe: the pass must own it alone (not passed through to another tensor, not a gradient the
   * caller asked for), input i must have no gradient yet and dy's shape and dtype. Take it only
   * after the last read of dy for the other inputs.
   */
  reuse(i: number): DataArray | null;
}

/**
 * A first-order backward step written on storage, with no op run and no tensor made for the
 * intermediate: adds the contribution of `dy` to each needed input's gradient through `sink`,
 * micrograd's `+=`. Returns false, having touched nothing, for a case it does not cover; the tape
 * then runs the op's `GradFn`. Used only when no other tape records the backward pass (the
 * `GradFn`, written with ops, is what a recording tape differentiates again); the central-difference
 * tests check both.
 */
export type BackwardFn = (dy: Tensor, node: OpNode, sink: GradSink) => boolean;

/** A registered op: its name, its gradient (null: the op has none, asking for it is an error) and its optional first-order backward step on storage. */
export interface OpDef {
  readonly name: string;
  readonly grad: GradFn | null;
  readonly backward: BackwardFn | null;
}

/** One recorded application of an op. */
export interface OpNode {
  readonly op: OpDef;
  readonly inputs: readonly Tensor[];
  readonly output: Tensor;
  /** Op-specific values kept for the gradient (attributes such as an axis, or intermediates). */
  readonly saved: unknown;
}

/** What a tape must offer to the engine to be recorded on. */
export interface Recorder {
  /** Called for every op run while the recorder is active. */
  record(node: OpNode): void;
}

const registry = new Map<string, OpDef>();
const active: Recorder[] = [];

/**
 * Registers an op by name with its gradient (null when it has none) and, optionally, a faster
 * first-order backward step on storage. Returns the definition to pass to `runOp`. Registering the
 * same name twice is an error.
 * @example const TwiceOp = registerOp("MyTwice", (dy) => [mul(dy, 2)]); // then: runOp(TwiceOp, [x], mul(x, 2))
 */
export function registerOp(name: string, grad: GradFn | null, backward: BackwardFn | null = null): OpDef {
  if (registry.has(name)) throw new GradientError(`registerOp: an op named '${name}' is already registered`);
  if (backward !== null && grad === null) throw new GradientError(`registerOp: op '${name}' has a backward step but no gradient; give it a GradFn too`);
  const def: OpDef = Object.freeze({ name, grad, backward });
  registry.set(name, def);
  return def;
}

/** The op registered under `name`, if any. */
export function getOp(name: string): OpDef | undefined {
  return registry.get(name);
}

/** Names of every registered op, sorted. */
export function registeredOps(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Records a finished op on every active tape and returns its output. Called by each op after its forward kernel.
 * @example const twice = (x: Tensor) => runOp(TwiceOp, [x], mul(x, 2)); // TwiceOp from registerOp
 */
export function runOp(op: OpDef, inputs: readonly Tensor[], output: Tensor, saved?: unknown): Tensor {
  if (active.length > 0) {
    const node: OpNode = { op, inputs, output, saved };
    for (let i = 0; i < active.length; i++) (active[i] as Recorder).record(node);
  }
  return output;
}

/** `runOp` for a one-input op; the inputs list is only made when a tape records. */
export function runOp1(op: OpDef, x: Tensor, output: Tensor, saved?: unknown): Tensor {
  return active.length > 0 ? runOp(op, [x], output, saved) : output;
}

/** `runOp` for a two-input op; the inputs list is only made when a tape records. */
export function runOp2(op: OpDef, a: Tensor, b: Tensor, output: Tensor, saved?: unknown): Tensor {
  return active.length > 0 ? runOp(op, [a, b], output, saved) : output;
}

/** True while at least one tape records (ops may skip saving intermediates otherwise). */
export function isRecording(): boolean {
  return active.length > 0;
}

/** Makes a recorder active (used by GradientTape). */
export function pushRecorder(r: Recorder): void {
  active.push(r);
}

/** Deactivates a recorder (used by GradientTape); a no-op if it is not active. */
export function popRecorder(r: Recorder): void {
  if (active[active.length - 1] === r) active.pop();
  else {
    const i = active.lastIndexOf(r);
    if (i >= 0) active.splice(i, 1);
  }
}

/** Runs `fn` with no tape recording (used while applying gradients or computing them without nesting). */
export function noRecord<T>(fn: () => T): T {
  const saved = active.splice(0, active.length);
  try {
    return fn();
  } finally {
    active.push(...saved);
  }
}
