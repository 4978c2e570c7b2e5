// A big file on the threaded engine: duckdb-wasm's threaded build copies what it reads into its memory (a
// picked File never reaches its busy thread Workers), so a CSV bigger than the old whole-copy bound goes
// in pieces of whole records, one at a time. "Big" is made small with ?memory-limit=, so the test is quick;
// `threads=on` asks for the threaded build (off by default), which the page gets once the service worker serves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, recordedContext, serveDirectory, type StaticServer } from "./harness";
import { ENGINE_TIMEOUT, dist } from "./app-fixture";

const LIMIT = 64_000_000;
const QUERY = `?memory-limit=${LIMIT}&threads=on`;
/** Caching the app and duckdb-wasm on a busy machine takes a while (the service worker isolates a page that asks). */
const OFFLINE_TIMEOUT = 240_000;

/** Orders of about `bytes` bytes: quoted names holding commas, doubled quotes and newlines. */
function ordersCsv(bytes: number): { text: string; rows: number } {
  const lines = ["id,name,amount,ordered"];
  let size = lines[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const line = `${i},"Customer ${i}, ""${i % 7}""\nnext line",${(i % 5000) / 4},2024-0${1 + (i % 9)}-1${i % 10}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join("\n") + "\n", rows: lines.length - 1 };
}

describe("a CSV bigger than a whole copy allows, on the threaded engine", () => {
  let server: StaticServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clientbook-threads-big-"));
    server = await serveDirectory(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads in pieces within the budget, every row, nothing off the origin", async () => {
    const recorded = await recordedContext(browser, { serviceWorkers: "allow" });
    try {
      const page = await recorded.newPage();
      await page.goto(`${server.origin}/${QUERY}`);
      await page.waitForSelector("body[data-offline=ready]", { timeout: OFFLINE_TIMEOUT });
      await page.reload();
      await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
      const runtime = await page.evaluate(() => ({
        isolated: crossOriginIsolated,
        bundle: document.body.dataset.engineBundle,
        threads: Number(document.body.dataset.engineThreads),
      }));
      expect(runtime).toMatchObject({ isolated: true, bundle: "coi" });
      expect(runtime.threads).toBeGreaterThan(1);

      const line = page.locator('[data-role="memory-use"]');
      await line.waitFor({ timeout: 30_000 });
      expect(Number(await line.getAttribute("data-limit"))).toBe(LIMIT);
      const free = LIMIT - Number(await line.getAttribute("data-used"));
      // Twice its size for the table fits; three times (the table and a whole copy) did not.
      const { text, rows } = ordersCsv(free * 0.4);
      const path = join(dir, "bigorders.csv");
      writeFileSync(path, text);
      const size = statSync(path).size;
      expect(3 * size).toBeGreaterThan(free);
      expect(2 * size + free / 16).toBeLessThan(free);

      await page.evaluate(() => performance.clearMeasures());
      await page.locator('input[type=file][data-action="load-files"]').setInputFiles(path);
      await page.locator('[data-table="bigorders"][data-rows], [data-role="load-error"]').first().waitFor({
        timeout: 180_000,
      });
      expect(await page.locator('[data-role="load-error"]').count()).toBe(0);
      expect(await page.locator('[data-table="bigorders"]').getAttribute("data-rows")).toBe(String(rows));
      // Staged in pieces of a sixteenth of the free memory (the loader's phases on the page's timeline).
      const pieces = await page.evaluate(() => performance.getEntriesByName("clientbook:load:stage").length);
      expect(pieces).toBeGreaterThanOrEqual(Math.floor(size / (free / 16)));
      expect(recorded.offOrigin(server.origin)).toEqual([]);
    } finally {
      await recorded.context.close();
    }
  }, 600_000);
});
