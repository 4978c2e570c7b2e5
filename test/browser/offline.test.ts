// Offline and installable: after a first visit the service worker holds the app, duckdb-wasm, the
// sandbox script and the example notebooks with their data, so the app reloads and runs a notebook,
// charts and TypeScript cells included, with the network off (the server is even shut down). The
// sandbox frames are srcdoc documents that load nothing: the shell fetches their script (answered by
// the service worker) and hands it over. Threads are off by default: a repeat visit the service worker
// serves stays one-thread and not isolated; a page opened with `?threads=on` is isolated and runs the
// threaded build, whose files the worker keeps once asked for. Prints the first offline start time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";
import { ENGINE_TIMEOUT, dist } from "./app-fixture";

const NOTEBOOK = "?notebook=notebooks/customer-review.md";
/** What the page runs on: cross-origin isolated or not, and duckdb-wasm's build. */
const runtimeOf = (page: Page) => page.evaluate(() => [crossOriginIsolated, document.body.dataset.engineBundle]);
/** The paths the offline copy holds. */
const cachedKeys = (page: Page) =>
  page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
/** The duckdb-wasm modules among them, sorted. */
const wasmOf = (keys: string[]) => keys.filter((k) => k.endsWith(".wasm")).sort();
/** Caching 40 MB on a busy machine takes a while; the assertion is that it completes. */
const OFFLINE_TIMEOUT = 180_000;

/** Waits until every SQL and chart cell is done (a chart's data planned in SQL), then checks a result. */
async function notebookRan(page: Page): Promise<void> {
  const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
  await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  const states = () => computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
  await expect.poll(async () => (await states()).every((s) => s === "done"), { timeout: 90_000 }).toBe(true);
  const deciles = page.locator('[data-cell="revenue_deciles"] [data-role="result-table"]');
  expect(await deciles.getAttribute("data-rows")).toBe("10");
}

/** The chart sandbox drew the example's revenue chart. */
async function chartDrawn(page: Page): Promise<void> {
  expect(await page.locator('[data-cell="revenue_trend"] [data-chart-rows]').getAttribute("data-chart-rows")).toMatch(
    /^[1-9]\d*$/,
  );
  const chart = page.frameLocator('[data-cell="revenue_trend"] iframe[data-role="chart"]');
  await chart.locator("svg").first().waitFor({ timeout: 60_000 });
  expect(await chart.locator("svg .mark-rect path").count()).toBeGreaterThan(10);
}

/** The live-inputs example's TypeScript cells ran in the sandbox's Worker and its chart was drawn. */
async function codeRan(page: Page): Promise<void> {
  const total = page.locator('[data-cell="total"] [data-role="value"]');
  await total.waitFor({ timeout: 90_000 });
  expect(Number((await total.textContent())?.replace(/[^\d.]/g, ""))).toBeGreaterThan(0);
  const tiers = page.locator('[data-cell="tier_summary"] [data-role="result-table"]');
  await expect.poll(() => tiers.getAttribute("data-rows"), { timeout: 60_000 }).toMatch(/^[1-3]$/);
  const chart = page.frameLocator('[data-cell="tier_chart"] iframe[data-role="chart"]');
  await chart.locator("svg .mark-rect path").first().waitFor({ timeout: 60_000 });
}

