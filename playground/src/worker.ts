// The training worker: keeps one Session, runs it in slices of at most ~12 ms (so stop requests
// get through), and streams every iteration's loss and the latest parameters to the page.
import { createSession, sessionKey } from "./createSession.js";
import { errorText } from "./errorText.js";
import { modelFileText } from "./modelIo.js";
import type { Session } from "./session.js";
import type { HistoryEntry, Point, StopReason, WorkerRequest, WorkerResponse } from "./types.js";

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: "message", listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

let session: Session | null = null;
/** The points the session trains on. */
let trainedOn: Point[] = [];
let run: { id: number; remaining: number; pace: number } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function finish(id: number, reason: StopReason): void {
  if (!session) return;
  let modelFile: string;
  try {
    modelFile = modelFileText(session.estimatorJSON(), trainedOn);
  } catch (e) {
    scope.postMessage({ type: "error", id, message: `could not build the model file: ${errorText(e)}` });
    return;
  }
  scope.postMessage({ type: "done", id, reason, frame: session.frame(), finished: session.finished !== null, modelFile });
}

function tick(): void {
  timer = null;
  if (!run || !session) return;
  const started = performance.now();
  const history: HistoryEntry[] = [];
  const current = run;
  let done: StopReason | null = null;
  try {
    while (history.length < current.pace && performance.now() - started < 12) {
      history.push(session.step());
      current.remaining--;
      if (session.finished) done = session.finished;
      else if (current.remaining <= 0) done = "step";
      if (done) break;
    }
  } catch (e) {
    run = null;
    session = null;
    scope.postMessage({ type: "error", id: current.id, message: errorText(e) });
    return;
  }
  if (history.length > 0) scope.postMessage({ type: "progress", id: current.id, history, frame: session.frame() });
  if (done) {
    run = null;
    finish(current.id, done);
    return;
  }
  const elapsed = performance.now() - started;
  timer = setTimeout(tick, Number.isFinite(current.pace) ? Math.max(0, 16 - elapsed) : 0);
}

/** Starts the worker: answers the page's messages. */
export function startWorker(): void {
  scope.addEventListener("message", (e) => {
    const msg = e.data;
    if (msg.type === "run") {
      const key = sessionKey(msg.points, msg.options);
      if (session && session.key === key && session.finished && msg.steps === 1) {
        // Step after the run has ended: nothing to do; say why it ended. (Train starts it again.)
        finish(msg.id, session.finished);
        return;
      }
      try {
        if (!session || session.key !== key || session.finished) {
          session = createSession(key, msg.points, msg.options);
          trainedOn = msg.points;
          const f = session.frame();
          scope.postMessage({ type: "progress", id: msg.id, history: [{ iteration: f.iteration, loss: f.loss, objective: f.objective }], frame: f });
        }
      } catch (err) {
        scope.postMessage({ type: "error", id: msg.id, message: errorText(err) });
        return;
      }
      run = { id: msg.id, remaining: msg.steps, pace: msg.pace };
      if (timer === null) timer = setTimeout(tick, 0);
    } else if (msg.type === "stop") {
      if (run) {
        const id = run.id;
        run = null;
        finish(id, "stopped");
      }
    } else {
      run = null;
      session = null;
    }
  });
}
