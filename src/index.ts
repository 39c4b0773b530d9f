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
export { registerOp, runOp, getOp, registeredOps, type GradFn, type BackwardFn, type GradSink, type OpDef, type OpNode } from "./ops/engine.js";
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
export { div } from "./ops/div.js";
export { exp } from "./ops/exp.js";
export { log } from "./ops/log.js";
export { log1p } from "./ops/log1p.js";
export { sqrt } from "./ops/sqrt.js";
export { square } from "./ops/square.js";
export { pow } from "./ops/pow.js";
export { softplus } from "./ops/softplus.js";
export { mean } from "./ops/mean.js";
export { max } from "./ops/max.js";
export { min } from "./ops/min.js";
export { logSumExp } from "./ops/logSumExp.js";
export { softmax } from "./ops/softmax.js";
export { logSoftmax } from "./ops/logSoftmax.js";
export { oneHot } from "./ops/oneHot.js";
export { argMax } from "./ops/argMax.js";
export { cast } from "./ops/cast.js";
export { where } from "./ops/where.js";
export { clipByValue } from "./ops/clipByValue.js";
export { greater } from "./ops/greater.js";
export { greaterEqual } from "./ops/greaterEqual.js";
export { less } from "./ops/less.js";
export { lessEqual } from "./ops/lessEqual.js";
export { equal } from "./ops/equal.js";
export { notEqual } from "./ops/notEqual.js";
export { abs } from "./ops/abs.js";
export { tanh } from "./ops/tanh.js";
export { relu } from "./ops/relu.js";
export { maximum } from "./ops/maximum.js";
export { minimum } from "./ops/minimum.js";
export { transpose } from "./ops/transpose.js";
export { concat } from "./ops/concat.js";
export { slice } from "./ops/slice.js";
export { pad } from "./ops/pad.js";
export { gather } from "./ops/gather.js";
export { unsortedSegmentSum } from "./ops/unsortedSegmentSum.js";

// --- autodiff
export { Variable, type VariableOptions } from "./autodiff/variable.js";
export { GradientTape, valueAndGrads, type GradientTapeOptions, type Sources, type Gradients } from "./autodiff/tape.js";

// --- optim
export { Optimizer, type LearningRate, type GradientPair, type SlotState } from "./optim/optimizer.js";
export { SGD, type SGDOptions } from "./optim/sgd.js";
export { Adam, type AdamOptions } from "./optim/adam.js";
export { RMSprop, type RMSpropOptions } from "./optim/rmsprop.js";
export { exponentialDecay, type ExponentialDecayOptions } from "./optim/exponentialDecay.js";
export { zip } from "./optim/zip.js";

// --- data
export { Dataset, type Pull, type BatchOptions, type ShuffleOptions, type TupleElement, type RecordElement } from "./data/dataset.js";
export { type DatasetElement } from "./data/element.js";
export { type IndexPlan, type IndexStream, type RowSource } from "./data/indexStream.js";

// --- losses
export { type Reduction, type LossOptions } from "./losses/reduction.js";
export { binaryCrossEntropy, type BinaryCrossEntropyOptions } from "./losses/binaryCrossEntropy.js";
export { sigmoidCrossEntropyWithLogits } from "./losses/sigmoidCrossEntropyWithLogits.js";
export { softmaxCrossEntropy } from "./losses/softmaxCrossEntropy.js";
export { sparseSoftmaxCrossEntropy } from "./losses/sparseSoftmaxCrossEntropy.js";
export { binaryAccuracy } from "./losses/binaryAccuracy.js";
export { categoricalAccuracy } from "./losses/categoricalAccuracy.js";

