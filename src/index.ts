// The public API of logreg, re-exported by name. Each section belongs to one layer (see DESIGN.md).

// --- version
export { VERSION } from "./version.js";

// --- errors
export { LogregError, ShapeError, ValueError, GradientError, NotFittedError, CsvError, ModelFileError } from "./errors.js";

// --- tensor
export { Tensor, type NestedArray } from "./tensor/tensor.js";
export { type DType, type DataArray } from "./tensor/dtype.js";
export { tensor, scalar, fill, zeros, ones, zerosLike, onesLike, randomNormal, randomUniform, type TensorLike, type RandomOptions } from "./tensor/creation.js";
export { Rng } from "./tensor/random.js";
export { broadcastShapes } from "./tensor/shape.js";

// --- ops
export { registerOp, getOp, registeredOps, type GradFn, type OpDef, type OpNode } from "./ops/engine.js";
export { type TensorOrNumber } from "./ops/util.js";
export { add } from "./ops/add.js";
export { sub } from "./ops/sub.js";
export { mul } from "./ops/mul.js";
export { neg } from "./ops/neg.js";
export { sigmoid } from "./ops/sigmoid.js";
export { matMul } from "./ops/matMul.js";
export { sum } from "./ops/sum.js";
export { reshape } from "./ops/reshape.js";
export { broadcastTo } from "./ops/broadcastTo.js";

// --- autodiff
export { Variable, type VariableOptions } from "./autodiff/variable.js";
export { GradientTape, valueAndGrads, type GradientTapeOptions, type Sources, type Gradients } from "./autodiff/tape.js";

// --- optim

// --- data

// --- losses

// --- kernels

// --- linear

// --- preprocess

// --- selection

// --- metrics

// --- io (browser-safe parts only)

// --- plot
