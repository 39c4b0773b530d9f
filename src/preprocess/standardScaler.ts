// StandardScaler: centre each feature on its mean and divide by its population standard deviation.
import { NotFittedError, ShapeError, ValueError } from "../errors.js";
import { readMatrix, writeLike, type FlatMatrix, type MatrixInput } from "./matrix.js";

/** Magnitude (2^500) above which a column's statistics are computed scaled down by DOWN (exact: a power of two). */
const HUGE = 2 ** 500;
/** Brings values below 2^1024 under 2^424, so that n of their squares cannot overflow. */
const DOWN = 2 ** -600;

/** Options of `StandardScaler`. */
export interface StandardScalerOptions {
  /** Subtract the mean (default true). */
  withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  withStd?: boolean;
}

/** The serialised form of a fitted scaler: x' = (x − mean) / scale. */
export interface StandardScalerJSON {
  mean: number[];
  scale: number[];
}

/** The matrix type returned for an input of type X: rows stay rows, a flat typed matrix stays flat with the same array class. */
export type SameMatrix<X extends MatrixInput> = X extends FlatMatrix<infer A> ? FlatMatrix<A> : number[][];

/**
 * Standardises features: x' = (x − mean) / scale with the population (ddof = 0) standard deviation as
 * scale; columns of zero variance get scale 1. `mean` is all zeros when withMean is false and `scale`
 * all ones when withStd is false, so `{ mean, scale }` always describes the transform applied.
 */
export class StandardScaler {
  /** The options given to the constructor. */
  readonly withMean: boolean;
  readonly withStd: boolean;
  private mean_: number[] | undefined;
  private scale_: number[] | undefined;

