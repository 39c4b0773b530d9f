// Dataset: TensorFlow's tf.data in miniature. One abstract iterator class; every transform
// returns a new lazy Dataset, and each `for … of` starts a fresh pass.
import { ValueError } from "../errors.js";
import { Rng, nextDefaultSeed } from "../tensor/random.js";
import type { Tensor } from "../tensor/tensor.js";
import type { DatasetElement } from "./element.js";
import { type IndexPlan, type IndexStream, counterStream, repeatStream, skipStream, takeStream } from "./indexStream.js";
import { RangeSource } from "./rangeSource.js";
import { shufflePull, shuffleStream } from "./shuffleBuffer.js";
import { stackElements } from "./stack.js";
import { TensorSlicesSource } from "./tensorSlices.js";

/** One pass over a dataset: each call returns the next element, or undefined at the end. */
export type Pull<T> = () => T | undefined;

/** Options of `Dataset.batch`. */
export interface BatchOptions {
  /** Drop the last batch when it has fewer than `size` elements (default false). */
  dropRemainder?: boolean;
}

/** Options of `Dataset.shuffle`. */
export interface ShuffleOptions {
  /** Seed of the order: the same seed gives the same sequence of orders (default: a fresh seed per dataset). */
  seed?: number;
  /** Draw a new order on every pass (default true, as in TensorFlow); false repeats the first order. */
  reshuffleEachIteration?: boolean;
}

/** The elements of `Dataset.fromTensorSlices` for a tuple `[x, y, …]` of tensors. */
export type TupleElement<S extends readonly Tensor[]> = { -readonly [K in keyof S]: Tensor };

/** The elements of `Dataset.fromTensorSlices` for a record `{ x, y, … }` of tensors. */
export type RecordElement<S extends { readonly [key: string]: Tensor }> = { [K in keyof S]: Tensor };

function checkCount(what: string, n: number, allowMinusOne: boolean): void {
  if (!(Number.isInteger(n) && (n >= 0 || (allowMinusOne && n === -1)))) {
    throw new ValueError(`${what}: expected a non-negative integer${allowMinusOne ? " (or -1)" : ""}, got ${n}`);
  }
}

/**
 * A lazy sequence of elements (a tensor, a tuple or a record of tensors), iterable with
 * `for … of`; every pass starts over. Subclasses implement `open()`.
 * @example
 * const ds = Dataset.fromTensorSlices([x, y]).shuffle(100, { seed: 1 }).batch(32);
 * for (const [xb, yb] of ds) { ... }
 */
export abstract class Dataset<T extends DatasetElement = DatasetElement> implements Iterable<T> {
  /** Starts a new pass over the elements. */
  abstract open(): Pull<T>;

  /** How to iterate this dataset as row numbers of an in-memory source, when it can be (used by `batch`). */
  indexPlan(): IndexPlan | null {
    return null;
  }

