// Multi-threaded DuckDB on request: the service worker makes a page opened with `?threads=on` cross-origin
// isolated on a header-less host, and such a page runs duckdb-wasm's threaded build, its thread Workers
// under the page's content policy; a page that is not isolated (first visit, service workers blocked) runs
// the one-thread build, no error. Both run the example notebook to the same results. (Threads are off by
// default: offline.test.ts checks that a page without the flag stays one-thread on a repeat visit.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, recordedContext, serveDirectory, type StaticServer } from "./harness";
import { ENGINE_TIMEOUT, dist } from "./app-fixture";
import type { Browser } from "playwright-core";

const NOTEBOOK = "?notebook=notebooks/customer-review.md&threads=on";
/** Rows of the picked file: about 40 MB, more than one of DuckDB's CSV buffers, so several threads read it. */
const PICKED_ROWS = 1_500_000;
/** Caching the app and duckdb-wasm on a busy machine takes a while; the assertion is that it completes. */
const OFFLINE_TIMEOUT = 240_000;

/** What the page runs on: isolation, the engine's build and thread count. */
async function runtimeOf(page: Page) {
  await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
  return page.evaluate(() => ({
    isolated: crossOriginIsolated,
    sharedMemory: typeof SharedArrayBuffer === "function",
    bundle: document.body.dataset.engineBundle,
    threads: Number(document.body.dataset.engineThreads),
    status: document.querySelector('[data-role="engine-status"]')?.textContent?.replace(/\s+/g, " ").trim(),
    unavailable: document.querySelector('[data-role="threads-unavailable"]') !== null,
  }));
}

// Its rows come from a GROUP BY without ORDER BY: with threads their order (and so the first rows shown) may change.
const UNORDERED = ["customer_totals"];

/** Runs to the end of the example notebook and returns every result table's text, cell by cell. */
async function results(page: Page): Promise<Record<string, string>> {
  const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
  await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  const states = () => computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
  await expect.poll(async () => (await states()).every((s) => s === "done"), { timeout: 120_000 }).toBe(true);
  expect(await page.locator('[data-role="notebook-error"], [data-role="load-error"]').count()).toBe(0);
  return page.locator("[data-cell]").evaluateAll((cells) =>
    Object.fromEntries(
      cells
        .filter((c) => c.querySelector('[data-role="result-table"]'))
        .map((c) => {
          const table = c.querySelector('[data-role="result-table"]')!;
          return [c.getAttribute("data-cell"), `${table.getAttribute("data-rows")} rows: ${table.textContent}`];
        }),
    ),
  );
}

/** Results to compare across runs: an unordered result by its row count only. */
const comparable = (all: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(all).map(([cell, text]) => [cell, UNORDERED.includes(cell) ? text.split(":")[0] : text]),
  );

/** The chart sandbox (a srcdoc frame, which the isolated page must still allow) drew the revenue chart. */
async function chartDrawn(page: Page): Promise<void> {
  const chart = page.frameLocator('[data-cell="revenue_trend"] iframe[data-role="chart"]');
  await chart.locator("svg .mark-rect path").first().waitFor({ timeout: 60_000 });
  expect(await chart.locator("svg .mark-rect path").count()).toBeGreaterThan(10);
}

describe("threaded DuckDB behind cross-origin isolation, and its fallback", () => {
  let server: StaticServer;
  let browser: Browser;
  let picked: string;

  beforeAll(async () => {
    picked = join(mkdtempSync(join(tmpdir(), "clientbook-threads-")), "pickedfile.csv");
    const lines = Array.from({ length: PICKED_ROWS }, (_, i) => `${i},${(i * 7919) % 100_000},region ${i % 13}`);
    writeFileSync(picked, `id,amount,region\n${lines.join("\n")}\n`);
    server = await serveDirectory(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dirname(picked), { recursive: true, force: true });
  });

  it("without the service worker a page that asks for threads is not isolated and runs one thread, no error", async () => {
    const recorded = await recordedContext(browser, { serviceWorkers: "block" });
    try {
      const page = await recorded.newPage();
      await page.goto(`${server.origin}/${NOTEBOOK}`);
      const runtime = await runtimeOf(page);
      expect(runtime).toMatchObject({ isolated: false, sharedMemory: false, bundle: "eh", threads: 1 });
      expect(runtime.status).toContain("1 thread");
      // The fallback says so, and is no error.
      expect(runtime.unavailable).toBe(true);
      expect(runtime.status).toContain("(threads not available here)");
      const rows = await results(page);
      expect(Object.keys(rows).length).toBeGreaterThan(5);
      await chartDrawn(page);
      expect(recorded.requests.some((url) => /duckdb-coi|coi\.pthread/.test(url))).toBe(false);
      expect(recorded.offOrigin(server.origin)).toEqual([]);
    } finally {
      await recorded.context.close();
    }
  });

  it("the first visit runs one thread; once the service worker serves a page that asks, it runs threads, same results", async () => {
    const recorded = await recordedContext(browser, { serviceWorkers: "allow" });
    try {
      const page = await recorded.newPage();
      await page.goto(`${server.origin}/${NOTEBOOK}`);
      // First visit: the page came from the host, without isolation (no reload is forced on it).
      expect(await runtimeOf(page)).toMatchObject({ isolated: false, bundle: "eh", threads: 1 });
      const single = await results(page);
      await page.waitForSelector("body[data-offline=ready]", { timeout: OFFLINE_TIMEOUT });
      const cached = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys())[0]);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      // The offline copy holds the build pages run by default; the threaded one only once a page asks.
      expect(cached.filter((k) => k.endsWith(".wasm"))).toEqual([expect.stringMatching(/duckdb-eh-.*\.wasm$/)]);

      await page.reload();
      const runtime = await runtimeOf(page);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      expect(runtime).toMatchObject({ isolated: true, sharedMemory: true, bundle: "coi", threads: cores });
      expect(runtime.threads).toBeGreaterThan(1);
      expect(runtime.status).toContain(`${cores} threads`);
      expect(runtime.unavailable).toBe(false);
      const threaded = await results(page);
      expect(comparable(threaded)).toEqual(comparable(single));
      await chartDrawn(page);
      // A file from the picker, big enough for DuckDB to read it on several threads, loads whole.
      await page.locator('input[type=file][data-action="load-files"]').setInputFiles(picked);
      const table = page.locator('[data-table="pickedfile"][data-rows], [data-role="load-error"]');
      await table.first().waitFor({ timeout: 180_000 });
      expect(await page.locator('[data-role="load-error"]').count()).toBe(0);
      expect(await page.locator('[data-table="pickedfile"]').getAttribute("data-rows")).toBe(String(PICKED_ROWS));
      // The sandbox frames (opaque origin) are not isolated themselves: notebook code gets no shared memory.
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      expect(frames.length).toBeGreaterThan(0);
      for (const frame of frames) {
        expect(await frame.evaluate(() => [crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([
          false,
          "undefined",
        ]);
      }
      // Every Worker of the page, DuckDB's thread Workers included, starts from a blob: wrapper and so runs
      // under the page's policy (a thread waits in Atomics.wait: it cannot be asked to try a request itself).
      const workers = page.workers().map((w) => w.url());
      expect(workers.length).toBeGreaterThan(runtime.threads);
      expect(workers.filter((url) => !url.startsWith("blob:"))).toEqual([]);
      expect(recorded.offOrigin(server.origin)).toEqual([]);
    } finally {
      await recorded.context.close();
    }
  }, 600_000);
});
