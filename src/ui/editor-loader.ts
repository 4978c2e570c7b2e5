// When CodeMirror (code-view.ts, a chunk of its own) is fetched: never on the way to the first chart. A focused
// cell needs it at once; otherwise it is fetched in idle time once the first chart is drawn or the user first
// touches the page (a pointer or a key: nothing can be focused without one), so a click mounts it with no wait.
import { startPrefix } from "./start-marks";

type CodeViewModule = typeof import("./code-view");

let loading: Promise<CodeViewModule> | undefined;
let loaded: CodeViewModule | undefined;

/** Fetches CodeMirror (once per page); resolves with its module. */
export function loadEditor(): Promise<CodeViewModule> {
  loading ??= import("./code-view").then((module) => (loaded = module));
  // A failed fetch (offline, a new deployment) is tried again on the next focus.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** CodeMirror's module when it has arrived already (an editor can then be mounted in the same task). */
export function loadedEditor(): CodeViewModule | undefined {
  return loaded;
}

const TOUCHES = ["pointerdown", "keydown"] as const;

/** Fetches CodeMirror in idle time after the first chart or the first touch, whichever is first. */
export function preloadEditorWhenIdle(): void {
  let started = false;
  // Called only from events and the observer: `observer` below is set by then.
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    for (const type of TOUCHES) window.removeEventListener(type, start, true);
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void loadEditor().catch(() => undefined), { timeout: 2000 });
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
