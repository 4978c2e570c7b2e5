// Charts before the engine (issue 15, item 2), in real Chromium on the production build: a reload draws the
// last run's chart and table at once, badged "from your last run", while the engine's wasm is held back by the
// server (so "before the engine" is observed, not raced); the fresh run replaces them; an edited cell shows no
// kept result as current; erase, reset to original and deleting a stored notebook remove them; nothing leaves.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { dist, ENGINE_TIMEOUT, clickAction } from "./app-fixture";
import { launchChromium, recordedContext, serveDirectory, type RecordedContext, type StaticServer } from "./harness";
import { readStore } from "./stored";
import { codeOf } from "./code";

const fence = "```";
const NOTEBOOK = `---
notebook: 1
title: Last run
---

# Squares

${fence}sql nums
SELECT i AS id, (i * i)::INTEGER AS sq FROM range(8) t(i)
${fence}

${fence}chart plot data=nums
{ "mark": "bar",
  "encoding": { "x": { "field": "id", "type": "ordinal" }, "y": { "field": "sq", "type": "quantitative" } } }
${fence}

${fence}sql other
SELECT 42 AS answer
${fence}
`;

/** dist/ served through a gate that can hold back duckdb's wasm (the engine cannot start until it is let go). */
interface GatedServer extends StaticServer {
  hold(): void;
  release(): void;
  /** The wasm requests held so far. */
  readonly held: string[];
}

async function gatedServer(dir: string, extra: Record<string, string>): Promise<GatedServer> {
  const inner = await serveDirectory(dir);
  let gate: Promise<void> | undefined;
  let open = () => {};
  const held: string[] = [];
  const server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    if (/duckdb[^/]*\.wasm/.test(path) && gate) {
      held.push(path);
      await gate;
    }
    const own = extra[new URL(path, "http://x").pathname];
    try {
      const upstream = own === undefined ? await fetch(inner.origin + path) : new Response(own);
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        "Content-Type": own === undefined ? (upstream.headers.get("content-type") ?? "") : "text/markdown",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      // The page went away (a reload, the end of a test) while its request was held: nobody is waiting.
      res.destroy();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    hold: () => void (gate ??= new Promise<void>((ok) => (open = ok))),
    release: () => {
      open();
      gate = undefined;
    },
    close: async () => {
      open();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await inner.close();
    },
  };
}

let server: GatedServer;
let browser: Browser;
let current: RecordedContext | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
  server = await gatedServer(dist, { "/mine.md": NOTEBOOK });
  browser = await launchChromium();
});
afterEach(async () => {
  server.release();
  if (!current) return;
  const off = current.offOrigin(server.origin);
  await current.context.close();
  current = undefined;
  expect(off).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp(query = ""): Promise<Page> {
  current = await recordedContext(browser);
  const page = await current.newPage();
  // Edits never saved to a file make the page ask before it unloads: the reloads here say yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${server.origin}/${query}`);
  return page;
}

/** The kept results in the app's IndexedDB (every notebook's). */
const keptResults = (page: Page) => readStore(page, "results");
const keptKinds = async (page: Page) =>
  (await keptResults(page)).flatMap((r) => Object.values(r.cells).map((c) => `${c.type}:${c.rows ?? c.totalRows}`));

/** Opens the notebook from disk, runs it (the user's word) and waits for its results to be kept. */
async function openAndRun(page: Page): Promise<void> {
  await page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name: "mine.md", mimeType: "text/markdown", buffer: Buffer.from(NOTEBOOK) });
  await ranAndKept(page);
}

async function ranAndKept(page: Page): Promise<void> {
  await page.locator('[data-action="run-all"]').click();
  await page.locator('[data-cell="plot"][data-state="done"] figure[data-chart-rows="8"]').waitFor({
    timeout: ENGINE_TIMEOUT,
  });
  await expect.poll(() => keptKinds(page), { timeout: 30_000 }).toEqual(["table:8", "chart:8", "table:1"]);
}

