// The browser composition root: choose the duckdb-wasm engine and the sandboxed code runner, open a
// session on them (the notebook renders before the engine is ready), mount the UI, and open a
// notebook named in the link.
import { mount } from "svelte";
import type { WasmEngine } from "./engine/wasm/wasm-engine";
import { fileSourceFromFile } from "./engine/browser-file";
import type { FileSource } from "./engine/engine";
import { openSession } from "./session/session";
import { FIRST_PAGE_ROWS } from "./session/evaluate";
import { quoteIdent } from "./sql/ident";
import { sandboxRunner } from "./sandbox/sandbox-runner";
import Root from "./ui/Root.svelte";
import { startLanguage } from "./ui/language";
import { Workbench, baseName } from "./ui/workbench.svelte";
import { resolveNotebookLink, resolveDataFile, fetchFile } from "./ui/link";
import { isShippedText } from "./ui/shipped";
import { ui } from "./messages/ui";
import { openShareLink } from "./ui/share-link";
import { declaredFiles } from "./notebook/front-matter";
import { workshopText } from "./messages/workshop";
import { keepOffline } from "./sw/register";
import { threadsAsked } from "./sw/isolation";
import { workshop } from "./ui/workshop.svelte";
import { beforeErase } from "./ui/erase-data";
import { Keeper } from "./ui/storage/keeper.svelte";
import { KEEPER } from "./ui/storage/context";
import { markStart } from "./ui/start-marks";
import { loadAndRun } from "./ui/linked-data";
import { preloadEditorWhenIdle } from "./ui/editor-loader";
import { sandboxScript } from "./sandbox/frame-script";
import { engineWarmUp } from "./ui/engine-warm-up";

// The UI language is set before anything renders or words a message: Chinese waits for its catalogues
// (no top-level await: the catalogue chunk imports from this one, which would split it into pieces).
const language = startLanguage();
// The chart sandbox's script is on the way to every first chart: fetched now, beside the engine's start.
sandboxScript("chart").catch(() => undefined);

// duckdb-wasm's client and Apache Arrow (a chunk of their own) are fetched now, beside this one's start:
// kept charts draw without them, and a first visit's charts wait for the 34 MB wasm anyway.
const engineModule = import("./engine/wasm/wasm-engine");
const engine: Promise<WasmEngine> = engineModule.then((m) => m.wasmEngine());
// ts cells and Markdown `${}` run in the notebook sandbox's Worker, never in this page; each opened
// notebook gets a fresh sandbox, so nothing one notebook's code left behind meets the next.
const runner = sandboxRunner();
const session = openSession(engine, { runner, firstRows: FIRST_PAGE_ROWS });
// V8 compiles DuckDB's hot wasm functions while the user reads, not during their first recipe (lowest priority).
const askWarmUp = engineWarmUp(
  async (quietMs) => (await engine).warmUp?.(quietMs) ?? true,
  () => started,
);

// Settles once the cells on screen have run for the first time (or the start-up's work is done): what can
// wait (the memory line, the data panel's previews) queues in DuckDB's one worker behind their queries, not
// ahead of the first chart's.
let firstCellsRun!: () => void;
const firstRun = new Promise<void>((settle) => (firstCellsRun = settle));
const afterFirstRun = () => firstRun.then(() => engine);

const bench = new Workbench({
  session,
  toSource: fileSourceFromFile,
  onOpen: () => {
    runner.reset();
    keeper.opened();
  },
  onLoaded: askWarmUp,
  preview: async (table, limit) =>
    (await afterFirstRun()).query(`SELECT * FROM ${quoteIdent(table)} LIMIT ${Math.max(0, Math.floor(limit))}`),
  readTable: async (table) => (await engine).query(`SELECT * FROM ${quoteIdent(table)}`),
  memory: async () => (await afterFirstRun()).memory(),
  // Only ever lowers the limit (tests and workshops on small machines): `?memory-limit=<bytes>`.
  memoryLimit: Number(new URLSearchParams(location.search).get("memory-limit")) || undefined,
});

engine.then(
  ({ runtime }) => {
    // Which build runs, for the status line and for tests (threaded only where the page is isolated).
    document.body.dataset.engineBundle = runtime.bundle;
    document.body.dataset.engineThreads = String(runtime.threads);
    bench.engineRuntime = { ...runtime, asked: threadsAsked(location.href) };
    document.body.dataset.engine = "ready";
    markStart("engine-ready");
    bench.engine = "ready";
    void bench.refreshMemory();
  },
  (error: unknown) => {
    console.error(error);
    document.body.dataset.engine = "failed";
    bench.engine = "failed";
  },
);

// Every edit is kept in this browser (IndexedDB) and the last notebook comes back on start.
const keeper = new Keeper(bench);
// "Erase my data" and "Reset to original" reach autosave's store first, so nothing is written back after them.
beforeErase(() => keeper.eraseAll());
workshop.beforeReset = () => keeper.forget();

// Settles once the notebook the page opened with has run (or failed to): the start-up's work is done.
let startedUp!: () => void;
const started = new Promise<void>((settle) => (startedUp = settle));
// The engine warms up once the start-up run and its charts are done (and after each data load, see above).
void engine.then(() => started).then(askWarmUp, () => undefined);

