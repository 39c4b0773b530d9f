// Writing to stdout and stderr with back-pressure, and a quiet exit when the reader of a pipe goes away.

/** Writes text to stdout, waiting when the pipe is full. */
export async function writeOut(text: string): Promise<void> {
  if (text.length === 0) return;
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  }
}

/** Writes one line to stderr (a newline is added). */
export function writeErr(line: string): void {
  process.stderr.write(line + "\n");
}

/** Makes a closed stdout (e.g. `logreg predict … | head`) end the program quietly instead of throwing EPIPE. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}
