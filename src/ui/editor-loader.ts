// When CodeMirror (code-view.ts, a chunk of its own) is fetched: never on the way to the first chart. A focused
// cell needs it at once; otherwise it is fetched in idle time once the first chart is drawn or the user first
// touches the page (idle-preload.ts: nothing can be focused without a touch), so a click mounts it with no wait.
import { whenIdleAfterStart } from "./idle-preload";

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

/** Fetches CodeMirror in idle time after the first chart or the first touch, whichever is first. */
export function preloadEditorWhenIdle(): void {
  whenIdleAfterStart(() => void loadEditor().catch(() => undefined));
}
