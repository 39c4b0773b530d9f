// `logreg predict <model.json> <data.csv>`: labels (or class probabilities) for every row, streamed in file order.
import type { Label } from "../../index.js";
import { streamCsvFile } from "../../io/node.js";
import type { ParsedArgs } from "../args.js";
import { openCsvWriter } from "../../io/node.js";
import { whileWriting } from "../interrupt.js";
import { loadModel, modelInput } from "../model.js";

/** Rows per block read, predicted and written (memory stays bounded whatever the file size). */
const CHUNK_ROWS = 16384;

/** Runs `logreg predict` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const modelPath = args.positional(0);
  const path = args.positional(1);
  const proba = args.flag("proba");
  const model = await loadModel(modelPath);
  const rows = streamCsvFile(path, {
    header: !args.flag("no-header"),
    featureNames: model.file.featureNames,
    target: model.file.target,
    fileName: path,
    chunkRows: CHUNK_ROWS,
  });
  // Read the first block before opening the output, so that a file failing at once leaves no trace.
  const first = await rows.next();
  const out = args.string("out");
  await whileWriting(async () => {
    const header = proba ? model.classes.map(String) : ["prediction"];
    const writer = await openCsvWriter(out ?? process.stdout, header);
    try {
      let next = first;
      while (next.done !== true) {
        const chunk = next.value;
        const xs = modelInput(model, { data: chunk.X, shape: [chunk.n, chunk.d] });
        if (proba) await writer.write(model.estimator.predictProba(xs));
        else await writer.write(model.estimator.predict(xs).map((label: Label) => [label]));
        next = await rows.next();
      }
      await writer.close();
    } catch (e) {
      await writer.abort();
      throw e;
    }
  });
}
