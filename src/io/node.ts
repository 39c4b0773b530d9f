// The Node-only part of the io layer (file system): reading CSV and model files, atomic writes.
// Not exported from src/index.ts (which must run in a browser); the CLI imports it directly.

export { readCsvFile } from "./node/readCsvFile.js";
export { readCsvFileForFit } from "./node/readCsvFileForFit.js";
export { streamCsvFile } from "./node/streamCsvFile.js";
export { writeFileAtomic, removePendingTempFiles, type AtomicContent } from "./node/writeFileAtomic.js";
export { readModelFile, writeModelFile } from "./node/modelFileNode.js";
export { openCsvWriter, type CsvWriter } from "./node/csvWriter.js";