describe("offline (service worker) and installable (manifest)", () => {
  let server: StaticServer;
  let ob: OpenBrowser | undefined;

  beforeAll(async () => {
    if (!existsSync(resolve(dist, "sw.js"))) throw new Error("dist/sw.js is missing: run `npx vite build` first");
    server = await serveDirectory(dist);
  });

  afterAll(async () => {
    await ob?.close();
    await server?.close();
  });

  it("the build has a web app manifest with PNG icons, a same-folder scope and no address off the site", () => {
    const manifest = JSON.parse(readFileSync(resolve(dist, "manifest.webmanifest"), "utf8"));
    expect(manifest).toMatchObject({ name: "Clientbook", start_url: "./", scope: "./", display: "standalone" });
    const sizes = manifest.icons
      .filter((i: { type: string }) => i.type === "image/png")
      .map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(["192x192", "512x512"]);
    for (const icon of manifest.icons) {
      expect(icon.src).not.toMatch(/^[a-z]+:|^\//i);
      expect(existsSync(resolve(dist, icon.src))).toBe(true);
    }
    expect(readFileSync(resolve(dist, "index.html"), "utf8")).toContain(
      '<link rel="manifest" href="./manifest.webmanifest" />',
    );
  });

  it("after a first visit, reloads with the network off and runs the example notebook", async () => {
    ob = await openBrowser({ serviceWorkers: "allow" });
    const { page, context } = ob;
    const visited = Date.now();
    await page.goto(`${server.origin}/${NOTEBOOK}`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const onlineEngine = Date.now() - visited;
    await notebookRan(page);
    await chartDrawn(page);
    await page.waitForSelector("body[data-offline=ready]", { timeout: OFFLINE_TIMEOUT });
    console.log(`first visit: engine ready ${onlineEngine} ms, offline copy complete ${Date.now() - visited} ms`);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return { names, keys: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    expect(cached.names).toHaveLength(1);
    expect(cached.names[0]).toMatch(/^clientbook-offline-[0-9a-f]{16}$/);
    // Threads are off by default: the copy keeps the build the pages run (this first visit ran it too), not the threaded one.
    expect(wasmOf(cached.keys)).toEqual([expect.stringMatching(/duckdb-eh-.*\.wasm$/)]);
    expect(cached.keys.some((k) => k.includes("coi"))).toBe(false);
    const kept = [
      "/",
      "/sandbox-entry.js",
      "/code-sandbox.js",
      "/notebooks/customer-review.md",
      "/notebooks/orders.csv",
    ];
    for (const file of kept) {
      expect(cached.keys).toContain(file);
    }
    const onTheWire = ob.requests.length;

    // A page that asks for threads (now served by the service worker) is isolated and runs the threaded
    // build, fetched now and kept beside the default one.
    await page.goto(`${server.origin}/?threads=on`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    expect(await runtimeOf(page)).toEqual([true, "coi"]);
    await expect
      .poll(async () => wasmOf(await cachedKeys(page)), { timeout: 60_000 })
      .toEqual([expect.stringMatching(/duckdb-coi-.*\.wasm$/), expect.stringMatching(/duckdb-eh-.*\.wasm$/)]);
    expect((await cachedKeys(page)).some((k) => /duckdb-browser-coi\.pthread\.worker-.*\.js$/.test(k))).toBe(true);

    // The network is off and the host is gone: only the service worker can answer.
    await context.setOffline(true);
    await server.close();
    const started = Date.now();
    await page.goto(`${server.origin}/${NOTEBOOK}`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const engineReady = Date.now() - started;
    // A repeat visit the service worker serves, without `?threads=on`: not isolated, one thread (the default).
    expect(await runtimeOf(page)).toEqual([false, "eh"]);
    await notebookRan(page);
    const notebookDone = Date.now() - started;
    await chartDrawn(page);
    const chartDone = Date.now() - started;
    console.log(
      `first offline start: engine ready ${engineReady} ms, example notebook run ${notebookDone} ms, ` +
        `its first chart drawn by ${chartDone} ms`,
    );
    expect(await page.locator('[data-table="orders"]').getAttribute("data-rows")).toMatch(/^[1-9]\d*$/);
    expect(await page.locator('[data-role="notebook-error"], [data-role="load-error"]').count()).toBe(0);

    // Still offline, threads asked for: a notebook with TypeScript cells runs them on the kept threaded build.
    await page.goto(`${server.origin}/?notebook=notebooks/live-inputs.md&threads=on`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    expect(await runtimeOf(page)).toEqual([true, "coi"]);
    await codeRan(page);
    expect(await page.locator('[data-role="chart-error"], [data-role="notebook-error"]').count()).toBe(0);
    expect(ob.requests.length).toBeGreaterThan(onTheWire);
    expect(ob.offOrigin(server.origin)).toEqual([]);
    // Four visits and two notebooks, each with its engine start, on a shared 2-core machine.
  }, 540_000);

  it("a new deployment waits while a page runs the old one, then starts on the next visit with a note", async () => {
    const site = mkdtempSync(resolve(tmpdir(), "clientbook-deploy-"));
    cpSync(dist, site, { recursive: true });
    const host = await serveDirectory(site);
    const browser = await openBrowser({ serviceWorkers: "allow" });
    try {
      const { page, context } = browser;
      await page.goto(`${host.origin}/`);
      await page.waitForSelector("body[data-offline=ready]", { timeout: OFFLINE_TIMEOUT });
      const version = /[0-9a-f]{16}/.exec(readFileSync(resolve(site, "sw.js"), "utf8"))![0];

      // The host deploys: a new sw.js (new version). A second tab's visit finds it; it waits.
      writeFileSync(
        resolve(site, "sw.js"),
        readFileSync(resolve(site, "sw.js"), "utf8").replace(version, "f".repeat(16)),
      );
      const second = await context.newPage();
      await second.goto(`${host.origin}/`);
      const note = page.locator('[data-role="version-note"]');
      await note.waitFor({ timeout: OFFLINE_TIMEOUT });
      expect(await note.textContent()).toContain("next time you open Clientbook");
      const running = () => page.evaluate(() => caches.keys());
      // Mid-session nothing changes: the old version's files are still what this page is served.
      expect(await running()).toContain(`clientbook-offline-${version}`);
      expect(await page.evaluate(() => document.body.dataset.engine)).not.toBe("starting");

      // Every tab closed, then a new visit: the new version runs and says so, and the old copy is gone.
      await second.close();
      await page.close();
      await new Promise((ok) => setTimeout(ok, 2000));
      const next = await context.newPage();
      await next.goto(`${host.origin}/`);
      const updated = next.locator('[data-role="version-note"]');
      await updated.waitFor({ timeout: OFFLINE_TIMEOUT });
      expect(await updated.textContent()).toContain("updated to a new version");
      expect(await next.evaluate(() => caches.keys())).toEqual([`clientbook-offline-${"f".repeat(16)}`]);
      expect(browser.offOrigin(host.origin)).toEqual([]);
    } finally {
      await browser.close();
      await host.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
