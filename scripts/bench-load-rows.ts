// The load rows of the table (issue 15): the orders CSV and its Parquet copy loaded through the app's file
// picker in Chromium (with the main thread's longest stall, and Chromium's peak memory for 20M rows; the CSVs
// also on the threaded build a second visit runs), beside plain duckdb-wasm's bare read and papaparse in the
// same Chromium and native DuckDB's bare read on 1 and 2 threads. The memory budget and where the time goes
// are scripts/bench-load.ts's.
import { statSync } from "node:fs";
import type { Page } from "playwright-core";
import { nativeEngine } from "../src/engine/native/native-engine";
import { tableNameFor } from "../src/engine/table-name";
import { seenInPage, withApp } from "./bench-browser";
import { ordersCsv, ordersParquet } from "./bench-orders";
import type { BenchContext, Part } from "./bench-part";
import { buildPeer, peerLoad, peerPapaparse, withPeer } from "./bench-peer";
import { sampleChildRss } from "./bench-rss";
import { mib, ms, seconds, type Row } from "./bench-table";
import { withThreads } from "../src/sw/isolation";

/** What the app's load of one file took: ms, rows, the longest main-thread stall and the peak memory. */
export interface AppLoad {
  readonly ms: number;
  readonly rows: number;
  readonly stallMs: number;
  readonly peakRss: number;
}

/** Starts the stall meter: the largest gap between ticks of a 20 ms timer on the page's main thread. */
const meterStalls = (page: Page) =>
  page.evaluate(`(() => {
    let last = performance.now();
    window.__gap = 0;
    setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 20);
  })()`);

/**
 * Loads `path` through the app's file picker once the engine is ready; timed from the pick to the table.
 * `threaded`: on the second visit of a page opened with `?threads=on`, which the service worker isolates
 * (duckdb-wasm's threaded build).
 */
export async function appLoad(dist: string, path: string, threaded = false): Promise<AppLoad> {
  const options = threaded ? ({ serviceWorkers: "allow", path: `/${withThreads("")}` } as const) : {};
  return withApp(dist, options, async ({ page }) => {
    if (threaded) {
      await page.waitForSelector("body[data-offline=ready]", { timeout: 600_000 });
      await page.reload();
      await page.waitForSelector("body[data-engine=ready][data-engine-bundle=coi]", { timeout: 300_000 });
    }
    const table = tableNameFor(path, []);
    await meterStalls(page);
    const rss = sampleChildRss();
    const t0 = performance.now();
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles(path);
    const shown = await seenInPage(page, `[data-table="${table}"], [data-role="load-error"]`, 1_800_000);
    const elapsed = performance.now() - t0;
    const peakRss = rss.stop();
    if ((await shown.getAttribute("data-role")) === "load-error")
      throw new Error(`${path}: ${await shown.textContent()}`);
    const rows = Number(await page.locator(`[data-table="${table}"]`).getAttribute("data-rows"));
    const stallMs = (await page.evaluate("window.__gap")) as number;
    return { ms: elapsed, rows, stallMs, peakRss };
  });
}

/** Times native DuckDB's bare read of `path` into a table on `threads` threads. */
export async function nativeLoad(path: string, threads: number): Promise<number> {
  const engine = await nativeEngine({ threads, unlocked: true });
  try {
    const format = path.endsWith(".parquet") ? "parquet" : "csv";
    const t0 = performance.now();
    await engine.query(`CREATE TABLE loaded AS SELECT * FROM read_${format}('${path}')`);
    return performance.now() - t0;
  } finally {
    await engine.close();
  }
}

const count = (n: number) => n.toLocaleString("en");
const label = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}M` : count(rows));

/** The native peers' cells and the reference the ratio divides by (1 thread). */
async function nativePeers(path: string): Promise<{ peers: Record<string, string>; one: number }> {
  const one = await nativeLoad(path, 1);
  const two = await nativeLoad(path, 2);
  return { peers: { "native 1 thread": seconds(one), "native 2 threads": seconds(two) }, one };
}

async function csvRows(ctx: BenchContext, peerDir: string): Promise<Row[]> {
  const csv = await ordersCsv(ctx.rows);
  const parquet = await ordersParquet(ctx.rows);
  const app = await appLoad(ctx.dist(), csv);
  const threaded = await appLoad(ctx.dist(), csv, true);
  const appParquet = await appLoad(ctx.dist(), parquet);
  const wasm = await withPeer(peerDir, async (page) => ({
    csv: await peerLoad(page, csv, "csv"),
    papa: await peerPapaparse(page, csv),
  }));
  const nativeCsv = await nativePeers(csv);
  const nativeParquet = await nativePeers(parquet);
  const size = (path: string) => mib(statSync(path).size);
  return [
    {
      measure: `load ${label(ctx.rows)}-row CSV (${size(csv)})`,
      clientbook: `${seconds(app.ms)} (${count(app.rows)} rows; stall ${ms(app.stallMs)})`,
      peers: { "duckdb-wasm": seconds(wasm.csv.ms), ...nativeCsv.peers, papaparse: seconds(wasm.papa.ms) },
      goal: "<= 1.5x native",
      ratios: [{ value: app.ms, of: nativeCsv.one, label: "native" }],
    },
    {
      measure: `load ${label(ctx.rows)}-row CSV, threaded build (2nd visit)`,
      clientbook: `${seconds(threaded.ms)} (${count(threaded.rows)} rows; stall ${ms(threaded.stallMs)})`,
      peers: nativeCsv.peers,
      goal: "<= 1.5x native",
      ratios: [{ value: threaded.ms, of: nativeCsv.one, label: "native" }],
    },
    {
      measure: `load ${label(ctx.rows)}-row Parquet (${size(parquet)})`,
      clientbook: `${seconds(appParquet.ms)}, main thread stalls ${ms(appParquet.stallMs)}`,
      // Plain duckdb-wasm reads Parquet only with its parquet extension, fetched from extensions.duckdb.org.
      peers: { "duckdb-wasm": "n/a (extension off-origin)", ...nativeParquet.peers },
      goal: "<= 2x native, no stall",
      ratios: [{ value: appParquet.ms, of: nativeParquet.one, label: "native" }],
    },
  ];
}

async function bigRows(ctx: BenchContext): Promise<Row[]> {
  const csv = await ordersCsv(20_000_000);
  const bytes = statSync(csv).size;
  const native = await nativePeers(csv);
  const row = (app: AppLoad, build: string): Row => ({
    measure: `load 20M rows (${mib(bytes)} CSV)${build}`,
    clientbook: `${seconds(app.ms)}, peak RSS ${mib(app.peakRss)}, max stall ${ms(app.stallMs)}`,
    peers: native.peers,
    goal: "<= 1.5x native, RSS < 2x the data",
    ratios: [
      { value: app.ms, of: native.one, label: "native" },
      { value: app.peakRss, of: bytes, label: "the data" },
    ],
  });
  return [
    row(await appLoad(ctx.dist(), csv), ""),
    row(await appLoad(ctx.dist(), csv, true), ", threaded build (2nd visit)"),
  ];
}

/** The part: CSV and Parquet at --rows, and 20M rows unless --skip-20m. */
export const loadsPart: Part = {
  name: "loads",
  about: "load N-row CSV and Parquet, and 20M rows: Clientbook, plain duckdb-wasm, native 1/2 threads, papaparse",
  async run(ctx) {
    const peerDir = await buildPeer(ctx.args.flag("--no-build"));
    const rows = await csvRows(ctx, peerDir);
    if (!ctx.skip20m) rows.push(...(await bigRows(ctx)));
    return rows;
  },
};
