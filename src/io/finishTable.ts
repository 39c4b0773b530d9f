// Turns a finished parse into CsvData, with the errors for files that hold no data.

import { CsvError } from "../errors.js";
import type { CsvData } from "./csvTypes.js";
import type { TableBuilder } from "./tableBuilder.js";

/** Builds the result of a whole-file parse (throws for an empty file or a header without rows). */
export function finishTable(builder: TableBuilder | null, headerLine: number, file: string): CsvData {
  if (builder === null) {
    throw new CsvError(file, undefined, undefined, "the file is empty (no header and no data rows, only blank or # comment lines at most); give a CSV file with data");
  }
  if (builder.n === 0) {
    throw new CsvError(file, headerLine, undefined, "the file has a header but no data rows; add data rows (or, if the first line is data, read the file without a header)");
  }
  const { n, X, y } = builder.take();
  return { featureNames: builder.cols.featureNames.slice(), targetName: builder.cols.targetName, n, d: builder.d, X, y };
}
