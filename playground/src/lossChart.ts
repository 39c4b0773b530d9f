// The loss curve: mean cross-entropy per iteration as an SVG polyline with a few axis labels.
import type { HistoryEntry } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const W = 340;
const H = 150;
const M = { left: 44, right: 10, top: 10, bottom: 26 };

/** A small line chart of the loss history. */
export class LossChart {
  readonly svg: SVGSVGElement;
  private readonly line: SVGPolylineElement;
  private readonly labels: SVGGElement;
  private lastKey = "";
  private labelKey = "";

  constructor(host: HTMLElement) {
    this.svg = document.createElementNS(SVG, "svg");
    this.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    this.svg.setAttribute("width", String(W));
    this.svg.setAttribute("height", String(H));
    this.svg.setAttribute("role", "img");
    this.svg.classList.add("loss-chart");
    host.appendChild(this.svg);
    const frame = document.createElementNS(SVG, "rect");
    frame.setAttribute("x", String(M.left));
    frame.setAttribute("y", String(M.top));
    frame.setAttribute("width", String(W - M.left - M.right));
    frame.setAttribute("height", String(H - M.top - M.bottom));
    frame.setAttribute("class", "frame");
    this.svg.appendChild(frame);
    this.labels = document.createElementNS(SVG, "g");
    this.svg.appendChild(this.labels);
    this.line = document.createElementNS(SVG, "polyline");
    this.line.setAttribute("class", "loss-line");
    this.svg.appendChild(this.line);
  }

  /** Redraws for this history (cheap when nothing changed). */
  render(history: readonly HistoryEntry[]): void {
    const last = history[history.length - 1];
    const key = `${history.length}:${last?.iteration}:${last?.loss}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!last) {
      this.line.setAttribute("points", "");
      this.svg.setAttribute("aria-label", "Loss curve: no training yet");
      this.labels.replaceChildren();
      this.labelKey = "";
      this.text(W / 2, H / 2, "train to see the loss", "middle", "empty");
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
    const labelKey = `${hi.toPrecision(2)}|${x0}|${x1}`;
    if (labelKey !== this.labelKey) {
      this.labelKey = labelKey;
      this.labels.replaceChildren();
      this.text(M.left - 4, M.top + 8, hi.toPrecision(2), "end", "tick");
      this.text(M.left - 4, M.top + ih, "0", "end", "tick");
      this.text(M.left, H - 8, String(x0), "start", "tick");
      this.text(W - M.right, H - 8, String(x1), "end", "tick");
      this.text(M.left + iw / 2, H - 8, "iteration", "middle", "tick");
    }
    this.svg.setAttribute("aria-label", `Loss curve: ${history.length} iterations, loss from ${first.loss.toFixed(4)} to ${last.loss.toFixed(4)}`);
  }

  private text(x: number, y: number, s: string, anchor: string, cls: string): void {
    const t = document.createElementNS(SVG, "text");
    t.setAttribute("x", String(x));
    t.setAttribute("y", String(y));
    t.setAttribute("text-anchor", anchor);
    t.setAttribute("class", cls);
    t.textContent = s;
    this.labels.appendChild(t);
  }
}
