// When a chunk the page may soon need is fetched ahead of a click: never on the way to the first chart, but
// in idle time once the first chart is drawn or the user first touches the page (a pointer or a key).
import { startPrefix } from "./start-marks";

const TOUCHES = ["pointerdown", "keydown"] as const;

/** Runs `task` once, in idle time after the first chart or the first touch, whichever is first. */
export function whenIdleAfterStart(task: () => void): void {
  let started = false;
  // Called only from events and the observer: `observer` below is set by then.
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    for (const type of TOUCHES) window.removeEventListener(type, start, true);
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(task, { timeout: 2000 });
  };
  for (const type of TOUCHES) window.addEventListener(type, start, { capture: true, passive: true });
  const observer =
    typeof PerformanceObserver === "undefined"
      ? undefined
      : new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === `${startPrefix}chart-drawn`)) start();
        });
  observer?.observe({ type: "mark", buffered: true });
}
