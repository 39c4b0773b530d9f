// Typed errors shared by every layer. Each says what was wrong, where, and what to do.
// The CLI maps LogregError (bad input or usage) to exit code 2 and anything else to exit code 1.

/** Base class of every error that logreg throws on purpose (bad input, bad usage). */
export class LogregError extends Error {
  /** A stable machine-readable code, e.g. "SHAPE", "VALUE", "CSV", "MODEL_FILE". */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A tensor shape or dtype that an op cannot accept; the message names the op and the shapes. */
export class ShapeError extends LogregError {
  constructor(message: string) {
    super("SHAPE", message);
  }
}

/** An argument or option with an invalid value (NaN, out of range, wrong length, unknown name…). */
export class ValueError extends LogregError {
  constructor(message: string) {
    super("VALUE", message);
  }
}

/** A gradient asked of an op that has none, or another misuse of the tape. */
export class GradientError extends LogregError {
  constructor(message: string) {
    super("GRADIENT", message);
  }
}

/** A model asked to predict before `fit` (or a loaded model). */
export class NotFittedError extends LogregError {
  constructor(what: string) {
    super("NOT_FITTED", `${what} is not fitted yet: call fit(X, y) first, or load a fitted model with fromJSON`);
  }
}

/** A CSV file that cannot be read as asked; names the file, line and column where they apply. */
export class CsvError extends LogregError {
  /** File name (or "<input>"), 1-based line and column when known. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, line: number | undefined, column: number | undefined, problem: string) {
    const where = [file, line === undefined ? undefined : `line ${line}`, column === undefined ? undefined : `column ${column}`]
      .filter((s) => s !== undefined)
      .join(", ");
    super("CSV", `${where}: ${problem}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** A model file (or model JSON) that is malformed, of another version, or inconsistent. */
export class ModelFileError extends LogregError {
  constructor(file: string, problem: string) {
    super("MODEL_FILE", `${file}: ${problem}`);
  }
}
