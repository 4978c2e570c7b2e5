// Running from the keyboard and what a run shows: Ctrl+Enter runs in place, Shift+Enter runs and moves
// on; "Run all" shows cells done / total and the running cell; a SQL error is marked inside the editor;
// result numbers have one format per column. Tab reaches every toolbar control; "?" shows the shortcuts.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();
const fence = "```";
const NOTEBOOK = `---
notebook: 1
title: Keys
---

${fence}sql one
SELECT 1 AS v
${fence}

${fence}ts slow
await new Promise((r) => setTimeout(r, 1500));
return 1;
${fence}

${fence}sql bad
SELECT v,
  no_such_column
FROM one
${fence}

${fence}sql money
SELECT * FROM (VALUES (2010.79), (13075.59), (7)) t(amount)
${fence}
`;

const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const cell = el?.closest("[data-cell]")?.getAttribute("data-cell") ?? null;
    return { cell, inEditor: !!el?.closest(".cm-editor") };
  });
const firstValue = (page: Page, cell: string) =>
  page.locator(`[data-cell="${cell}"] .grid-row .td`).first().textContent();

describe("keyboard runs and run feedback", () => {
  it("shows Run all progress, marks SQL errors in the editor, one number format per column, Ctrl/Shift+Enter", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "keys.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();

    // While the slow cell runs, the bar says how many of the four SQL/ts cells are done, and which runs.
    const progress = page.locator('[data-role="run-progress"][data-running="slow"]');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute("data-total")).toBe("4");
    expect(await progress.textContent()).toMatch(/of 4 cells done.*running slow/s);
    await page.screenshot({ path: "/tmp/clientbook-run-progress.png" });
    await page.locator('[data-cell="money"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-role="run-progress"]').waitFor({ state: "detached", timeout: 30_000 });

    // The error is marked where DuckDB points: the unknown column, on line 2 of the cell.
    await page.locator('[data-cell="bad"][data-state="error"]').waitFor();
    const mark = page.locator('[data-cell="bad"] .cm-error-mark');
    expect(await mark.textContent()).toBe("no_such_column");
    expect(await page.locator('[data-cell="bad"] .cm-error-line').textContent()).toBe("  no_such_column");
    expect(await page.locator('[data-cell="bad"] [data-role="error-position"]').textContent()).toContain("Line 2");

    // One format per column: the column's two decimals everywhere, with grouping.
    const amounts = await page.locator('[data-cell="money"] .grid-row .td').allTextContents();
    expect(amounts).toEqual(["2,010.79", "13,075.59", "7.00"]);

    // Ctrl+Enter runs in place: the focus stays in the editor.
    await codeOf(page, "one").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("SELECT 2 AS v");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => firstValue(page, "one"), { timeout: 15_000 }).toBe("2");
    expect(await focusedCell(page)).toEqual({ cell: "one", inEditor: true });

    // Shift+Enter runs and moves to the next cell, in command mode.
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("SELECT 3 AS v");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => firstValue(page, "one"), { timeout: 15_000 }).toBe("3");
    expect(await focusedCell(page)).toEqual({ cell: "slow", inEditor: false });
    // Fixing the query removes the mark; the live re-run succeeds.
    await codeOf(page, "bad").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("SELECT v FROM one");
    expect(await page.locator('[data-cell="bad"] .cm-error-mark').count()).toBe(0);
    await page.locator('[data-cell="bad"][data-state="done"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-cell="bad"] .cm-error-mark').count()).toBe(0);
  });

  it("Tab reaches every toolbar control, and ? shows the shortcut sheet (Esc closes it)", async () => {
    const { page } = await app.open();
    // Listening from the start: Playwright turns on file-chooser interception asynchronously.
    const choosers: boolean[] = [];
    page.on("filechooser", (chooser) => choosers.push(chooser.isMultiple()));
    await page.locator('[data-action="run-all"]').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const action = await page.evaluate(
        () => document.activeElement?.getAttribute("data-action") ?? document.activeElement?.tagName,
      );
      if (action) reached.push(action);
    }
    for (const action of ["choose-notebook", "save-notebook", "choose-files", "open-gallery", "run-all", "shortcuts"]) {
      expect(reached).toContain(action);
    }
    // Enter on the focused "Load data" button opens the file picker.
    await page.locator('[data-action="choose-files"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => choosers).toEqual([true]);

    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("?");
    const sheet = page.locator('dialog[data-role="shortcut-sheet"]');
    await sheet.waitFor({ state: "visible" });
    expect(await sheet.textContent()).toContain("Shift+Enter");
    await page.screenshot({ path: "/tmp/clientbook-shortcuts.png" });
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "hidden" });
  });
});
