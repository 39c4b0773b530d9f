// The Node-only public API, imported as "logreg/node": files (CSV, model files, atomic writes)
// and PNG output. Everything browser-safe is in "logreg" (src/index.ts).
export { readCsvFile, streamCsvFile, writeFileAtomic, removePendingTempFiles, readModelFile, writeModelFile, openCsvWriter } from "./io/node.js";
export type { AtomicContent, CsvWriter } from "./io/node.js";
export { svgToPng, type SvgToPngOptions } from "./plot/node.js";
