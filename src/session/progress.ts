// Progress of a multi-cell run (run all): how many of the scheduled cells have finished and which
// one runs now, told as "progress" events from the runtime's per-cell events.
import type { Runtime, RuntimeCell } from "../runtime/types";
import type { SessionEvent } from "./types";

/** Runs `start`, emitting a progress event at the start, on each scheduled cell's start and end, and at the end. */
export async function trackProgress<C extends RuntimeCell>(
  runtime: Runtime<C>,
  ids: readonly string[],
  nameOf: (id: string) => string,
  emit: (event: SessionEvent) => void,
  start: () => Promise<void>,
): Promise<void> {
  const scheduled = new Set(ids);
  const done = new Set<string>();
  let running: string | undefined;
  const send = () => {
    const now = running === undefined ? {} : { running };
    emit({ type: "progress", done: done.size, total: scheduled.size, ...now });
  };
  const off = runtime.subscribe((event) => {
    if (!scheduled.has(event.id)) return;
    if (event.status === "pending") running = nameOf(event.id);
    else if (event.status === "fulfilled" || event.status === "rejected") {
      done.add(event.id);
      if (running === nameOf(event.id)) running = undefined;
    } else return;
    send();
  });
  send();
  try {
    await start();
  } finally {
    off();
    running = undefined;
    send();
  }
}