// The offline copy (40 MB fetched and stored) is made once the engine is up and the first run has settled,
// so a first visit's data load, run and first chart never share the machine with it.
if (import.meta.env.PROD) {
  void language
    .then(() => engine)
    .catch(() => undefined)
    .then(() => started)
    .then(() =>
      keepOffline({
        ready: () => (document.body.dataset.offline = "ready"),
        waiting: () => (workshop.note = workshopText.versionWaiting),
        updated: () => (workshop.note = workshopText.versionUpdated),
      }),
    )
    .catch((error: unknown) => console.warn(error));
}

/**
 * A linked notebook's text and whether it is one the app shipped with, or why it could not be fetched (worded
 * later: the language may not be set yet).
 */
type Fetched =
  | { readonly text: string; readonly shipped: Promise<boolean> }
  | { readonly status: number }
  | { readonly error: unknown };

/** Fetches a linked notebook; never rejects, so it can start before anything waits for it. */
async function fetchNotebook(url: URL): Promise<Fetched> {
  try {
    const response = await fetch(url, { credentials: "same-origin", redirect: "error" });
    if (!response.ok) return { status: response.status };
    const text = await response.text();
    // Hashed now, off this thread, while the shell mounts: opening the notebook then waits for nothing.
    return { text, shipped: isShippedText(text).catch(() => false) };
  } catch (error) {
    return { error };
  }
}

// The linked notebook is fetched now, beside the mount, not after it: its text is on the way to "readable".
const linkPath = new URLSearchParams(window.location.search).get("notebook");
const linkUrl = linkPath ? resolveNotebookLink(linkPath, window.location.href) : null;
const linkFetch = linkUrl ? fetchNotebook(linkUrl) : undefined;
// The user's kept copy of it is read meanwhile too (IndexedDB), not once the text has come.
if (linkUrl) keeper.readLink(linkUrl.pathname);

/** Opens `?notebook=<path>` (fetched at start): loads its declared files from next to it, runs it if shipped. */
async function openLinked(path: string): Promise<void> {
  const url = linkUrl;
  if (!url || !linkFetch) {
    bench.notify(ui.linkRefused(path));
    return;
  }
  const fetched = await linkFetch;
  if (!("text" in fetched)) {
    const error = "status" in fetched ? ui.httpStatus(fetched.status) : fetched.error;
    bench.notify(ui.linkFailed(path, error instanceof Error ? error.message : String(error)));
    return;
  }
  const text = fetched.text;
  markStart("notebook-fetched");
  // A fetched notebook is trusted only when its text is exactly one the app shipped with.
  const shipped = await fetched.shipped;
  // The user's own edits of this notebook, kept in this browser, come back instead of the original.
  const kept = await keeper.forLink(url.pathname, text, shipped);
  const trusted = kept.trusted;
  if (!bench.openText(kept.text, baseName(url.pathname), trusted)) return;
  // Reset to original goes back to the text the site serves, not to the kept copy.
  workshop.original = { text, fileName: baseName(url.pathname), trusted: shipped };
  // Every declared file is fetched now; which loads first waits for the engine, when the cells on screen are known.
  const tables = declaredFiles(bench.state.notebook.frontMatter.data).flatMap(([table, file]) => {
    const fileUrl = resolveDataFile(file, url);
    if (!fileUrl) return (bench.refuseData(table, file), []);
    const name = baseName(file);
    const fetched = bench.fetchData(table, name, (onBytes) => fetchFile(fileUrl, name, onBytes, ui));
    void fetched.then((f) => f && planWhenIdle(f));
    return [{ table, file: fetched }];
  });
  await engine.catch(() => undefined);
  await loadAndRun(bench, tables, trusted, firstCellsRun);
}

/**
 * Plans the load of a fetched file while the engine starts (its sniffing is 100-360 ms of this thread), in an
 * idle moment: not in the way of the first paint or of a kept chart's draw. Once the engine is up its load
 * plans it anyway.
 */
function planWhenIdle(file: File): void {
  const plan = (m: { planAhead: (source: FileSource) => void }) => {
    if (bench.engine === "starting") m.planAhead(fileSourceFromFile(file));
  };
  // Safari has no requestIdleCallback.
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  whenIdle(() => void engineModule.then(plan, () => undefined), { timeout: 1000 });
}

/** Opens the share link in the address; once it is kept here the fragment goes, so a reload restores the copy. */
async function openAddressLink(): Promise<void> {
  if (!(await openShareLink(bench, window.location.href))) return;
  keeper.keepOpened();
  await keeper.whenSaved();
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
}

// Nothing renders and no notebook opens before the language is set: a page in Chinese never shows English.
// The mount does not wait for the engine's chunk: a repeat visit draws its kept results without it.
void language.then(() => {
  mount(Root, { target: document.getElementById("app")!, props: { bench }, context: new Map([[KEEPER, keeper]]) });
  markStart("shell-mounted");
  preloadEditorWhenIdle();
  const opening = linkPath ? openLinked(linkPath) : window.location.hash ? openAddressLink() : keeper.restoreLatest();
  void opening
    .catch((error: unknown) => console.error(error))
    .then(startedUp)
    .finally(firstCellsRun);
  // A link pasted into the address bar of an open tab changes only the fragment: no reload, so open it here.
  window.addEventListener("hashchange", () => void openAddressLink());
});
