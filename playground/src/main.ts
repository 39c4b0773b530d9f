// The playground's one script: the page loads it, and the page's training worker runs the same
// file (so the code both use, and the script's gzip dictionary, ship once). In a worker there is
// no document: the worker starts; in the page the page starts and hands its own URL to the worker.
import { startPage } from "./page.js";
import { startWorker } from "./worker.js";

if (typeof document === "undefined") startWorker();
else startPage(import.meta.url);
