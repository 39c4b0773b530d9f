// The decision-boundary picture of a (scaler +) estimator over two raw features, the others held at their mean.
import { decisionBoundarySvg, type FlatMatrix, type Label, type LogisticRegression, type StandardScaler } from "../index.js";

/** What the boundary picture needs: the model, the raw rows and labels, and which two columns to draw. */
export interface BoundaryPicture {
  scaler: StandardScaler | null;
  estimator: LogisticRegression;
  X: FlatMatrix;
  y: readonly Label[];
  featureNames: readonly string[];
  xIndex: number;
  yIndex: number;
  title: string;
}

/** The SVG of the decision boundary over features xIndex and yIndex (other features at their mean over X). */
export function boundarySvg(p: BoundaryPicture): string {
  const [n, d] = p.X.shape;
  const data = p.X.data;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = mean[j]! + data[i * d + j]! / n;
  const points: number[][] = [];
  for (let i = 0; i < n; i++) points.push([data[i * d + p.xIndex]!, data[i * d + p.yIndex]!]);
  const row = new Float64Array(d);
  const probability = (x: number, y: number): ArrayLike<number> => {
    row.set(mean);
    row[p.xIndex] = x;
    row[p.yIndex] = y;
    const one: FlatMatrix = { data: row, shape: [1, d] };
    const seen = p.scaler === null ? one : p.scaler.transform(one);
    return p.estimator.predictProba(seen)[0]!;
  };
  const held = d > 2 ? ` (other ${d - 2} features at their mean)` : "";
  return decisionBoundarySvg({
    points,
    labels: p.y,
    classes: Array.from(p.estimator.classes),
    probability,
    xName: p.featureNames[p.xIndex]!,
    yName: p.featureNames[p.yIndex]!,
    title: p.title + held,
  });
}
