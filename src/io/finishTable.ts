// Turns a finished parse into CsvData, with the errors for files that hold no data.

import { CsvError } from "../errors.js";
import type { CsvData } from "./csvTypes.js";
import type { TableBuilder } from "./tableBuilder.js";

/** A whole-file parse: CsvData whose X may be float32 (when the builder was asked for it). */
export type CsvTable = Omit<CsvData, "X"> & { X: Float64Array | Float32Array };

/** Builds the result of a whole-file parse (throws for an empty file or a header without rows). */
export function finishTable(builder: TableBuilder | null, headerLine: number, file: string): CsvTable {
  if (builder === null) {
    throw new CsvError(file, undefined, undefined, "the file is empty (no header and no data rows, only blank or # comment lines at most); give a CSV file with data");
  }
  if (builder.n === 0) {
    throw new CsvError(file, headerLine, undefined, "the file has a header but no data rows; add data rows (or, if the first line is data, read the file without a header)");
  }
  const { n, X, y } = builder.take();
  return { featureNames: builder.cols.featureNames.slice(), targetName: builder.cols.targetName, n, d: builder.d, X, y };
}

/** X as float64 (the public readers never ask for float32 storage). */
export function float64X(X: Float64Array | Float32Array): Float64Array {
  if (!(X instanceof Float64Array)) throw new TypeError("internal: a float64 CSV reader produced float32 storage");
  return X;
}

/** The CsvData of a parse made with float64 storage. */
export function float64Table(t: CsvTable): CsvData {
  return { ...t, X: float64X(t.X) };
}
