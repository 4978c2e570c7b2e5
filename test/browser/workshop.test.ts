// A workshop page (`?notebook=`): the participant edits "my copy" beside the pristine original;
// "Reset to original" puts the original back, "Erase my data" removes every table and everything
// the site stored (IndexedDB, OPFS, caches, Web Storage), each after a confirmation saying what goes.
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, useApp, clickAction } from "./app-fixture";

const app = useApp();
const LINK = "?notebook=notebooks/customer-review.md";
const original = () => readFile(resolve(__dirname, "../../notebooks/customer-review.md"), "utf8");

/** The cells' names in page order (unnamed Markdown cells get a fresh id per open: only their place counts). */
const cellNames = (page: Page) =>
  page
    .locator("[data-cell]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")!).map((n) => (/^c\w+-\w+$/.test(n) ? "(md)" : n)));

/** The notebook text as "Save notebook" downloads it. */
async function saved(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-action="save-notebook"]').click(),
  ]);
  return readFile(await download.path(), "utf8");
}

/** What the site keeps in this browser, read through the storage APIs. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const files: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) files.push(name);
    return {
      databases: (await indexedDB.databases()).map((d) => d.name),
      files,
      caches: await caches.keys(),
      local: localStorage.length,
    };
  });

describe("workshop: my copy, reset to original, erase my data", () => {
  it("reset to original restores the original text after edits, after a confirmation", async () => {
    const { page } = await app.open(LINK);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await page.locator('[data-cell="monthly_revenue"][data-state="done"]').waitFor({ timeout: 90_000 });
    const before = await cellNames(page);

    // Edits: a new cell at the end and a deleted one.
    await page.locator('[data-action="add-sql"]').last().click();
    await expect.poll(async () => (await cellNames(page)).length).toBe(before.length + 1);
    await page.locator('[data-cell="top_customers"]').click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    await expect.poll(async () => (await cellNames(page)).includes("top_customers")).toBe(false);
    expect(await saved(page)).not.toBe(await original());

    // Cancel leaves my copy as it is.
    await clickAction(page, "reset-notebook");
    await page.locator('[data-role="confirm-dialog"][data-for="reset"]').waitFor();
    await page.locator('[data-action="confirm-cancel"]').click();
    await expect.poll(() => page.locator('[data-role="confirm-dialog"]').count()).toBe(0);
    expect((await cellNames(page)).includes("top_customers")).toBe(false);

    await clickAction(page, "reset-notebook");
    expect(await page.locator('[data-role="confirm-dialog"]').textContent()).toContain("customer-review.md");
    await page.locator('[data-action="confirm"]').click();
    await expect.poll(() => cellNames(page)).toEqual(before);
    expect(await saved(page)).toBe(await original());
    // The shipped original runs again on the tables that stayed.
    await page.locator('[data-cell="top_customers"][data-state="done"]').waitFor({ timeout: 90_000 });
  });

  it("erase my data leaves no table, IndexedDB database, OPFS entry, cache or local storage of the site", async () => {
    const { page, context } = await app.open();
    // The orders file arrives late, so the erase below comes while it loads: a load's bar shows only after 0.3 s,
    // and a quick one would be done before it (nothing to erase it during).
    let sent: () => void = () => undefined;
    const ordersSent = new Promise<void>((done) => (sent = done));
    await context.route("**/notebooks/orders.csv", async (route) => {
      await new Promise((done) => setTimeout(done, 5000));
      await route.continue().catch(() => undefined);
      sent();
    });
    await page.goto(`${app.origin()}/${LINK}`);
    // What a store such as autosave leaves: a database, OPFS files (a kept table), a cache, a setting.
    await page.evaluate(async () => {
      await new Promise<void>((ok, fail) => {
        const open = indexedDB.open("clientbook-test-store", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("notebooks");
        open.onsuccess = () => {
          const tx = open.result.transaction("notebooks", "readwrite");
          tx.objectStore("notebooks").put("my copy", "customer-review.md");
          tx.oncomplete = () => (open.result.close(), ok());
        };
        open.onerror = () => fail(open.error);
      });
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle("tables", { create: true });
      const writable = await (await dir.getFileHandle("orders.parquet", { create: true })).createWritable();
      await writable.write("PAR1");
      await writable.close();
      await (await caches.open("clientbook-test-cache")).put("/kept", new Response("x"));
      localStorage.setItem("clientbook.test", "1");
    });
    const full = await stored(page);
    expect(full.databases).toContain("clientbook-test-store");
    expect(full.files).toEqual(["tables"]);
    expect(full.caches).toContain("clientbook-test-cache");

    // Erasing while the sample data is still loading: no table may come back after the erase.
    await page.locator('[data-role="load-progress"]').first().waitFor({ timeout: ENGINE_TIMEOUT });
    await clickAction(page, "erase-my-data");
    const dialog = page.locator('[data-role="confirm-dialog"][data-for="erase"]');
    const said = (await dialog.textContent()) ?? "";
    for (const what of ["table", "IndexedDB", "origin private file system", "caches", "offline copy stays"]) {
      expect(said).toContain(what);
    }
    await page.locator('[data-action="confirm"]').click();
    await page.locator('[data-role="erased-note"]').waitFor({ timeout: 90_000 });
    // The late file has arrived by now, and had its time to (wrongly) become a table.
    await ordersSent;
    await page.waitForTimeout(2000);

    const after = await stored(page);
    expect(after.databases).toEqual([]);
    expect(after.files).toEqual([]);
    // Only the app's own offline copy (no user data) may stay.
    expect(after.caches.filter((name) => !name.startsWith("clientbook-offline-"))).toEqual([]);
    expect(after.local).toBe(0);
    expect(await page.locator("[data-table]").count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('[data-role="title"]')?.textContent)).toContain(
      "Customer review",
    );
    expect(await saved(page)).toBe(await original());
  });
});
