// Reading the training CSV named on the command line (the io layer parses; this only maps the options).
import { uniqueLabels } from "../metrics/labels.js";
import type { CsvTable } from "../io/finishTable.js";
import { readCsvFile, readCsvFileForFit } from "../io/node.js";
import type { ParsedArgs } from "./args.js";
import { UsageError } from "./usageError.js";

/** The label column asked for by --target / --target-index (undefined: the last column). */
export function targetOption(args: ParsedArgs): string | number | undefined {
  const name = args.string("target");
  const index = args.number("target-index");
  if (name !== undefined && index !== undefined) {
    throw new UsageError("give the label column once: --target NAME or --target-index I, not both");
  }
  if (name !== undefined && args.flag("no-header")) {
    throw new UsageError(`--target ${JSON.stringify(name)} names a column but --no-header says the file has no names; use --target-index`);
  }
  return name ?? index;
}

/**
 * Reads a labelled CSV for training (features and a target column); with `forFit`, X comes in the
 * storage the estimator uses (readCsvFileForFit), for a fit on X itself (no scaler, no split).
 */
export async function readLabelledCsv(path: string, args: ParsedArgs, forFit = false): Promise<CsvTable & { y: number[] | string[] }> {
  const target = targetOption(args);
  const options = { header: !args.flag("no-header"), target, fileName: path };
  const data = forFit ? await readCsvFileForFit(path, options) : await readCsvFile(path, options);
  if (data.y === null) throw new UsageError(`${path}: no target column was found; name it with --target NAME`);
  const classes = uniqueLabels(data.y);
  // As scikit-learn's check_classification_targets: fractional numbers are a measurement, not class labels.
  const fractional = (data.y as (number | string)[]).findIndex((v) => typeof v === "number" && !Number.isInteger(v));
  if (fractional >= 0) {
    throw new UsageError(
      `${path}: the target column ${JSON.stringify(data.targetName)} holds fractional numbers (${data.y[fractional]} in data row ${fractional + 1}, ${classes.length} distinct values): ` +
        `it looks continuous, not like class labels; is --target the right column? (classes are whole numbers or names)`,
    );
  }
  if (classes.length < 2) {
    throw new UsageError(
      `${path}: the target column ${JSON.stringify(data.targetName)} holds one class only (${JSON.stringify(classes[0])}); a classifier needs rows of at least two classes: is --target the right column?`,
    );
  }
  return data as CsvTable & { y: number[] | string[] };
}
