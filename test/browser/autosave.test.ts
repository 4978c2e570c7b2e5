// Nothing is lost (issue 13, item 1), in real Chromium with the real IndexedDB and OPFS: edits come back
// after a reload with a "restored" note, deletes undo, kept data reloads without picking files, a second
// tab is told instead of overwriting, a full storage is reported with a file save, closing asks first.
// One browser for every case; each case has its own context (its own storage) and its requests checked.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { dist, ENGINE_TIMEOUT, clickAction } from "./app-fixture";
import { launchChromium, recordedContext, serveDirectory, type RecordedContext, type StaticServer } from "./harness";
import { readStore } from "./stored";
import { codeOf } from "./code";

const fence = "```";
const NOTEBOOK = `---
notebook: 1
title: Kept notebook
data:
  orders:
    file: orders.csv
---

${["alpha", "beta", "gamma"].map((n, i) => `${fence}sql ${n}\nSELECT ${i} AS v\n${fence}\n`).join("\n")}`;
const ORDERS = "id,amount\n1,10\n2,20\n3,30\n";

let server: StaticServer;
let browser: Browser;
let current: RecordedContext | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
  server = await serveDirectory(dist);
  browser = await launchChromium();
});
afterEach(async () => {
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

/** A fresh context (empty storage) with the app open in one page. */
async function openApp(): Promise<{ ctx: RecordedContext; page: Page }> {
  current = await recordedContext(browser);
  const page = await current.newPage();
  await page.goto(`${server.origin}/`);
  return { ctx: current, page };
}

const openNotebook = (page: Page, text = NOTEBOOK) =>
  page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name: "kept.md", mimeType: "text/markdown", buffer: Buffer.from(text) });

