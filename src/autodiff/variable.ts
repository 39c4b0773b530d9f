// Variable: a named, mutable tensor that tapes watch automatically when trainable.
import { ShapeError } from "../errors.js";
import { allocate, convert } from "../tensor/dtype.js";
import { fmtShape, sameShape } from "../tensor/shape.js";
import { Tensor } from "../tensor/tensor.js";

/** Options of a Variable. */
export interface VariableOptions {
  /** A name for messages and optimizer state. */
  name?: string;
  /** Whether tapes watch it automatically and optimizers may update it (default true). */
  trainable?: boolean;
}

let unnamed = 0;

/**
 * A mutable tensor (a model parameter). Ops accept it wherever they accept a Tensor; a
 * GradientTape watches it automatically when it is trainable.
 * @example const W = new Variable(zeros([2, 1]), { name: "weight" });
 */
export class Variable extends Tensor {
  /** The variable's name. */
  declare readonly name: string;
  /** Whether tapes watch it automatically. */
  declare readonly trainable: boolean;

  /** Creates a variable holding a copy of `initial`. */
  constructor(initial: Tensor, options: VariableOptions = {}) {
    super(initial.dataSync().slice(), initial.shape, initial.dtype);
    this.name = options.name ?? `Variable_${unnamed++}`;
    this.trainable = options.trainable ?? true;
  }

  /** Replaces the value by `value` (same shape; converted to this dtype). Returns this. */
  assign(value: Tensor): this {
    this.checkCompatible("assign", value);
    const v = value.dataSync();
    if (value.dtype === this.dtype) {
      const next = allocate(this.dtype, v.length);
      for (let i = 0; i < v.length; i++) next[i] = v[i] as number;
      this.values = next;
    } else this.values = convert(v, this.dtype);
    return this;
  }

  /** Subtracts `delta` (same shape) from the value in one step: value ← value − delta. Returns this. */
  assignSub(delta: Tensor): this {
    this.checkCompatible("assignSub", delta);
    const cur = this.values;
    const next = allocate(this.dtype, cur.length);
    const d = delta.dataSync();
    for (let i = 0; i < next.length; i++) next[i] = (cur[i] as number) - (d[i] as number);
    this.values = next;
    return this;
  }

  /** Adds `delta` (same shape) to the value: value ← value + delta. Returns this. */
  assignAdd(delta: Tensor): this {
    this.checkCompatible("assignAdd", delta);
    const cur = this.values;
    const next = allocate(this.dtype, cur.length);
    const d = delta.dataSync();
    for (let i = 0; i < next.length; i++) next[i] = (cur[i] as number) + (d[i] as number);
    this.values = next;
    return this;
  }

  private checkCompatible(op: string, t: Tensor): void {
    if (!sameShape(t.shape, this.shape)) {
      throw new ShapeError(`Variable.${op} on '${this.name}': shape ${fmtShape(t.shape)} does not match ${fmtShape(this.shape)}`);
    }
  }
}
