// The loss curve: mean cross-entropy per iteration as an SVG polyline with a few axis labels.
// The chart's fixed parts (frame, label positions, the "train to see the loss" text) are in index.html.
import type { HistoryEntry } from "./types.js";

const W = 340;
const H = 150;
const M = { left: 44, right: 10, top: 10, bottom: 26 };

/** A small line chart of the loss history, drawn into the page's svg#loss-chart. */
export class LossChart {
  private readonly line: SVGPolylineElement;
  private readonly empty: SVGTextElement;
  /** Texts: loss at the top, 0, first iteration, last iteration, "iteration". */
  private readonly labels: SVGTextElement[];
  private lastKey = "";

  constructor(readonly svg: SVGSVGElement) {
    this.line = svg.querySelector("polyline")!;
    this.empty = svg.querySelector(".empty")!;
    this.labels = Array.from(svg.querySelectorAll<SVGTextElement>(".tick text"));
  }

  /** Redraws for this history (cheap when nothing changed). */
  render(history: readonly HistoryEntry[]): void {
    const last = history[history.length - 1];
    const key = `${history.length}:${last?.iteration}:${last?.loss}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.empty.toggleAttribute("hidden", last !== undefined);
    if (!last) {
      this.line.setAttribute("points", "");
      this.svg.setAttribute("aria-label", "Loss curve: no training yet");
      for (const t of this.labels) t.textContent = "";
      return;
    }
    const first = history[0]!;
    let hi = 0;
    for (const h of history) if (Number.isFinite(h.loss)) hi = Math.max(hi, h.loss);
    hi = hi > 0 ? hi * 1.05 : 1;
    const x0 = first.iteration;
    const x1 = Math.max(last.iteration, x0 + 1);
    const iw = W - M.left - M.right;
    const ih = H - M.top - M.bottom;
    const px = (it: number): number => M.left + ((it - x0) / (x1 - x0)) * iw;
    const py = (v: number): number => M.top + ih - (Math.min(v, hi) / hi) * ih;
    // At most ~2 points per pixel: keep every k-th entry plus the last.
    const every = Math.max(1, Math.floor(history.length / (2 * iw)));
    const pts: string[] = [];
    history.forEach((h, i) => {
      if ((i % every === 0 || i === history.length - 1) && Number.isFinite(h.loss)) pts.push(`${px(h.iteration).toFixed(1)},${py(h.loss).toFixed(1)}`);
    });
    this.line.setAttribute("points", pts.join(" "));
    [hi.toPrecision(2), "0", String(x0), String(x1), "iteration"].forEach((s, i) => {
      const t = this.labels[i]!;
      if (t.textContent !== s) t.textContent = s;
    });
    this.svg.setAttribute("aria-label", `Loss curve: ${history.length} iterations, loss from ${first.loss.toFixed(4)} to ${last.loss.toFixed(4)}`);
  }
}
