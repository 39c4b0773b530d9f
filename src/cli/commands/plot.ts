// `logreg plot <model.json> <data.csv> --out FILE.svg|FILE.png`: decision boundary, ROC curves or the loss curve.
import { extname } from "node:path";
import { lossCurveSvg, rocCurveSvg, type FlatMatrix, type Label } from "../../index.js";
import { readCsvFile, writeFileAtomic } from "../../io/node.js";
import { svgToPng } from "../../plot/node.js";
import type { ParsedArgs } from "../args.js";
import { boundarySvg } from "../boundary.js";
import { closest } from "../closest.js";
import { loadModel, modelInput } from "../model.js";
import { whileWriting } from "../interrupt.js";
import { writeOut } from "../output.js";
import { UsageError } from "../usageError.js";

function featureIndex(option: string, name: string, names: readonly string[]): number {
  const j = names.indexOf(name);
  if (j < 0) {
    const near = closest(name, names);
    throw new UsageError(
      `--${option} ${JSON.stringify(name)} is not a feature of the model${near !== undefined ? `; did you mean ${JSON.stringify(near)}?` : ""} (features: ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", …" : ""})`,
    );
  }
  return j;
}

/** Runs `logreg plot` with parsed arguments. */
export async function run(args: ParsedArgs): Promise<void> {
  const modelPath = args.positional(0);
  const path = args.positionals[1];
  const out = args.string("out");
  const kind = args.string("kind") ?? "boundary";
  if (out === undefined) throw new UsageError("'logreg plot' needs --out FILE.svg or --out FILE.png");
  const ext = extname(out).toLowerCase();
  if (ext !== ".svg" && ext !== ".png") {
    throw new UsageError(`--out ${JSON.stringify(out)}: the picture's format comes from its extension: use .svg or .png`);
  }
  if (kind !== "boundary" && (args.has("x") || args.has("y"))) throw new UsageError(`--x and --y choose the axes of --kind boundary, not of --kind ${kind}`);
  const model = await loadModel(modelPath);
  const names = model.file.featureNames;
  let svg: string;
  if (kind === "loss") {
    const history = model.file.training.objectiveHistory;
    if (history.length === 0) throw new UsageError(`${modelPath}: the model records no objective history to draw`);
    svg = lossCurveSvg(
      history.map((objective, i) => ({ iteration: i + 1, objective })),
      { title: `training objective per iteration (${model.estimator.nIter} iterations, ${model.estimator.converged ? "converged" : "not converged"})` },
    );
  } else {
    if (path === undefined) throw new UsageError(`--kind ${kind} draws data: give <data.csv> after <model.json>`);
    const data = await readCsvFile(path, { header: !args.flag("no-header"), featureNames: names, target: model.file.target, fileName: path });
    const X: FlatMatrix = { data: data.X, shape: [data.n, data.d] };
    if (kind === "boundary") {
      if (names.length < 2) throw new UsageError(`${modelPath}: the model has one feature; a decision boundary needs two`);
      const xIndex = featureIndex("x", args.string("x") ?? names[0]!, names);
      const yIndex = featureIndex("y", args.string("y") ?? names[xIndex === 1 ? 0 : 1]!, names);
      if (xIndex === yIndex) throw new UsageError(`--x and --y are both ${JSON.stringify(names[xIndex])}: choose two different features`);
      const labelled = data.y !== null;
      const y: Label[] = labelled ? Array.from<Label>(data.y!) : Array.from<Label>(model.estimator.predict(modelInput(model, X)));
      svg = boundarySvg({
        scaler: model.scaler,
        estimator: model.estimator,
        X,
        y,
        featureNames: names,
        xIndex,
        yIndex,
        title: `decision boundary${labelled ? "" : " (points coloured by predicted class)"}`,
      });
    } else {
      if (data.y === null) throw new UsageError(`${path}: no target column ${JSON.stringify(model.file.target)}; ROC curves need the true labels`);
      const proba = model.estimator.predictProba(modelInput(model, X));
      const classes = model.classes;
      const y = Array.from<Label>(data.y);
      svg =
        classes.length === 2
          ? rocCurveSvg({ yTrue: y, scores: proba.map((r) => r[1]!), posLabel: classes[1]!, title: `ROC curve, positive class ${String(classes[1])}` })
          : rocCurveSvg({ yTrue: y, scores: proba, classes, title: "ROC curves (one class vs the rest)" });
    }
  }
  await whileWriting(() => writeFileAtomic(out, ext === ".png" ? svgToPng(svg) : svg));
  if (!args.flag("quiet")) await writeOut(`wrote ${out} (${kind}, ${ext.slice(1).toUpperCase()})\n`);
}
