// Chart frames start one at a time, those near the screen first. Every chart frame runs its own copy of the
// sandbox script (Vega) on the one thread of the sandbox's process: three frames started together all get
// their charts late, while a frame started alone draws the first chart in a third of the time.

/**
 * How long one frame may hold the turn before the next starts anyway: a slow or stuck frame, or one ready
 * with nothing to draw yet (its spec, the last run's or a fresh one, usually comes within this time).
 */
export const FRAME_TURN_MS = 1500;

/** A chart frame's place in the start queue. */
export interface FrameTurn {
  /** The frame's place came near the screen: it starts before the frames out of sight. */
  near(): void;
  /** The frame has drawn, failed or is gone: the next one may start. */
  done(): void;
}

interface Entry {
  near: boolean;
  readonly start: () => void;
}

const waiting: Entry[] = [];
let current: Entry | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
// Frames holding a chart they have not drawn yet, and who waits for none to be left (engine-warm-up.ts).
let undrawn = 0;
const settled: (() => void)[] = [];

function wakeSettled(): void {
  if (!current && !waiting.length && !undrawn) for (const resolve of settled.splice(0)) resolve();
}

function startNext(): void {
  if (current) return;
  const near = waiting.findIndex((e) => e.near);
  const [entry] = waiting.splice(near >= 0 ? near : 0, 1);
  if (!entry) {
    wakeSettled();
    return;
  }
  current = entry;
  timer = setTimeout(() => finish(entry), FRAME_TURN_MS);
  entry.start();
}

function finish(entry: Entry): void {
  if (current !== entry) {
    const at = waiting.indexOf(entry);
    if (at >= 0) waiting.splice(at, 1);
    return;
  }
  clearTimeout(timer);
  current = undefined;
  startNext();
}

/** Queues a frame: `start` is called when its turn comes (at once when no other frame is starting). */
export function queueFrameStart(start: () => void, near: boolean): FrameTurn {
  const entry: Entry = { near, start };
  let finished = false;
  waiting.push(entry);
  startNext();
  return {
    near: () => void (entry.near = true),
    done: () => {
      if (finished) return;
      finished = true;
      finish(entry);
    },
  };
}

/** Counts a frame's chart as not drawn yet; the returned function says it is drawn, failed or gone. */
export function chartUndrawn(): () => void {
  undrawn++;
  let drawn = false;
  return () => {
    if (drawn) return;
    drawn = true;
    undrawn--;
    wakeSettled();
  };
}

/** Resolves once no frame is starting or waiting to, and every frame has drawn the chart it holds (or failed). */
export function whenChartsDrawn(): Promise<void> {
  if (!current && !waiting.length && !undrawn) return Promise.resolve();
  return new Promise((resolve) => settled.push(resolve));
}
