// When the engine warms up (src/engine/wasm/warm-up.ts): in idle time, never beside a first visit's first
// chart nor between an interaction's queries. Asked after the start-up run and after each data load, it waits until
// every chart frame has drawn its chart (or failed) and the engine has been quiet a moment, until one warm-up has
// run to its end.
import { whenChartsDrawn } from "./frame-starts";
import { markStart } from "./start-marks";

/**
 * How long the engine stays quiet after a run or a load (its follow-up reads: tables, memory) before warming: no
 * query queued, running or ended meanwhile (a brush dragged every second leaves gaps of idle engine between).
 */
export const WARM_UP_QUIET_MS = 500;

/** Tries after an ask: the engine may still be busy after a quiet time (more files loading, their profiles, a run). */
const TRIES = 8;

/**
 * Returns `ask`: each call schedules `warmUp` in idle time after `startUp` (the page's start-up run) has settled,
 * unless it has already run to its end; `warmUp(quietMs)` runs only if the engine has had no work for `quietMs`.
 * A try the engine skips (busy, or not quiet that long) or interrupts (work came) is tried again after a quiet
 * time twice as long as the last (0.5 s, 1 s, 2 s ... about 2 min in all), up to TRIES times an ask.
 * `<body data-engine-warm-up>` says how the last try went (`running`, `done`, `skipped`).
 */
export function engineWarmUp(
  warmUp: (quietMs: number) => Promise<boolean>,
  startUp: () => Promise<unknown>,
): () => void {
  let done = false;
  let running = false;
  let tries = 0;
  const quiet = (ms: number) =>
    new Promise<void>((resolve) => {
      const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0));
      setTimeout(() => whenIdle(() => resolve(), { timeout: 2000 }), ms);
    });
  const attempt = async () => {
    running = true;
    try {
      while (!done && tries > 0) {
        tries--;
        // A load during start-up (a linked notebook's data) waits for the start-up run to settle.
        await startUp().catch(() => undefined);
        // Frames are queued a moment after their cell is done: asked again after the quiet time.
        await whenChartsDrawn();
        const ms = WARM_UP_QUIET_MS * 2 ** (TRIES - 1 - tries);
        await quiet(ms);
        await whenChartsDrawn();
        markStart("warm-up");
        document.body.dataset.engineWarmUp = "running";
        // The engine quiet all this time, not just now: a gap between an interaction's queries is not idle time.
        done = await warmUp(ms).catch(() => false);
        document.body.dataset.engineWarmUp = done ? "done" : "skipped";
      }
    } finally {
      running = false;
    }
  };
  return () => {
    if (done) return;
    tries = TRIES;
    if (!running) void attempt();
  };
}