  /** Iterates one pass over the elements. */
  [Symbol.iterator](): Iterator<T> {
    const pull = this.open();
    return {
      next(): IteratorResult<T> {
        const value = pull();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
    };
  }

  /** The elements of one pass, in an array. */
  toArray(): T[] {
    const pull = this.open();
    const out: T[] = [];
    for (let e = pull(); e !== undefined; e = pull()) out.push(e);
    return out;
  }

  /**
   * Groups consecutive elements into batches of `size` (a new first axis); the last batch may be
   * smaller unless `dropRemainder`. Consecutive rows of a tensor source are views, not copies.
   */
  batch(size: number, options: BatchOptions = {}): Dataset<T> {
    if (!Number.isInteger(size) || size < 1) throw new ValueError(`Dataset.batch: size must be a positive integer, got ${size}`);
    const dropRemainder = options.dropRemainder ?? false;
    const plan = this.indexPlan();
    if (plan !== null) {
      const { source } = plan;
      return derived<T>(() => {
        const s = plan.open();
        let idx: Int32Array | null = null;
        return () => {
          let filled = s.next(size);
          if (filled === 0) return undefined;
          const first = s.start;
          let contiguous = true;
          while (filled < size) {
            const c = s.next(size - filled);
            if (c === 0) break;
            if (contiguous && s.start === first + filled) {
              filled += c;
              continue;
            }
            if (contiguous) {
              idx ??= new Int32Array(size);
              for (let k = 0; k < filled; k++) idx[k] = first + k;
              contiguous = false;
            }
            const buf = idx as Int32Array;
            for (let k = 0; k < c; k++) buf[filled + k] = s.start + k;
            filled += c;
          }
          if (filled < size && dropRemainder) return undefined;
          return (contiguous ? source.slice(first, first + filled) : source.gather(idx as Int32Array, filled)) as T;
        };
      });
    }
    return derived<T>(() => {
      const pull = this.open();
      return () => {
        const group: T[] = [];
        while (group.length < size) {
          const e = pull();
          if (e === undefined) break;
          group.push(e);
        }
        if (group.length === 0 || (group.length < size && dropRemainder)) return undefined;
        return stackElements(group) as T;
      };
    });
  }

  /**
   * Shuffles with TensorFlow's buffer algorithm: keeps `bufferSize` elements and emits a random
   * one each time. A buffer as large as the data gives a uniform permutation.
   */
  shuffle(bufferSize: number, options: ShuffleOptions = {}): Dataset<T> {
    if (!Number.isInteger(bufferSize) || bufferSize < 1) {
      throw new ValueError(`Dataset.shuffle: bufferSize must be a positive integer, got ${bufferSize}`);
    }
    const seed = options.seed ?? nextDefaultSeed();
    const reshuffle = options.reshuffleEachIteration ?? true;
    let pass = 0;
    const nextRng = (): Rng => new Rng(reshuffle ? (seed + Math.imul(pass++, 0x9e3779b9)) | 0 : seed);
    const plan = this.indexPlan();
    if (plan !== null) {
      return planned<T>({ source: plan.source, open: () => shuffleStream(plan.open(), bufferSize, nextRng()) });
    }
    return derived<T>(() => shufflePull<T | undefined>(this.open(), undefined, bufferSize, nextRng()));
  }

  /** Repeats the dataset `count` times (forever when omitted or -1); each repetition is a new pass. */
  repeat(count = -1): Dataset<T> {
    checkCount("Dataset.repeat", count, true);
    const times = count === -1 ? Infinity : count;
    const plan = this.indexPlan();
    if (plan !== null) {
      return planned<T>({ source: plan.source, open: () => repeatStream(() => plan.open(), times) });
    }
    return derived<T>(() => {
      let done = 0;
      let pull: Pull<T> | null = null;
      let gotAny = false;
      return () => {
        for (;;) {
          if (pull === null) {
            if (done >= times) return undefined;
            pull = this.open();
            gotAny = false;
          }
          const e = pull();
          if (e !== undefined) {
            gotAny = true;
            return e;
          }
          pull = null;
          done++;
          if (!gotAny) return undefined; // an empty pass: repeating it would never end
        }
      };
    });
  }

  /** Applies `fn` to every element, lazily. */
  map<U extends DatasetElement>(fn: (element: T) => U): Dataset<U> {
    return derived<U>(() => {
      const pull = this.open();
      return () => {
        const e = pull();
        return e === undefined ? undefined : fn(e);
      };
    });
  }

  /** The first `n` elements (all of them when `n` is -1). */
  take(n: number): Dataset<T> {
    checkCount("Dataset.take", n, true);
    if (n === -1) return this;
    const plan = this.indexPlan();
    if (plan !== null) return planned<T>({ source: plan.source, open: () => takeStream(plan.open(), n) });
    return derived<T>(() => {
      const pull = this.open();
      let left = n;
      return () => (left-- > 0 ? pull() : undefined);
    });
  }

  /** All elements but the first `n` (none when `n` is -1). */
  skip(n: number): Dataset<T> {
    checkCount("Dataset.skip", n, true);
    const count = n === -1 ? Infinity : n;
    const plan = this.indexPlan();
    if (plan !== null) return planned<T>({ source: plan.source, open: () => skipStream(plan.open(), count) });
    return derived<T>(() => {
      const pull = this.open();
      let toSkip = count;
      return () => {
        while (toSkip > 0) {
          toSkip--;
          if (pull() === undefined) {
            toSkip = 0;
            return undefined;
          }
        }
        return pull();
      };
    });
  }

  /** The rows along the first axis of a tensor, of a tuple `[x, y]` or of a record `{ x, y }` of tensors. */
  static fromTensorSlices(x: Tensor): Dataset<Tensor>;
  static fromTensorSlices<const S extends readonly Tensor[]>(tensors: S): Dataset<TupleElement<S>>;
  static fromTensorSlices<S extends { readonly [key: string]: Tensor }>(tensors: S): Dataset<RecordElement<S>>;
  static fromTensorSlices(structure: DatasetElement): Dataset<DatasetElement> {
    const source = new TensorSlicesSource(structure);
    return planned<DatasetElement>({ source, open: () => counterStream(source.length) });
  }

  /**
   * The int32 scalars 0 … n−1, or start, start + step, … below stop.
   * @example Dataset.range(n).shuffle(n, { seed: 7 }).batch(64) // int32 index batches of shape [64]
   */
  static range(n: number): Dataset<Tensor>;
  static range(start: number, stop: number, step?: number): Dataset<Tensor>;
  static range(a: number, b?: number, step = 1): Dataset<Tensor> {
    const [start, stop] = b === undefined ? [0, a] : [a, b];
    for (const [name, v] of [["start", start], ["stop", stop], ["step", step]] as const) {
      if (!Number.isInteger(v) || Math.abs(v) > 2147483647) throw new ValueError(`Dataset.range: ${name} must be an int32 integer, got ${v}`);
    }
    if (step === 0) throw new ValueError("Dataset.range: step must not be 0");
    const source = new RangeSource(start, stop, step);
    return planned<Tensor>({ source, open: () => counterStream(source.length) });
  }
}

/** A dataset defined by how to open a pass. */
class DerivedDataset<T extends DatasetElement> extends Dataset<T> {
  constructor(private readonly opener: () => Pull<T>) {
    super();
  }

  override open(): Pull<T> {
    return this.opener();
  }
}

/** A dataset whose elements are rows of an in-memory source, in the order of an index stream. */
class PlannedDataset<T extends DatasetElement> extends Dataset<T> {
  constructor(private readonly plan: IndexPlan) {
    super();
  }

  override indexPlan(): IndexPlan {
    return this.plan;
  }

  override open(): Pull<T> {
    const s: IndexStream = this.plan.open();
    const source = this.plan.source;
    return () => (s.next(1) === 0 ? undefined : (source.row(s.start) as T));
  }
}

function derived<T extends DatasetElement>(opener: () => Pull<T>): Dataset<T> {
  return new DerivedDataset<T>(opener);
}

function planned<T extends DatasetElement>(plan: IndexPlan): Dataset<T> {
  return new PlannedDataset<T>(plan);
}