  constructor(options: StandardScalerOptions = {}) {
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  /** Learns each column's mean and population standard deviation; returns this. */
  fit(X: MatrixInput): this {
    const { data, n, d } = readMatrix("StandardScaler.fit", X);
    if (n === 0) throw new ValueError("StandardScaler.fit: X has no rows: give at least one sample");
    if (d === 0) throw new ShapeError("StandardScaler.fit: X has no columns: give at least one feature");
    // Columns with values beyond 2^500 are summed scaled down by a power of two (exactly), so that
    // neither the sum nor the squares overflow; every other column is computed as is (factor 1).
    const down = new Float64Array(d).fill(1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) if (Math.abs(data[i * d + j] as number) > HUGE) down[j] = DOWN;
    }
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (data[i * d + j] as number) * (down[j] as number);
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / n;
    // A column whose values are all identical gets that value as its mean exactly, so that it maps to exactly 0.
    for (let j = 0; j < d; j++) {
      const first = data[j] as number;
      let same = true;
      for (let i = 1; i < n && same; i++) same = data[i * d + j] === first;
      if (same) mean[j] = first * (down[j] as number);
    }
    // Two-pass variance with the rounding-error correction term (Chan, Golub & LeVeque).
    const sq = new Float64Array(d);
    const corr = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const t = (data[i * d + j] as number) * (down[j] as number) - (mean[j] as number);
        sq[j] = (sq[j] as number) + t * t;
        corr[j] = (corr[j] as number) + t;
      }
    }
    const eps = Number.EPSILON;
    const scale: number[] = new Array(d);
    for (let j = 0; j < d; j++) {
      const c = corr[j] as number;
      const v = Math.max(0, ((sq[j] as number) - (c * c) / n) / n);
      const m = mean[j] as number;
      // A column is constant when its variance is within rounding error of zero (as scikit-learn decides).
      const constant = v <= n * eps * v + (n * m * eps) ** 2;
      scale[j] = !this.withStd || constant ? 1 : Math.sqrt(v) / (down[j] as number);
      mean[j] = m / (down[j] as number);
    }
    this.mean_ = this.withMean ? Array.from(mean) : new Array<number>(d).fill(0);
    this.scale_ = scale;
    return this;
  }

  /** Standardises X with the learned mean and scale; the result has the same form as X. */
  transform<X extends MatrixInput>(X: X): SameMatrix<X> {
    const { mean, scale } = this.fitted();
    const { data, n, d } = this.read("transform", X, mean.length);
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const x = data[i * d + j] as number;
        const m = mean[j] as number;
        const s = scale[j] as number;
        const v = (x - m) / s;
        // x − m can overflow when x and m are near ±1.8e308 with opposite signs; x/s − m/s cannot.
        out[i * d + j] = Number.isFinite(v) ? v : x / s - m / s;
      }
    }
    return writeLike(X, out, n, d) as SameMatrix<X>;
  }

  /** fit(X) then transform(X). */
  fitTransform<X extends MatrixInput>(X: X): SameMatrix<X> {
    return this.fit(X).transform(X);
  }

  /** Undoes the transform: x = x' · scale + mean. */
  inverseTransform<X extends MatrixInput>(X: X): SameMatrix<X> {
    const { mean, scale } = this.fitted();
    const { data, n, d } = this.read("inverseTransform", X, mean.length);
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] as number) * (scale[j] as number) + (mean[j] as number);
    }
    return writeLike(X, out, n, d) as SameMatrix<X>;
  }

  /** The per-feature mean subtracted (zeros when withMean is false). */
  get mean(): number[] {
    return [...this.fitted().mean];
  }

  /** The per-feature divisor (population std, 1 for constant columns; ones when withStd is false). */
  get scale(): number[] {
    return [...this.fitted().scale];
  }

  /** The number of features seen by fit. */
  get nFeatures(): number {
    return this.fitted().mean.length;
  }

  /** True once fit (or fromJSON) has run. */
  get isFitted(): boolean {
    return this.mean_ !== undefined;
  }

  /** `{ mean, scale }` of the fitted transform. */
  toJSON(): StandardScalerJSON {
    const { mean, scale } = this.fitted();
    return { mean: [...mean], scale: [...scale] };
  }

  /** Rebuilds a fitted scaler from `{ mean, scale }` (as written by toJSON), checking every value. */
  static fromJSON(json: unknown): StandardScaler {
    if (typeof json !== "object" || json === null) throw new ValueError("StandardScaler.fromJSON: expected an object { mean, scale }");
    const { mean, scale } = json as Record<string, unknown>;
    const check = (name: string, v: unknown, positive: boolean): number[] => {
      if (!Array.isArray(v) || v.length === 0) throw new ValueError(`StandardScaler.fromJSON: ${name} must be a non-empty array of numbers`);
      v.forEach((x: unknown, j) => {
        if (typeof x !== "number" || !Number.isFinite(x) || (positive && !(x > 0))) {
          throw new ValueError(
            `StandardScaler.fromJSON: ${name}[${j}] is ${JSON.stringify(x)}: expected a finite ${positive ? "positive " : ""}number`,
          );
        }
      });
      return v as number[];
    };
    const m = check("mean", mean, false);
    const s = check("scale", scale, true);
    if (m.length !== s.length) {
      throw new ValueError(`StandardScaler.fromJSON: mean has ${m.length} entries but scale has ${s.length}: they must match`);
    }
    const out = new StandardScaler({ withMean: m.some((x) => x !== 0), withStd: s.some((x) => x !== 1) });
    out.mean_ = [...m];
    out.scale_ = [...s];
    return out;
  }

  private fitted(): { mean: number[]; scale: number[] } {
    if (this.mean_ === undefined || this.scale_ === undefined) throw new NotFittedError("StandardScaler");
    return { mean: this.mean_, scale: this.scale_ };
  }

  private read(method: string, X: MatrixInput, d: number): { data: ArrayLike<number>; n: number; d: number } {
    const v = readMatrix(`StandardScaler.${method}`, X);
    if (v.d !== d && !(v.n === 0 && v.d === 0)) {
      throw new ShapeError(`StandardScaler.${method}: X has ${v.d} features but the scaler was fitted on ${d}: give the same columns as at fit`);
    }
    return { data: v.data, n: v.n, d };
  }
}
