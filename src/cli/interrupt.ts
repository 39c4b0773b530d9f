// Ctrl-C while a file is being written: remove the half-written temporary file, keep the old file, exit 130.
import { removePendingTempFiles } from "../io/node.js";

function onSignal(signal: NodeJS.Signals): void {
  removePendingTempFiles();
  process.stderr.write(`error: interrupted (${signal}); no output file was written or changed\n`);
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/**
 * Runs `write` with SIGINT/SIGTERM handlers that clean up pending atomic writes. Only around the
 * writing: a handler present during a long synchronous fit would delay Ctrl-C until the fit ends.
 */
export async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await write();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
