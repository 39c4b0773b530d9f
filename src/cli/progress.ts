// A progress bar on stderr for long fits: only on a terminal, only after about a second, never with --quiet.

/** Where the bar is drawn (stderr by default; a parameter so that it can be pointed elsewhere). */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Shows "label [####....] i/total  objective v" (or "label iteration i …" without a known total) on one redrawn line, then clears it. */
export class ProgressBar {
  private readonly start = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly enabled: boolean,
    private readonly sink: ProgressSink = process.stderr,
    private readonly delayMs = 1000,
    private readonly unit = "iteration",
  ) {}

  /** Whether a bar may be drawn: stderr is a terminal and --quiet was not given. */
  static wanted(quiet: boolean, sink: ProgressSink = process.stderr): boolean {
    return !quiet && sink.isTTY === true;
  }

  /** Reports step `done` of `total` (and the current objective, when known). */
  update(done: number, objective?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < this.delayMs || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    const width = 30;
    const obj = objective === undefined ? "" : `  objective ${objective.toPrecision(8)}`;
    const secs = ((now - this.start) / 1000).toFixed(1);
    let count = `${this.unit} ${done}`;
    if (this.total !== undefined) {
      const frac = Math.max(0, Math.min(1, done / this.total));
      const filled = Math.round(frac * width);
      count = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${this.total}`;
    }
    let line = `${this.label} ${count}${obj}  ${secs}s`;
    const cols = this.sink.columns ?? 80;
    if (line.length > cols - 1) line = line.slice(0, cols - 1);
    this.sink.write(`\r${line}\x1b[K`);
  }

  /** Removes the bar (if it was drawn). */
  done(): void {
    if (this.shown) this.sink.write("\r\x1b[K");
    this.shown = false;
  }
}