async function typeInto(page: Page, cell: string, text: string): Promise<void> {
  const editor = codeOf(page, cell);
  await editor.click({ timeout: 60_000 });
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

const badges = (page: Page, cell: string) => page.locator(`[data-cell="${cell}"] [data-role="last-run"]`).count();

describe("the last run's results before the engine", () => {
  it("draws the kept chart and table at once on a reload, then the fresh run replaces them", async () => {
    const page = await openApp();
    await openAndRun(page);
    // Beside the notebook, never in it: the stored notebook text is the file as opened.
    const texts = (await readStore(page, "notebooks")).map((r) => r.text);
    expect(texts).toEqual([NOTEBOOK]);

    server.hold();
    await page.reload();
    const plot = page.locator('[data-cell="plot"]');
    await plot.locator('[data-role="last-run"]').waitFor({ timeout: 60_000 });
    expect(await plot.locator('[data-role="last-run"]').textContent()).toBe("from your last run");
    await plot.locator('[data-role="last-run-output"] figure[data-chart-rows="8"]').waitFor();
    // The chart is drawn in its sandbox frame: eight bars.
    const bars = page.frameLocator('[data-cell="plot"] iframe').locator(".mark-rect path");
    await expect.poll(() => bars.count(), { timeout: 60_000 }).toBe(8);
    const table = page.locator('[data-cell="nums"] [data-role="last-run-output"] [data-role="result-table"]');
    expect(await table.getAttribute("data-rows")).toBe("8");
    expect(await table.textContent()).toContain("49");
    expect(await badges(page, "other")).toBe(1);
    // All of it with the engine still waiting for its wasm.
    expect(server.held.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.dataset.engine)).not.toBe("ready");
    expect(await plot.getAttribute("data-state")).not.toBe("done");

    server.release();
    await page.locator("body[data-engine=ready]").waitFor({ timeout: ENGINE_TIMEOUT });
    // Until the fresh run, the kept results stay; then each cell's own result replaces its kept one.
    expect(await badges(page, "plot")).toBe(1);
    await page.locator('[data-action="run-all"]').click();
    await page.locator('[data-cell="plot"][data-state="done"] figure[data-chart-rows="8"]').waitFor({
      timeout: ENGINE_TIMEOUT,
    });
    await expect.poll(() => page.locator('[data-role="last-run"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('[data-cell="nums"] [data-role="result-table"]').getAttribute("data-rows")).toBe("8");
  }, 300_000);

  it("shows no kept result as current for an edited cell or its readers; erase removes them all", async () => {
    const page = await openApp();
    await openAndRun(page);
    server.hold();
    await page.reload();
    await page.locator('[data-cell="plot"] [data-role="last-run"]').waitFor({ timeout: 60_000 });
    await typeInto(page, "nums", " LIMIT 3");
    // The edited cell and the chart reading it lose their kept results; the unrelated cell keeps its own.
    await expect.poll(() => badges(page, "nums")).toBe(0);
    await expect.poll(() => badges(page, "plot")).toBe(0);
    expect(await page.locator('[data-cell="plot"] figure[data-chart-rows]').count()).toBe(0);
    expect(await badges(page, "other")).toBe(1);
    // After a reload too (the edit is stored, the results are keyed by the cells as they were).
    // The edit is stored within a second (autosave).
    await page.waitForTimeout(1500);
    await page.reload();
    await page.locator('[data-cell="other"] [data-role="last-run"]').waitFor({ timeout: 60_000 });
    expect(await badges(page, "nums")).toBe(0);
    expect(await badges(page, "plot")).toBe(0);
    expect(await codeOf(page, "nums").textContent()).toContain("LIMIT 3");

    server.release();
    await page.locator("body[data-engine=ready]").waitFor({ timeout: ENGINE_TIMEOUT });
    // A restored notebook runs when the user says so (its data may need re-attaching first).
    await page.locator('[data-action="run-all"]').click();
    await page.locator('[data-cell="plot"][data-state="done"] figure[data-chart-rows="3"]').waitFor({
      timeout: ENGINE_TIMEOUT,
    });
    await expect.poll(() => keptKinds(page), { timeout: 30_000 }).toEqual(["table:3", "chart:3", "table:1"]);

    await clickAction(page, "erase-my-data");
    await page.locator('[data-role="confirm-dialog"][data-for="erase"] [data-action="confirm"]').click();
    await page.locator('[data-role="erased-note"]').waitFor({ timeout: 90_000 });
    await page.waitForTimeout(1500);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    server.hold();
    await page.reload();
    await page.locator("#app *").first().waitFor();
    await page.waitForTimeout(2000);
    expect(await page.locator('[data-role="last-run"]').count()).toBe(0);
    expect(await keptKinds(page)).toEqual([]);
  }, 300_000);

  it("reset to original and deleting a stored notebook remove its kept results", async () => {
    const page = await openApp("?notebook=mine.md");
    await page.locator('[data-cell="plot"]').waitFor({ timeout: 60_000 });
    await ranAndKept(page);
    expect((await keptResults(page)).map((r) => r.id)).toEqual(["link:/mine.md"]);
    await clickAction(page, "reset-notebook");
    await page.locator('[data-role="confirm-dialog"][data-for="reset"] [data-action="confirm"]').click();
    await expect.poll(() => keptResults(page), { timeout: 30_000 }).toEqual([]);

    await openAndRun(page);
    const [id] = (await keptResults(page)).map((r) => r.id);
    expect(id).not.toBe("link:/mine.md");
    await clickAction(page, "recent-notebooks");
    await page.locator(`[data-stored-id="${id}"] [data-action="delete-stored"]`).click();
    await expect.poll(() => keptResults(page), { timeout: 30_000 }).toEqual([]);
  }, 300_000);
});
