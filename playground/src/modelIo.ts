// placeholder until model files land
import type { HistoryEntry, LinearModel, Point, TrainOptions } from "./types.js";
export function exportModelFile(_m: LinearModel, _o: unknown, _p: Point[], _a: unknown, _h: HistoryEntry[], _i: number): string { throw new Error("not yet"); }
export function importModelFile(_t: string): { model: LinearModel; featureNames: string[] } { throw new Error("not yet"); }
export type _T = TrainOptions;
