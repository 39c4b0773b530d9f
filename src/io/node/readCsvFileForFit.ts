// Reads a training CSV file (Node only) straight into the storage a fit uses, so that the fit
// makes no copy of X.

import { allocDesignMatrix, shrinkDesignMatrix } from "../../kernels/wasm/design-matrix.js";
import { FLOAT64_MAX_ELEMENTS } from "../../linear/input.js";
import type { CsvReadOptions } from "../csvTypes.js";
import type { CsvTable } from "../finishTable.js";
import { readCsvTable } from "./readCsvFile.js";

/**
 * readCsvFile, but X comes out as LogisticRegression (precision "auto") would store it: float64
 * up to `float32Above` values (n·d), else float32 in the kernels' memory (allocDesignMatrix), each
 * value Math.fround(Number(text)) — the same values the fit's own conversion gives. A file with a
 * value beyond the float32 range is read as float64, as the fit would then keep it.
 */
export async function readCsvFileForFit(path: string, options: CsvReadOptions = {}, float32Above = FLOAT64_MAX_ELEMENTS): Promise<CsvTable> {
  const first = await readCsvTable(path, options, { above: float32Above, alloc: (length) => allocDesignMatrix(length, 1), shrink: shrinkDesignMatrix });
  if (!first.overflow32) return first.table;
  return (await readCsvTable(path, options, null)).table;
}
