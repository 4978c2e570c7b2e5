// Which duckdb-wasm bundle this page runs: the threaded `coi` one when the page is cross-origin isolated
// (the service worker's headers, src/sw/isolation.ts) and the browser has wasm threads, else `eh` or `mvp`.
import { getPlatformFeatures, selectBundle } from "@duckdb/duckdb-wasm";
import coiWasm from "@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url";
import coiWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url";
import coiPthreadWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";

/** The three builds of duckdb-wasm: threaded (needs cross-origin isolation), exceptions, plain. */
export type BundleName = "coi" | "eh" | "mvp";

/** The chosen bundle's files (absolute URLs on the app's own origin). */
export interface ChosenBundle {
  readonly name: BundleName;
  readonly mainModule: string;
  readonly mainWorker: string;
  /** The script each DuckDB thread's Worker runs (threaded bundle only). */
  readonly pthreadWorker?: string;
}

/** Picks the bundle this page can run: `coi` only with `SharedArrayBuffer`, isolation and wasm threads. */
export async function chooseBundle(baseURI: string): Promise<ChosenBundle> {
  const absolute = (url: string) => new URL(url, baseURI).href;
  // duckdb-wasm reads `crossOriginIsolated` too; SharedArrayBuffer is what the shared memory needs.
  const isolated = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === "function";
  const features = await getPlatformFeatures();
  const coi = { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthreadWorker };
  const picked = await selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
    ...(isolated && features.wasmThreads ? { coi } : {}),
  });
  const name: BundleName = picked.mainModule === coiWasm ? "coi" : picked.mainModule === ehWasm ? "eh" : "mvp";
  return {
    name,
    mainModule: absolute(picked.mainModule),
    mainWorker: absolute(picked.mainWorker!),
    ...(name === "coi" ? { pthreadWorker: absolute(coiPthreadWorker) } : {}),
  };
}
