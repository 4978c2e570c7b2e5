// The browser engine: duckdb-wasm (threaded coi bundle where the page is isolated, else eh or mvp; files
// served from our own origin as hashed assets) in Workers created from blob: wrappers, so the page's
// content policy applies to them.
import { AsyncDuckDB, VoidLogger } from "@duckdb/duckdb-wasm";
import type { Engine } from "../engine";
import { chooseBundle, type BundleName } from "./bundle-choice";
import { engineOnDuckDB } from "./core";
import { parquetBatchesInWorker } from "./parquet-in-worker";

// Loads are planned (a file's sniffing, on the page's thread) while this engine starts: from this chunk,
// so the page's entry carries none of the load code.
export { planAhead } from "../load/plan-ahead";

/** What the running engine is: its bundle and how many threads DuckDB uses. */
export interface EngineRuntime {
  readonly bundle: BundleName;
  readonly threads: number;
}

/** The browser Engine with what it runs on. */
export type WasmEngine = Engine & { readonly runtime: EngineRuntime };

// A worker loaded from a plain URL gets no CSP on a header-less host; a blob: worker inherits the
// creator's policy (security.md): the page's for DuckDB's worker, that worker's (the page's) for its threads.
const blobScript = (code: string) => URL.createObjectURL(new Blob([code], { type: "text/javascript" }));

/** Starts duckdb-wasm in a CSP-inheriting Worker, locks it down and returns the Engine. */
export async function wasmEngine(): Promise<WasmEngine> {
  const bundle = await chooseBundle(document.baseURI);
  // Without TransformStream duckdb-wasm compiles the fetched Response itself (not a URL-less copy piped
  // through its progress counter), which Chromium's code cache can keep: repeat visits skip recompiling.
  const wrapper = blobScript(`delete self.TransformStream; importScripts(${JSON.stringify(bundle.mainWorker)});`);
  // DuckDB starts its thread Workers from this URL when it needs them, so it lives as long as the engine.
  const threadWrapper = bundle.pthreadWorker && blobScript(`importScripts(${JSON.stringify(bundle.pthreadWorker)});`);
  const worker = new Worker(wrapper);
  const release = () => {
    worker.terminate();
    if (threadWrapper) URL.revokeObjectURL(threadWrapper);
  };
  try {
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, threadWrapper || null);
    const extensionRepository = new URL("./duckdb-extensions", document.baseURI).href;
    const engine = await engineOnDuckDB(db, {
      extensionRepository,
      // A File handle reaches only the thread Workers idle in JavaScript when it is registered (threads
      // wait inside wasm: "No HTML5 file registered"): the threaded build reads files from wasm memory.
      fileHandles: !threadWrapper,
      parquetBatches: parquetBatchesInWorker,
      ...(threadWrapper ? { maximumThreads: Math.max(1, navigator.hardwareConcurrency || 1) } : {}),
    });
    const { threads, ...rest } = engine;
    const close = engine.close;
    return {
      ...rest,
      runtime: { bundle: bundle.name, threads },
      close: () => close().finally(() => (threadWrapper ? URL.revokeObjectURL(threadWrapper) : undefined)),
    };
  } catch (e) {
    release();
    throw e;
  } finally {
    URL.revokeObjectURL(wrapper);
  }
}
