// The public API of logreg, re-exported by name. Each section belongs to one layer (see DESIGN.md).

// --- version
export { VERSION } from "./version.js";

// --- errors
export { LogregError, ShapeError, ValueError, GradientError, NotFittedError, CsvError, ModelFileError } from "./errors.js";

// --- tensor

// --- ops

// --- autodiff

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
