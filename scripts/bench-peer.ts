// The peers in Chromium: builds the peer page (scripts/bench-peer-page/: plain duckdb-wasm with the app's bundle
// choice, and papaparse) into .bench/peer, serves it and times the bare load, query or parse there.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, benchDir, root, withApp } from "./bench-browser";

type PeerApi = {
  ready(): Promise<boolean>;
  load(format: "csv" | "parquet"): Promise<number>;
  timeQueries(setup: string, sqls: string[]): Promise<number[]>;
  papaparse(): Promise<number>;
};
const api = (page: Page) => page.evaluateHandle(() => (window as unknown as { peer: PeerApi }).peer);

/** Builds the peer page into .bench/peer unless it is there and `reuse`; returns the directory. */
export async function buildPeer(reuse: boolean): Promise<string> {
  const outDir = join(benchDir, "peer");
  if (reuse && existsSync(join(outDir, "index.html"))) return outDir;
  await build({
    configFile: false,
    root: join(root, "scripts/bench-peer-page"),
    base: "./",
    logLevel: "warn",
    publicDir: false,
    build: { outDir, emptyOutDir: true, target: "es2022" },
  });
  return outDir;
}

/** Runs `body` with the peer page open in a recording Chromium (duckdb-wasm started). */
export async function withPeer<T>(dir: string, body: (page: Page) => Promise<T>): Promise<T> {
  return withApp(dir, { engine: false }, async ({ page }) => {
    const peer = await api(page);
    await page.waitForFunction((p) => p.ready(), peer, { timeout: ENGINE_TIMEOUT });
    return body(page);
  });
}

/** Picks `path` and times duckdb-wasm's bare read of it into a table; returns ms and rows. */
export async function peerLoad(page: Page, path: string, format: "csv" | "parquet") {
  const peer = await api(page);
  const t0 = performance.now();
  await page.locator("#file").setInputFiles(path);
  const rows = await page.evaluate(([p, f]) => p.load(f), [peer, format] as const);
  return { ms: performance.now() - t0, rows };
}

/** Picks `path` and times papaparse parsing it on the page's main thread; returns ms and rows. */
export async function peerPapaparse(page: Page, path: string) {
  const peer = await api(page);
  const t0 = performance.now();
  await page.locator("#file").setInputFiles(path);
  const rows = await page.evaluate((p) => p.papaparse(), peer);
  return { ms: performance.now() - t0, rows };
}

/** Runs `setup` in the peer's duckdb-wasm, then times each of `sqls`; returns the ms of each. */
export async function peerQueries(page: Page, setup: string, sqls: readonly string[]): Promise<number[]> {
  const peer = await api(page);
  return page.evaluate(([p, s, q]) => p.timeQueries(s, q), [peer, setup, [...sqls]] as [typeof peer, string, string[]]);
}
