// The worker thread's program, as plain JavaScript text (run with `new Worker(src, { eval: true })`,
// so it needs no file and no TypeScript loader). It instantiates the kernels module on the shared
// memory, then serves jobs from the control block (see protocol.ts) until told to stop.
import { CTL, F64_OFFSET, MAX_ARGS, MAX_CLAIM, MAX_WORKERS, SPIN, TAG_MASK, TAG_SHIFT, WORKER } from "./protocol.js";

/** Source of the pool worker (CommonJS script; workerData: module, memory, control, slot, names). */
export const WORKER_SOURCE = `"use strict";
const { workerData } = require("node:worker_threads");
const { module, memory, control, slot, names } = workerData;
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
const f64 = new Float64Array(control, ${F64_OFFSET}, ${MAX_ARGS + MAX_WORKERS});
const base = ${CTL.WORKER_BASE} + slot * ${CTL.WORKER_STRIDE};
let seen = Atomics.load(ctl, ${CTL.SEQ});
Atomics.store(ctl, base + ${WORKER.READY}, 1);
for (;;) {
  for (let s = 0; s < ${SPIN} && Atomics.load(ctl, ${CTL.SEQ}) === seen; s++);
  Atomics.wait(ctl, ${CTL.SEQ}, seen);
  seen = Atomics.load(ctl, ${CTL.SEQ});
  if (Atomics.load(ctl, ${CTL.STOP}) !== 0) break;
  if (Atomics.load(ctl, base + ${WORKER.JOB}) !== seen) continue;
  const tag = (seen & ${TAG_MASK}) << ${TAG_SHIFT};
  const nargs = ctl[${CTL.NARGS}];
  const nb = ctl[${CTL.NBLOCKS}];
  const divisor = ctl[${CTL.GRAIN}];
  const fn = ex[names[ctl[${CTL.FN}]]];
  const args = new Array(nargs + 3);
  for (let i = 0; i < nargs; i++) args[i] = f64[i];
  args[nargs] = f64[${MAX_ARGS} + slot];
  let ran = false;
  for (;;) {
    // A claim succeeds only while NEXT carries this job's tag, which it does only once the job is
    // fully written and until all its blocks are claimed: the arguments read above are this job's.
    const next = Atomics.load(ctl, ${CTL.NEXT});
    const b = next - tag;
    if (b < 0 || b >= nb) break;
    const e = b + Math.max(1, Math.min(${MAX_CLAIM}, Math.floor((nb - b) / divisor)));
    if (Atomics.compareExchange(ctl, ${CTL.NEXT}, next, tag + e) !== next) continue;
    if (!ran) {
      Atomics.add(ctl, ${CTL.RAN}, 1);
      ran = true;
    }
    args[nargs + 1] = b;
    args[nargs + 2] = e;
    try {
      fn(...args);
    } catch (err) {
      Atomics.add(ctl, ${CTL.ERRORS}, 1);
    }
    Atomics.add(ctl, ${CTL.DONE}, e - b);
    Atomics.notify(ctl, ${CTL.DONE});
  }
}
Atomics.store(ctl, base + ${WORKER.READY}, 0);
`;
