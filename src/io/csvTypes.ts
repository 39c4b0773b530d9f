// The shapes that the CSV readers take and return (browser-safe, no runtime code).

/** Options of every CSV reader (parseCsv, parseCsvStream, readCsvFile, streamCsvFile). */
export interface CsvReadOptions {
  /** Whether the first non-comment row holds the column names (default true). */
  header?: boolean;
  /**
   * Which column is the label: a column name (needs a header), a 0-based column index
   * (negative counts from the end, -1 = last), or null for "no target column". Default: the
   * last column, except when `featureNames` is given (then see there).
   */
  target?: string | number | null;
  /**
   * The feature names a model expects (for predict/eval). The file's header must contain each of
   * them (any order; X comes out in this order); one extra column is taken as the target (by
   * `target` when it is a name or index, else the only extra column); the target may be absent.
   * Without a header the file must have exactly featureNames.length columns (no target) or one
   * more (the target, last unless `target` is an index).
   */
  featureNames?: readonly string[];
  /** Name used in error messages (default "<input>"). */
  fileName?: string;
  /** One ASCII character between fields (default ","). */
  delimiter?: string;
}

/** A whole CSV file read into memory. */
export interface CsvData {
  /** Names of the feature columns, in the order of X's columns ("column 1"… without a header). */
  featureNames: string[];
  /** Name of the target column, or null when the file has no target column. */
  targetName: string | null;
  /** Number of data rows. */
  n: number;
  /** Number of features. */
  d: number;
  /** Features, row-major n × d. */
  X: Float64Array;
  /** Labels: all numbers or all strings; null when the file has no target column. */
  y: number[] | string[] | null;
}

/** A block of consecutive rows from a streamed CSV file (rows keep the file's order). */
export interface CsvChunk {
  /** Names of the feature columns, in the order of X's columns. */
  featureNames: string[];
  /** Name of the target column, or null when the file has no target column. */
  targetName: string | null;
  /** Index (0-based, among data rows) of this chunk's first row in the whole file. */
  firstRow: number;
  /** Number of rows in this chunk. */
  n: number;
  /** Number of features. */
  d: number;
  /** Features, row-major n × d (a fresh array owned by the caller). */
  X: Float64Array;
  /** Labels of these rows, or null when the file has no target column. */
  y: number[] | string[] | null;
}

/** Options of the streaming readers: the CSV options and the chunk size. */
export interface CsvStreamOptions extends CsvReadOptions {
  /** Rows per chunk (default 65536); the last chunk may be shorter. */
  chunkRows?: number;
}
