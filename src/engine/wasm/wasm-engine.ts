// The browser engine: duckdb-wasm (mvp or eh bundle, files served from our own origin as hashed
// assets) in a Worker created from a blob: wrapper, so the page's content policy applies to it.
import { AsyncDuckDB, VoidLogger, selectBundle } from "@duckdb/duckdb-wasm";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import type { Engine } from "../engine";
import { engineOnDuckDB } from "./core";
import { parquetBatchesInWorker } from "./parquet-in-worker";

/** Starts duckdb-wasm in a CSP-inheriting Worker, locks it down and returns the Engine. */
export async function wasmEngine(): Promise<Engine> {
  const bundle = await selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const absolute = (url: string) => new URL(url, document.baseURI).href;
  // A worker loaded from a plain URL gets no CSP on a header-less host; a blob: worker inherits
  // the page's meta CSP (security.md). Without TransformStream duckdb-wasm compiles the fetched
  // Response itself (not a URL-less copy piped through its progress counter), which Chromium's
  // code cache can keep: repeat visits skip recompiling the 34 MB module.
  const bootstrap = `delete self.TransformStream; importScripts(${JSON.stringify(absolute(bundle.mainWorker!))});`;
  const wrapper = URL.createObjectURL(new Blob([bootstrap], { type: "text/javascript" }));
  const worker = new Worker(wrapper);
  try {
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    await db.instantiate(absolute(bundle.mainModule), null);
    const extensionRepository = absolute("./duckdb-extensions");
    return await engineOnDuckDB(db, { extensionRepository, fileHandles: true, parquetBatches: parquetBatchesInWorker });
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    URL.revokeObjectURL(wrapper);
  }
}