// --- kernels
export { KERNEL_BLOCK_ROWS, type DesignMatrix, type BinaryData, type MultinomialData, type ObjectiveKernels } from "./kernels/types.js";
export { portableKernels } from "./kernels/portable.js";
export { kernelsFor, setKernels } from "./kernels/registry.js";
export { wasmKernels, wasmSimdAvailable } from "./kernels/wasm/simd-kernels.js";
export { allocDesignMatrix, releaseDesignMatrix, shrinkDesignMatrix } from "./kernels/wasm/design-matrix.js";
export { createKernelPool, threadedKernels, closeDefaultKernelPool } from "./kernels/pool/load.js";
export type { KernelPool, KernelPoolOptions } from "./kernels/pool/types.js";

// --- linear
export { LogisticRegression, type FitOptions } from "./linear/logisticRegression.js";
export {
  type LogisticRegressionOptions, type LogisticRegressionParams, type Penalty, type SolverName, type MultiClass, type Precision, type ClassWeight,
} from "./linear/options.js";
export { type ClassLabel, type Matrix, type Labels, type TypedMatrix, type TensorLikeMatrix } from "./linear/input.js";
export { type IterationInfo } from "./linear/solver.js";
export { type FittedMultiClass } from "./linear/fitProblem.js";
export { type LogisticRegressionJSON } from "./linear/modelJSON.js";

// --- preprocess
export { StandardScaler, type StandardScalerOptions, type StandardScalerJSON, type SameMatrix } from "./preprocess/standardScaler.js";
export { type FlatMatrix, type MatrixInput } from "./preprocess/matrix.js";

// --- selection
export { type Fold, type Classifier, type Transformer } from "./selection/types.js";
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from "./selection/trainTestSplit.js";
export { kFold, type KFoldOptions } from "./selection/kFold.js";
export { stratifiedKFold, stratifiedFoldOf, type StratifiedKFoldOptions } from "./selection/stratifiedKFold.js";
export { crossValidate, type CrossValidateOptions, type FoldResult, type Scoring, type ScoringFunction } from "./selection/crossValidate.js";
export { crossValScore } from "./selection/crossValScore.js";

// --- metrics
export { type Label, uniqueLabels } from "./metrics/labels.js";
export { accuracy, type AccuracyOptions } from "./metrics/accuracy.js";
export { precisionRecallFscoreSupport, type Average, type PrfOptions, type PerClassScores, type AveragedScores } from "./metrics/precisionRecallFscoreSupport.js";
export { precision } from "./metrics/precision.js";
export { recall } from "./metrics/recall.js";
export { f1 } from "./metrics/f1.js";
export { rocCurve, type RocCurve, type RocCurveOptions } from "./metrics/rocCurve.js";
export { rocAuc, type RocAucOptions } from "./metrics/rocAuc.js";
export { logLoss, type LogLossOptions } from "./metrics/logLoss.js";
export { confusionMatrix, type ConfusionMatrixOptions } from "./metrics/confusionMatrix.js";
export { classificationReport, classificationReportData, type ClassificationReportOptions, type ClassificationReportData, type ReportRow } from "./metrics/classificationReport.js";

// --- io (browser-safe parts only)
export { parseCsv } from "./io/parseCsv.js";
export { parseCsvStream } from "./io/parseCsvStream.js";
export type { CsvReadOptions, CsvStreamOptions, CsvData, CsvChunk } from "./io/csvTypes.js";
export { OutputFileError } from "./io/outputFileError.js";
export { formatCsvCell, formatCsvRow } from "./io/csvFormat.js";
export { MODEL_FORMAT, MODEL_VERSION, type ModelFile, type EstimatorJSON, type ScalerJSON, type TrainingRecord } from "./io/modelFile.js";
export { parseModelFile, validateModelFile } from "./io/parseModelFile.js";
export { serializeModelFile } from "./io/serializeModelFile.js";

// --- plot
export { decisionBoundarySvg, type DecisionBoundaryInput } from "./plot/decisionBoundary.js";
export { rocCurveSvg, type RocCurveInput, type RocSeries } from "./plot/rocCurveSvg.js";
export { lossCurveSvg, type LossCurveOptions, type LossHistory, type LossSeries } from "./plot/lossCurveSvg.js";