/** The cells' names in page order. */
const order = (page: Page) =>
  page.locator("[data-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));

/** The stored notebooks in the app's IndexedDB. */
const stored = (page: Page) => readStore(page, "notebooks");

/** Types at the end of a cell's SQL (the editor loads when first seen). */
async function typeInto(page: Page, cell: string, text: string): Promise<void> {
  await page.locator(`[data-cell="${cell}"] .editor`).scrollIntoViewIfNeeded();
  const editor = codeOf(page, cell);
  await editor.click({ timeout: 60_000 });
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

/** src/store/index.ts bundled as a script defining `store` (evaluated in the app's page: same origin, same storage). */
async function storeModule(): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    entryPoints: [resolve(__dirname, "../../src/store/index.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "store",
    target: "es2022",
  });
  return out.outputFiles[0].text;
}

const sqlOf = (page: Page, cell: string) => codeOf(page, cell).textContent();

describe("autosave in the browser", () => {
  it("keeps every edit within a second; a reload restores it with a note and the files to re-attach", async () => {
    const { page } = await openApp();
    await openNotebook(page);
    await page.locator('[data-cell="gamma"]').waitFor();
    expect(await stored(page)).toEqual([]);

    await typeInto(page, "beta", " + 41");
    await page.locator('[data-action="insert-here"][data-index="0"]').click();
    await page.locator('.cell-gap [data-action="add-sql"]').click();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("SELECT 'new' AS n");
    await page.locator('[data-cell="gamma"]').hover();
    await page.locator('[data-cell="gamma"] [data-action="delete-cell"]').click();
    await expect.poll(() => order(page)).toEqual(["query_1", "alpha", "beta"]);
    const typedAt = Date.now();
    const last = async () => (await stored(page))[0]?.text ?? "";
    await expect
      .poll(async () => !(await last()).includes("sql gamma") && (await last()).includes("'new' AS n"), {
        timeout: 5000,
      })
      .toBe(true);
    // Within a second of the last edit (the poll itself reads every 100 ms or so).
    expect(Date.now() - typedAt).toBeLessThan(1500);
    const [record] = await stored(page);
    expect(record.title).toBe("Kept notebook");
    expect(record.text).toContain("SELECT 1 AS v + 41");
    expect(record.text).not.toContain("sql gamma");

    await page.reload();
    const note = page.locator('[data-role="restored"]');
    await note.waitFor();
    expect(await note.textContent()).toContain("Restored “Kept notebook”");
    expect(await note.textContent()).toContain("Re-attach its data files");
    await expect.poll(() => order(page)).toEqual(["query_1", "alpha", "beta"]);
    expect(await sqlOf(page, "beta")).toBe("SELECT 1 AS v + 41");
    expect(await sqlOf(page, "query_1")).toBe("SELECT 'new' AS n");
    expect(await page.locator('[data-declared="orders"]').textContent()).toContain("orders.csv");
    expect(await page.locator('[data-role="title"]').textContent()).toBe("Kept notebook");

    // Edited again after the restore: still the same stored notebook, no second copy.
    await typeInto(page, "alpha", " -- again");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain("-- again");
    expect(await stored(page)).toHaveLength(1);

    // Recent notebooks lists it (open now); deleting it empties the store.
    await clickAction(page, "recent-notebooks");
    const item = page.locator('[data-role="recent-notebooks"] li');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute("data-stored-title")).toBe("Kept notebook");
    await page.screenshot({ path: "/tmp/clientbook-recent.png" });
    await item.locator('[data-action="delete-stored"]').click();
    await expect.poll(async () => (await stored(page)).length).toBe(0);
    await page.locator('[data-role="recent-empty"]').waitFor();
  });

  it("opens another stored notebook from Recent; closing a tab with edits not saved to a file asks", async () => {
    const { page } = await openApp();
    await openNotebook(page);
    await typeInto(page, "alpha", " + 1");
    await expect.poll(async () => (await stored(page)).length).toBe(1);
    await openNotebook(page, NOTEBOOK.replace("Kept notebook", "Second"));
    await expect.poll(() => page.locator('[data-role="title"]').textContent()).toBe("Second");
    await typeInto(page, "gamma", " + 2");
    await expect.poll(async () => (await stored(page)).map((r) => r.title).sort()).toEqual(["Kept notebook", "Second"]);

    await clickAction(page, "recent-notebooks");
    await page.locator('[data-stored-title="Kept notebook"] [data-action="open-stored"]').click();
    await expect.poll(() => page.locator('[data-role="title"]').textContent()).toBe("Kept notebook");
    expect(await sqlOf(page, "alpha")).toBe("SELECT 0 AS v + 1");

    // Saved to a file: closing asks nothing. Edited after: closing asks first.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="save-notebook"]').click(),
    ]);
    expect(await readFile(await download.path(), "utf8")).toContain("SELECT 0 AS v + 1");
    expect(await page.evaluate(() => dispatchEvent(new Event("beforeunload", { cancelable: true })))).toBe(true);
    await typeInto(page, "beta", " + 3");
    expect(await page.evaluate(() => dispatchEvent(new Event("beforeunload", { cancelable: true })))).toBe(false);
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(["beforeunload"]);
    expect(page.isClosed()).toBe(false);
  });

  it("undoes a delete with the toast's Undo and Ctrl+Z outside an editor, and keeps the undone notebook", async () => {
    const { page } = await openApp();
    await openNotebook(page);
    await page.locator('[data-cell="beta"]').hover();
    await page.locator('[data-cell="beta"] [data-action="delete-cell"]').click();
    await expect.poll(() => order(page)).toEqual(["alpha", "gamma"]);
    await expect.poll(async () => (await stored(page))[0]?.text.includes("sql beta")).toBe(false);
    await page.locator('[data-role="undo-toast"] [data-action="undo"]').click();
    await expect.poll(() => order(page)).toEqual(["alpha", "beta", "gamma"]);
    await expect.poll(async () => (await stored(page))[0]?.text.includes("sql beta")).toBe(true);

    await page.locator('[data-cell="gamma"]').hover();
    await page.locator('[data-cell="gamma"] [data-action="delete-cell"]').click();
    await expect.poll(() => order(page)).toEqual(["alpha", "beta"]);
    await page.locator('[data-cell="alpha"] .cell-head .kind').click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z");
    await expect.poll(() => order(page)).toEqual(["alpha", "beta", "gamma"]);
    expect(await sqlOf(page, "gamma")).toBe("SELECT 2 AS v");
    await expect.poll(async () => (await stored(page))[0]?.text.includes("sql gamma")).toBe(true);
    await page.reload();
    await page.locator('[data-role="restored"]').waitFor();
    await expect.poll(() => order(page)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("keeps the data in this browser when asked: a reload brings the table back without picking the file", async () => {
    const { page } = await openApp();
    await openNotebook(page, NOTEBOOK.replace("SELECT 0 AS v", "SELECT sum(amount) AS total FROM orders"));
    await page.locator('[data-declared="orders"] input[data-action="load-declared"]').setInputFiles({
      name: "orders.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ORDERS),
    });
    await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await clickAction(page, "recent-notebooks");
    await page.locator('[data-action="keep-data"]').check();
    const keptFiles = (on = page) =>
      on.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const names: string[] = [];
        const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
          for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
            if (entry.kind === "directory") await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`);
            else names.push(`${prefix}${entry.name}`);
          }
        };
        await walk(root, "");
        return names;
      });
    await expect.poll(() => keptFiles()).toHaveLength(1);
    await expect.poll(async () => (await stored(page))[0]?.keepData).toBe(true);

    await page.reload();
    const note = page.locator('[data-role="restored"]');
    await note.waitFor();
    expect(await note.textContent()).toContain("kept in this browser");
    await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await page.locator('[data-table="orders"]').getAttribute("data-rows")).toBe("3");
    expect(await page.locator('[data-role="declared-files"]').count()).toBe(0);
    // Once the table is there, the note no longer says it is loading.
    await expect.poll(() => note.textContent()).toContain("data table was kept in this browser and is loaded again.");
    expect(await note.textContent()).not.toContain("loading");
    await page.locator('[data-action="run-all"]').click();
    const alpha = page.locator('[data-cell="alpha"]');
    await expect.poll(() => alpha.getAttribute("data-state"), { timeout: ENGINE_TIMEOUT }).toBe("done");
    expect(await alpha.locator('[data-role="result-table"]').textContent()).toContain("60");

    // Turning it off removes the kept file.
    await clickAction(page, "recent-notebooks");
    await page.locator('[data-action="keep-data"]').uncheck();
    await expect.poll(() => keptFiles()).toEqual([]);

    // The store's own functions (what "Erase my data" is built on), on the same storage from a page of the origin
    // where the app does not run: a save of the app still in flight cannot land after the erase.
    // The table was read from the kept copy just removed: keeping it again needs its file, and says so.
    await page.locator('[data-action="keep-data"]').check();
    const problem = page.locator('[data-role="storage-problem"][data-kind="data"]');
    await expect.poll(() => problem.textContent()).toContain("pick its file again to keep it");
    expect(await keptFiles()).toEqual([]);
    await page.keyboard.press("Escape");
    await page.locator('input[data-action="load-files"]').setInputFiles({
      name: "orders.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ORDERS),
    });
    await expect.poll(() => keptFiles()).toHaveLength(1);
    await expect.poll(async () => (await stored(page))[0]?.kept.length, { timeout: 10_000 }).toBe(1);
    // A problem that is still shown after a successful save: the notebook's saves do not hide it.
    await problem.locator('[data-action="dismiss-storage-problem"]').click();
    expect(await problem.count()).toBe(0);
    await page.close();
    const bare = await current!.newPage();
    await bare.goto(`${server.origin}/no-app-here`); // a 404 of the origin: a document, no app
    const store = await storeModule();
    const before = await bare.evaluate(async (code) => {
      const api = new Function(`${code}; return store;`)() as typeof import("../../src/store/index");
      const list = await api.listStoredNotebooks();
      return {
        titles: list.map((n) => n.title),
        notebooks: await api.storedNotebookCount(),
        tables: await api.keptTableCount(),
      };
    }, store);
    expect(before).toEqual({ titles: ["Kept notebook"], notebooks: 1, tables: 1 });
    const after = await bare.evaluate(async (code) => {
      const api = new Function(`${code}; return store;`)() as typeof import("../../src/store/index");
      await api.eraseStoredData();
      return { notebooks: await api.storedNotebookCount(), tables: await api.keptTableCount() };
    }, store);
    expect(after).toEqual({ notebooks: 0, tables: 0 });
    expect(await stored(bare)).toEqual([]);
    expect(await keptFiles(bare)).toEqual([]);
  });

  it("tells a second tab another holds the notebook, never overwrites it, keeps the second as a copy", async () => {
    const { ctx, page } = await openApp();
    await openNotebook(page);
    await typeInto(page, "alpha", " + 1");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain("SELECT 0 AS v + 1");

    const second = await ctx.newPage();
    await second.goto(`${server.origin}/`);
    const told = second.locator('[data-role="storage-problem"][data-kind="other-tab"]');
    await told.waitFor();
    expect(await told.textContent()).toContain("open in another tab");
    await typeInto(second, "beta", " + 2");
    await second.waitForTimeout(1200);
    const records = await stored(page);
    expect(records).toHaveLength(1);
    expect(records[0].text).not.toContain("+ 2");

    // The first tab goes on saving; the second keeps its own version as a separate stored notebook.
    await typeInto(page, "gamma", " + 3");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain("SELECT 2 AS v + 3");
    await second.locator('[data-action="keep-copy"]').click();
    await expect.poll(async () => (await stored(page)).length).toBe(2);
    const texts = (await stored(page)).map((r) => r.text);
    expect(texts.filter((t) => t.includes("SELECT 1 AS v + 2") && !t.includes("+ 3"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("SELECT 2 AS v + 3") && !t.includes("+ 2"))).toHaveLength(1);
    expect(await told.count()).toBe(0);
  });

  it("says so when the browser's storage is full, keeps the notebook in memory and offers a file save", async () => {
    const { ctx, page } = await openApp();
    await openNotebook(page);
    // A real quota on this origin (Chromium's quota manager), far below one stored notebook.
    const cdp = await ctx.context.newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: server.origin, quotaSize: 1 });
    await typeInto(page, "alpha", " + 1");
    const problem = page.locator('[data-role="storage-problem"][data-kind="quota"]');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.textContent()).toContain("storage is full");
    expect(await sqlOf(page, "alpha")).toBe("SELECT 0 AS v + 1");
    await page.screenshot({ path: "/tmp/clientbook-quota.png" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      problem.locator('[data-action="save-file-instead"]').click(),
    ]);
    expect(await readFile(await download.path(), "utf8")).toContain("SELECT 0 AS v + 1");

    // Room again: the next edit is kept and the message goes.
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: server.origin });
    await typeInto(page, "beta", " + 2");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain("SELECT 1 AS v + 2");
    await expect.poll(() => problem.count()).toBe(0);
  });

  it("keeps the user's copy of a linked notebook: the link reopens it as edited (input, text)", async () => {
    const { page } = await openApp();
    await page.goto(`${server.origin}/?notebook=notebooks/live-inputs.md`);
    const range = page.locator('[data-cell="min_orders"] input[type="range"]');
    await range.waitFor({ timeout: ENGINE_TIMEOUT });
    await range.fill("20");
    await typeInto(page, "channels", " -- mine");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain("-- mine");
    await expect.poll(async () => (await stored(page))[0]?.text ?? "").toContain('"value": 20');
    expect((await stored(page))[0].id).toBe("link:/notebooks/live-inputs.md");

    await page.reload();
    await page.locator('[data-role="restored"]').waitFor();
    expect(await sqlOf(page, "channels")).toContain("-- mine");
    expect(await page.locator('[data-cell="min_orders"] input[type="range"]').inputValue()).toBe("20");
    // Its data still comes from next to the notebook, as the link declares.
    await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
  });

  it("measures autosave per keystroke on the largest example notebook (market-review.md, 141 KB)", async () => {
    const { page } = await openApp();
    const text = await readFile(resolve(__dirname, "../../notebooks/market-review.md"), "utf8");
    await openNotebook(page, text);
    const first = page.locator('[data-cell][data-kind="sql"]').first();
    await first.waitFor();
    const name = await first.getAttribute("data-cell");
    await typeInto(page, name!, " ");
    await expect.poll(async () => (await stored(page)).length).toBe(1);
    await page.evaluate(() => performance.clearMeasures());
    const keys = 200;
    const started = Date.now();
    for (let i = 0; i < keys / 20; i++) await page.keyboard.type("-- 0123456789abcdef\n", { delay: 25 });
    const typingMs = Date.now() - started;
    await expect.poll(async () => (await stored(page))[0]?.text.split("0123456789abcdef").length - 1).toBe(keys / 20);
    const measures = await page.evaluate(() =>
      ["clientbook:autosave", "clientbook:autosave-serialize"].map((n) =>
        performance.getEntriesByName(n).map((e) => e.duration),
      ),
    );
    const [writes, serializes] = measures;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const row = {
      keystrokes: keys,
      typingMs,
      writes: writes.length,
      writeMsMean: +(sum(writes) / writes.length).toFixed(2),
      writeMsMax: +Math.max(...writes).toFixed(2),
      serializeMsMean: +(sum(serializes) / serializes.length).toFixed(2),
      mainThreadMsPerKeystroke: +(sum(serializes) / keys).toFixed(3),
      writeMsPerKeystroke: +(sum(writes) / keys).toFixed(3),
    };
    console.log(`autosave measurement: ${JSON.stringify(row)}`);
    // Coalesced: a write per 300 ms of typing at most, never one per keystroke.
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(typingMs / 300) + 2);
  });
});
