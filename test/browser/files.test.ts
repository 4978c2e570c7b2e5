// Client files in the browser: the file picker, encodings, unreadable files, and the data files a
// notebook declares (asked for, matched by name when dropped).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();

describe("loading files", () => {
  it("loads a CSV through the file input into the data panel with its columns", async () => {
    const { page } = await app.open();
    await page.locator('[data-role="welcome"]').waitFor();
    const csv = "customer,region,amount\nAcme,North,120.5\nBeta,South,\nGamma,North,99\n";
    await page
      .locator('input[data-action="load-files"]')
      .setInputFiles({ name: "Client list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const table = page.locator('[data-table][data-rows="3"]');
    await table.waitFor({ timeout: ENGINE_TIMEOUT });
    for (const column of ["customer", "region", "amount"])
      await expect.poll(() => table.locator(`[data-column="${column}"]`).count()).toBe(1);
    await expect.poll(() => table.locator('[data-column="amount"] .num').textContent()).toBe("1");
    await page.screenshot({ path: "/tmp/clientbook-loaded-csv.png" });
  });

  it("shows a progress bar while a bigger file loads", async () => {
    const { page } = await app.open();
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const lines = ["id,customer,amount"];
    for (let i = 0; i < 300_000; i++) lines.push(`${i},C${i % 997},${(i % 1000) / 7}`);
    await page
      .locator('input[data-action="load-files"]')
      .setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    const progress = page.locator('[data-role="load-progress"]');
    await progress.waitFor({ timeout: 10_000 });
    expect(await progress.textContent()).toMatch(/orders\.csv.*MB/);
    await page.locator('[data-table="orders"][data-rows="300000"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await expect.poll(() => progress.count()).toBe(0);
  });

  it("reports the bytes DuckDB has read while a large CSV loads, not only the start and the end", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clientbook-progress-"));
    try {
      // About 30 MB: DuckDB reads it a few megabytes at a time.
      const path = join(dir, "big orders.csv");
      const lines = ["order_id,customer,region,amount,note"];
      for (let i = 0; i < 600_000; i++)
        lines.push(`${i},Customer ${i % 997},R${i % 13},${((i % 1000) / 7).toFixed(3)},note ${i % 31}`);
      await writeFile(path, lines.join("\n") + "\n");
      const { page } = await app.open();
      await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
      // Sampled in the page on every DOM change, so no update is missed (the last one may show for one frame only).
      await page.evaluate(() => {
        const seen: { value: number; text: string }[] = [];
        (window as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-role="load-progress"]');
          const value = bar?.querySelector("progress")?.getAttribute("value");
          if (!bar || value == null) return;
          if (seen.at(-1)?.value !== Number(value)) seen.push({ value: Number(value), text: bar.textContent ?? "" });
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.locator('input[data-action="load-files"]').setInputFiles(path);
      await page.locator('[data-table="big_orders"][data-rows="600000"]').waitFor({ timeout: ENGINE_TIMEOUT });
      const seen = await page.evaluate(() => (window as unknown as { seen: { value: number; text: string }[] }).seen);
      const values = seen.map((s) => s.value);
      // More than the start and the end, each larger than the one before.
      expect(new Set(values).size, JSON.stringify(seen)).toBeGreaterThan(2);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
      expect(values.some((v) => v > 0 && v < values.at(-1)!)).toBe(true);
      expect(seen.at(-1)!.text).toContain("600,000 rows");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("shows the detected encoding and reloads the table with another one", async () => {
    const { page } = await app.open();
    const latin1 = Buffer.from("name,city\nMüller,Köln\nJosé,São Paulo\n", "latin1");
    await page
      .locator('input[data-action="load-files"]')
      .setInputFiles({ name: "kunden.csv", mimeType: "text/csv", buffer: latin1 });
    const card = page.locator('[data-table="kunden"]');
    await card.waitFor({ timeout: ENGINE_TIMEOUT });
    const select = card.locator('select[data-action="encoding"]');
    await expect.poll(() => select.inputValue()).not.toBe("utf-8");
    await expect.poll(() => card.locator(".grid-row").first().textContent()).toContain("Müller");
    await select.selectOption("utf-16le");
    // Reading Latin-1 bytes as UTF-16 gives other text (or a load error naming the file): either way the choice took effect.
    await expect
      .poll(
        async () =>
          (await page.locator('[data-role="load-error"]').count()) > 0 || !(await card.innerText()).includes("Müller"),
        { timeout: 30_000 },
      )
      .toBe(true);
  });

  it("says when slash dates read both ways, and reloads them month first when asked", async () => {
    const { page } = await app.open();
    const csv = "id,signed\n1,03/04/2024\n2,05/06/2024\n";
    await page
      .locator('input[data-action="load-files"]')
      .setInputFiles({ name: "deals.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const card = page.locator('[data-table="deals"]');
    await card.waitFor({ timeout: ENGINE_TIMEOUT });
    const select = card.locator('select[data-action="date-order"]');
    await expect.poll(() => select.inputValue()).toBe("dmy");
    await expect.poll(() => card.locator(".warning").innerText()).toMatch(/"signed".*read as day\/month\/year/);
    await expect.poll(() => card.locator(".grid-row").first().textContent()).toContain("2024-04-03");
    await select.selectOption("mdy");
    await expect
      .poll(() => card.locator(".grid-row").first().textContent(), { timeout: 30_000 })
      .toContain("2024-03-04");
    expect(await card.locator(".warning").count()).toBe(0);
    expect(await select.inputValue()).toBe("mdy");
  });

  it("names the file and the reason when a file cannot be read, and keeps loaded tables", async () => {
    const { page } = await app.open();
    await page
      .locator('input[data-action="load-files"]')
      .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
    await page.locator('[data-table][data-rows="1"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('input[data-action="load-files"]').setInputFiles({
      name: "broken.parquet",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("PAR1 this is not parquet"),
    });
    const error = page.locator('[data-role="load-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("broken.parquet");
    expect(await page.locator('[data-table][data-rows="1"]').count()).toBe(1);
  });

  it("loads a data file picked with Open notebook as a table, and refuses a binary one, keeping the notebook", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "declared.md", DECLARES);
    await expect.poll(() => page.locator('[data-role="title"]').textContent()).toBe("Declared data");
    await page
      .locator('input[data-action="open-notebook"]')
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name,age\nAda,36\nBo,12\n") });
    await page.locator('[data-table="people"][data-rows="2"]').waitFor({ timeout: ENGINE_TIMEOUT });
    // Nothing went wrong: a calm notice (role status), not the red problem box.
    const notice = page.locator('[data-role="notebook-notice"]');
    await expect.poll(() => notice.allInnerTexts()).toContainEqual(expect.stringContaining("people.csv"));
    expect(await notice.getAttribute("role")).toBe("status");
    expect(await page.locator('[data-role="notebook-error"]').count()).toBe(0);
    await page.locator('input[data-action="open-notebook"]').setInputFiles({
      name: "scan.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    });
    await expect
      .poll(() => page.locator('[data-role="notebook-error"]').allInnerTexts())
      .toContainEqual(expect.stringContaining("scan.bin"));
    const look = (role: string) =>
      page
        .locator(`[data-role="${role}"]`)
        .first()
        .evaluate((e) => {
          const style = getComputedStyle(e);
          return `${style.color} on ${style.backgroundColor}`;
        });
    expect(await look("notebook-notice")).not.toBe(await look("notebook-error"));
    expect(await page.locator('[data-role="title"]').textContent()).toBe("Declared data");
    expect(await page.locator('[data-cell="adults"]').count()).toBe(1);
  });
});

const DECLARES = `---
notebook: 1
title: Declared data
data:
  people:
    file: people.csv
---

\`\`\`sql adults
SELECT name FROM people WHERE age >= 18
\`\`\`
`;

describe("declared data files", () => {
  it("show only the newest failed load of a table: a second failure replaces the first, a success clears it", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "declared.md", DECLARES);
    const pick = page.locator('[data-declared="people"] input[data-action="load-declared"]');
    await pick.waitFor({ state: "attached", timeout: ENGINE_TIMEOUT });
    const errors = page.locator('[data-role="load-error"]');
    await pick.setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect
      .poll(() => errors.allInnerTexts(), { timeout: ENGINE_TIMEOUT })
      .toEqual([expect.stringMatching(/empty/)]);
    const unclosed = 'name,age\n"Ada,36\nBo,12\n';
    await pick.setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(unclosed) });
    await expect
      .poll(() => errors.allInnerTexts(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/never closed/)]);
    // Another file chosen for the same table: its failure replaces the old one too, its success clears it.
    await pick.setInputFiles({ name: "people-2.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect
      .poll(() => errors.allInnerTexts(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/people-2\.csv.*empty/)]);
    await pick.setInputFiles({ name: "people-3.csv", mimeType: "text/csv", buffer: Buffer.from("name,age\nAda,36\n") });
    await page.locator('[data-table="people"][data-rows="1"]').waitFor({ timeout: 30_000 });
    expect(await errors.count()).toBe(0);
  });

  it("are asked for on open, matched by name when dropped on the page, then the notebook runs on trust", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "declared.md", DECLARES);
    await page.locator('[data-role="declared-files"] [data-declared="people"]').waitFor();
    await page.screenshot({ path: "/tmp/clientbook-declared.png" });
    const csv = "name,age\nAda,36\nBob,12\nCy,18\n";
    // A real drop: a DataTransfer holding a File, dispatched on the page body.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "people.csv", { type: "text/csv" }));
      document.body.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv);
    await page.locator('[data-table="people"][data-rows="3"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await expect.poll(() => page.locator('[data-role="declared-files"]').count()).toBe(0);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="adults"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-cell="adults"] [data-role="result-table"]').getAttribute("data-rows")).toBe("2");

    // The SQL editor completes table names and runs its cell on Shift+Enter.
    const editor = codeOf(page, "adults");
    await editor.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("AND name <> 'Ada' AND name IN (SELECT name FROM peo");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "people" }).waitFor({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await page.keyboard.type("ple)");
    await page.keyboard.press("Shift+Enter");
    await expect
      .poll(() => page.locator('[data-cell="adults"] [data-role="result-table"]').getAttribute("data-rows"), {
        timeout: 30_000,
      })
      .toBe("1");
    expect(await editor.textContent()).toContain("AND name <> 'Ada'");
  });
});
