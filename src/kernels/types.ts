// The contract between the solvers (src/linear) and the hot loops behind the fused objectives.
// Portable TypeScript kernels implement it; WebAssembly SIMD kernels and the worker pool
// implement it too, so solvers never know which one runs.
//
// Layout and conventions (all implementations follow them exactly):
// - X is row-major n × d, stored once: Float32Array for big problems, Float64Array for small
//   ones (rounding X to float32 moves the optimum by ~1e-7, more than the exactness goal allows
//   on badly scaled data; see linear/). Every sum is accumulated in float64. An implementation
//   that handles only Float32Array (the WASM kernels) leaves Float64Array to the portable one.
// - Parameters are Float64Array. Binary: w has length d + 1, w[d] is the intercept (read only
//   when fitIntercept). Multinomial: W is K × (d + 1), row k = [coef_k (d), intercept_k].
// - rowWeight[i] already folds in C, the sample weight and the class weight of row i. The
//   kernels compute the data term only: Σ_i rowWeight[i] · loss_i and its derivatives; the
//   regulariser is the solver's business.
// - Determinism: rows are processed in fixed blocks of KERNEL_BLOCK_ROWS; each block's partial
//   sums are formed in row order and the blocks are combined in block order. A threaded
//   implementation assigns whole blocks to threads and reduces in block order, so its result
//   is bit-identical to the single-threaded one whatever the thread count.

/** Rows per reduction block; partial sums are combined in block order (see file comment). */
export const KERNEL_BLOCK_ROWS = 2048;

/** Storage of the design matrix X (row-major n × d). */
export type DesignMatrix = Float32Array | Float64Array;

/** A dense binary problem: X (n × d, row-major), labels in {0, 1}, per-row weights. */
export interface BinaryData {
  readonly X: DesignMatrix;
  readonly n: number;
  readonly d: number;
  /** Labels, 0 or 1, length n. */
  readonly y: Float64Array;
  /** Per-row weight (C × sample weight × class weight), length n. */
  readonly rowWeight: Float64Array;
}

/** A dense multinomial problem: X (n × d, row-major), class indices 0..K-1, per-row weights. */
export interface MultinomialData {
  readonly X: DesignMatrix;
  readonly n: number;
  readonly d: number;
  /** Number of classes K ≥ 2. */
  readonly K: number;
  /** Class index of each row, 0..K-1, length n. */
  readonly y: Int32Array;
  /** Per-row weight (C × sample weight × class weight), length n. */
  readonly rowWeight: Float64Array;
}

/** One implementation of the fused objective kernels (portable TS, WASM SIMD, or a thread pool). */
export interface ObjectiveKernels {
  /** A short name for logs and benchmarks, e.g. "ts", "wasm-simd", "wasm-simd×2". */
  readonly name: string;

  /**
   * Binary logistic loss and gradient in one pass over the rows.
   * Returns Σ_i rowWeight_i · [softplus(z_i) − y_i z_i] with z_i = x_i·w[0..d) + (fitIntercept ? w[d] : 0).
   * Writes grad[0..d) = Σ_i rowWeight_i (σ(z_i) − y_i) x_i and grad[d] = Σ_i rowWeight_i (σ(z_i) − y_i)
   * (grad[d] = 0 when !fitIntercept); grad has length d + 1 and is overwritten.
   * If hessDiag is given (length n), writes hessDiag[i] = rowWeight_i σ(z_i)(1 − σ(z_i)) for Newton.
   */
  binaryLossGrad(data: BinaryData, w: Float64Array, fitIntercept: boolean, grad: Float64Array, hessDiag?: Float64Array): number;

  /**
   * Gauss–Newton / Hessian-vector product of the binary data term at the point whose
   * hessDiag was recorded: out = Σ_i hessDiag_i (x̃_i·v) x̃_i, with x̃_i = [x_i, fitIntercept ? 1 : 0].
   * v and out have length d + 1; out is overwritten.
   */
  binaryHessVec(data: BinaryData, hessDiag: Float64Array, fitIntercept: boolean, v: Float64Array, out: Float64Array): void;

  /** Binary decision values z_i = x_i·w + intercept into out (length n). */
  binaryDecision(X: DesignMatrix, n: number, d: number, w: Float64Array, fitIntercept: boolean, out: Float64Array): void;

  /**
   * Multinomial (softmax) loss and gradient in one pass over the rows.
   * Returns Σ_i rowWeight_i · [logSumExp_k(z_ik) − z_{i,y_i}], z_ik = x_i·W_k + (fitIntercept ? W_k[d] : 0).
   * Writes grad (K × (d + 1), same layout as W) = Σ_i rowWeight_i (p_ik − [y_i = k]) x̃_i; overwritten.
   * If prob is given (length n·K), writes the softmax probabilities p_ik there for Newton.
   */
  multinomialLossGrad(data: MultinomialData, W: Float64Array, fitIntercept: boolean, grad: Float64Array, prob?: Float64Array): number;

  /**
   * Hessian-vector product of the multinomial data term at the point whose prob was recorded:
   * with u_ik = x̃_i·V_k and ū_i = Σ_k p_ik u_ik, out_k = Σ_i rowWeight_i p_ik (u_ik − ū_i) x̃_i.
   * V and out are K × (d + 1); out is overwritten.
   */
  multinomialHessVec(data: MultinomialData, prob: Float64Array, fitIntercept: boolean, V: Float64Array, out: Float64Array): void;

  /** Multinomial decision values z_ik into out (length n·K, row-major). */
  multinomialDecision(X: DesignMatrix, n: number, d: number, K: number, W: Float64Array, fitIntercept: boolean, out: Float64Array): void;

  /**
   * A faster variant for Float32Array X, absent when there is none: the binary loss + gradient and
   * Hessian-vector product in float32 arithmetic (float64 sums across short row runs and blocks),
   * equal to these kernels within float32 rounding, still independent of the thread count. The
   * solvers use it while the gradient is far above the rounding it carries, then switch back.
   * Its other methods are these kernels'.
   */
  readonly fast?: ObjectiveKernels;
}
