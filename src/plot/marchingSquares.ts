// Marching squares: the polylines where a field sampled on a regular grid crosses a level.

/** A polyline in grid coordinates: x from 0 to nx, y from 0 to ny (node (i, j) sits at (i, j)). */
export type Polyline = [number, number][];

/**
 * Contour lines of `values` (node (i, j) at index j·(nx + 1) + i, nx × ny cells) at `level`.
 * Crossings are placed on cell edges by linear interpolation; saddle cells are resolved by the
 * cell-centre average. Segments that share an edge crossing are joined into polylines.
 */
export function contourLines(values: ArrayLike<number>, nx: number, ny: number, level: number): Polyline[] {
  const W = nx + 1;
  const v = (i: number, j: number): number => values[j * W + i] as number;
  const above = (i: number, j: number): boolean => v(i, j) >= level;
  // Edge ids: horizontal edge (i, j)–(i+1, j) → 2·(j·W + i); vertical edge (i, j)–(i, j+1) → 2·(j·W + i) + 1.
  const hEdge = (i: number, j: number): number => 2 * (j * W + i);
  const vEdge = (i: number, j: number): number => 2 * (j * W + i) + 1;
  const point = (edge: number): [number, number] => {
    const node = edge >> 1;
    const i = node % W;
    const j = (node - i) / W;
    const a = v(i, j);
    const b = (edge & 1) === 0 ? v(i + 1, j) : v(i, j + 1);
    const t = b === a ? 0.5 : (level - a) / (b - a);
    return (edge & 1) === 0 ? [i + t, j] : [i, j + t];
  };
  const segA: number[] = [];
  const segB: number[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = [above(i, j), above(i + 1, j), above(i + 1, j + 1), above(i, j + 1)];
      // edges: 0 bottom, 1 right, 2 top, 3 left; edge k joins corner k and corner k+1
      const e = [hEdge(i, j), vEdge(i + 1, j), hEdge(i, j + 1), vEdge(i, j)];
      const crossing = [0, 1, 2, 3].filter((k) => c[k] !== c[(k + 1) % 4]);
      if (crossing.length === 2) {
        segA.push(e[crossing[0] as number] as number);
        segB.push(e[crossing[1] as number] as number);
      } else if (crossing.length === 4) {
        const centre = (v(i, j) + v(i + 1, j) + v(i + 1, j + 1) + v(i, j + 1)) / 4 >= level;
        for (let k = 0; k < 4; k++) {
          if (c[k] !== centre) {
            // corner k is cut off: join its two edges (k − 1 and k)
            segA.push(e[(k + 3) % 4] as number);
            segB.push(e[k] as number);
          }
        }
      }
    }
  }
  // Join segments through shared edge crossings.
  const at = new Map<number, number[]>();
  const link = (edge: number, s: number): void => {
    const l = at.get(edge);
    if (l === undefined) at.set(edge, [s]);
    else l.push(s);
  };
  segA.forEach((edge, s) => link(edge, s));
  segB.forEach((edge, s) => link(edge, s));
  const used = new Uint8Array(segA.length);
  const other = (s: number, edge: number): number => (segA[s] === edge ? (segB[s] as number) : (segA[s] as number));
  const next = (edge: number): number | undefined => (at.get(edge) ?? []).find((s) => used[s] === 0);
  const lines: Polyline[] = [];
  // Start from open ends first (edges with one segment), then close the remaining loops.
  const starts = [...at.entries()].filter(([, l]) => l.length === 1).map(([edge]) => edge);
  const walk = (startEdge: number): void => {
    const edges = [startEdge];
    let edge = startEdge;
    for (let s = next(edge); s !== undefined; s = next(edge)) {
      used[s] = 1;
      edge = other(s, edge);
      edges.push(edge);
    }
    if (edges.length > 1) lines.push(edges.map(point));
  };
  for (const e of starts) if (next(e) !== undefined) walk(e);
  for (let s = 0; s < segA.length; s++) if (used[s] === 0) walk(segA[s] as number);
  return lines;
}
