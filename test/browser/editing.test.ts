// Editing as users expect from Jupyter and Observable: insert anywhere ("+" and a/b), move (Alt+arrows,
// drag), duplicate, delete with undo (toast and Ctrl/Cmd+Z), Esc to command mode.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();
const fence = "```";
const NOTEBOOK = `---
notebook: 1
title: Editing
---

${["alpha", "beta", "gamma"].map((n, i) => `${fence}sql ${n}\nSELECT ${i} AS v\n${fence}\n`).join("\n")}`;

/** The cells' names in page order. */
const order = (page: Page) =>
  page.locator("[data-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
/** The name of the cell holding the keyboard focus, and whether the focus is in its editor. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const cell = el?.closest("[data-cell]")?.getAttribute("data-cell") ?? null;
    return { cell, inEditor: !!el?.closest(".cm-editor") };
  });

describe("editing cells", () => {
  it("inserts with + and a/b, Esc leaves the editor, moves with Alt+arrows and by dragging, duplicates", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "editing.md", NOTEBOOK);
    await page.locator('[data-cell="gamma"]').waitFor();

    // "+" above the first cell, then a kind: the new cell is first, with the focus in its editor.
    await page.locator('[data-action="insert-here"][data-index="0"]').click();
    await page.locator('.cell-gap [data-action="add-sql"]').click();
    expect(await order(page)).toEqual(["query_1", "alpha", "beta", "gamma"]);
    await expect.poll(() => focus(page)).toEqual({ cell: "query_1", inEditor: true });

    // Esc: command mode on the same cell; b inserts below, a above (the new cell is selected).
    await page.keyboard.press("Escape");
    expect(await focus(page)).toEqual({ cell: "query_1", inEditor: false });
    await page.keyboard.press("b");
    await expect.poll(() => order(page)).toEqual(["query_1", "query_2", "alpha", "beta", "gamma"]);
    expect(await focus(page)).toEqual({ cell: "query_2", inEditor: false });
    await page.keyboard.press("a");
    await expect.poll(() => order(page)).toEqual(["query_1", "query_3", "query_2", "alpha", "beta", "gamma"]);

    // Alt+Down twice moves the selected cell down two places; Down selects the next cell.
    await page.keyboard.press("Alt+ArrowDown");
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => order(page)).toEqual(["query_1", "query_2", "alpha", "query_3", "beta", "gamma"]);
    await page.keyboard.press("ArrowDown");
    expect(await focus(page)).toEqual({ cell: "beta", inEditor: false });
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => order(page)).toEqual(["query_1", "query_2", "alpha", "beta", "query_3", "gamma"]);

    // Drag gamma by its handle onto the top half of the first cell: it becomes first.
    const first = page.locator('[data-cell="query_1"]');
    await page.locator('[data-cell="gamma"]').hover();
    const handle = page.locator('[data-cell="gamma"] [data-action="drag-cell"]');
    await handle.dragTo(first, { targetPosition: { x: 40, y: 8 } });
    await expect.poll(() => order(page)).toEqual(["gamma", "query_1", "query_2", "alpha", "beta", "query_3"]);

    // Duplicate: a copy with the same source right after it, under a free name.
    await page.locator('[data-cell="alpha"]').hover();
    await page.locator('[data-cell="alpha"] [data-action="duplicate"]').click();
    const reordered = ["gamma", "query_1", "query_2", "alpha", "alpha_2", "beta", "query_3"];
    await expect.poll(() => order(page)).toEqual(reordered);
    expect(await codeOf(page, "alpha_2").textContent()).toBe("SELECT 0 AS v");
    await page.screenshot({ path: "/tmp/clientbook-editing.png" });

    // Saving writes the new order.
    const save = page.locator('[data-action="save-notebook"]');
    const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
    const saved = await import("node:fs/promises").then(async (fs) => fs.readFile(await download.path(), "utf8"));
    expect([...saved.matchAll(/```sql (\w+)/g)].map((m) => m[1])).toEqual(reordered);
  });

  it("deletes with undo: the toast's Undo and Ctrl+Z bring a cell back where it was, with its source", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "editing.md", NOTEBOOK);
    await page.locator('[data-cell="gamma"]').waitFor();

    await page.locator('[data-cell="beta"]').hover();
    await page.locator('[data-cell="beta"] [data-action="delete-cell"]').click();
    await expect.poll(() => order(page)).toEqual(["alpha", "gamma"]);
    const toast = page.locator('[data-role="undo-toast"]');
    expect(await toast.textContent()).toContain("beta");
    await page.screenshot({ path: "/tmp/clientbook-undo-toast.png" });
    await toast.locator('[data-action="undo"]').click();
    await expect.poll(() => order(page)).toEqual(["alpha", "beta", "gamma"]);
    expect(await codeOf(page, "beta").textContent()).toBe("SELECT 1 AS v");
    expect(await toast.count()).toBe(0);

    // Command mode: "d d" deletes the selected cell; Ctrl+Z (outside an editor) undoes it.
    await page.locator('[data-cell="alpha"] .cell-head .kind').click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowDown");
    expect(await focus(page)).toEqual({ cell: "beta", inEditor: false });
    await page.keyboard.press("d");
    expect(await order(page)).toEqual(["alpha", "beta", "gamma"]);
    await page.keyboard.press("d");
    await expect.poll(() => order(page)).toEqual(["alpha", "gamma"]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => order(page)).toEqual(["alpha", "beta", "gamma"]);

    // Inside an editor Ctrl+Z is the editor's own undo, not a cell undo.
    await page.locator('[data-cell="gamma"]').hover();
    await page.locator('[data-cell="gamma"] [data-action="delete-cell"]').click();
    await codeOf(page, "alpha").click();
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(200);
    expect(await order(page)).toEqual(["alpha", "beta"]);
  });
});
