// The editor on demand (issue 15, item 1): cells show highlighted static code, and CodeMirror (a chunk of its
// own) is fetched and mounted only when a cell is focused, with the caret where the user clicked and no key
// typed meanwhile lost; completion still works, a ts cell still runs, the gallery still opens; nothing leaves.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();
const fence = "```";
const NOTEBOOK = [
  "---",
  "notebook: 1",
  "title: Lazy editor",
  "---",
  "",
  "# Numbers",
  "",
  `${fence}sql numbers`,
  "SELECT i AS n, 'x' AS label",
  "FROM range(5) t(i)",
  "WHERE i > 0 -- positive",
  fence,
  "",
  `${fence}ts doubled`,
  "const k: number = 21;",
  "return k * 2;",
  fence,
  "",
  `${fence}sql later`,
  "SELECT 1 AS one",
  fence,
  "",
].join("\n");

const editorChunk = (requests: readonly string[]) =>
  requests.some((url) => /\/assets\/code-view-[\w-]+\.js$/.test(url));
const mounted = (page: Page, cell: string) => page.locator(`[data-cell="${cell}"] .cm-editor`).count();

/** Clicks the static code of `cell` just before character `column` (0-based) of line `line` (1-based). */
async function clickAt(page: Page, cell: string, line: number, column: number): Promise<void> {
  const at = await codeOf(page, cell).evaluate(
    (host, [line, column]) => {
      const row = host.querySelectorAll(".static-line")[line - 1];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      let left = column;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (left <= node.data.length) {
          const range = document.createRange();
          range.setStart(node, left);
          range.setEnd(node, Math.min(node.data.length, left + 1));
          const box = range.getBoundingClientRect();
          return { x: box.left + 1, y: box.top + box.height / 2 };
        }
        left -= node.data.length;
      }
      throw new Error(`no column ${column} on line ${line}`);
    },
    [line, column],
  );
  await page.mouse.click(at.x, at.y);
}

describe("the editor on demand", () => {
  it("shows highlighted static code, no CodeMirror; a click mounts it with the caret there, keys kept", async () => {
    const ob = await app.open();
    const { page, requests } = ob;
    await openFromDisk(ob, "lazy-editor.md", NOTEBOOK);
    const code = codeOf(page, "numbers");
    await code.waitFor();
    // Static and highlighted: the same text, keywords, strings, numbers and comments in the editor's colours.
    expect(await code.getAttribute("data-role")).toBe("static-code");
    expect(await code.innerText()).toBe("SELECT i AS n, 'x' AS label\nFROM range(5) t(i)\nWHERE i > 0 -- positive");
    expect(await code.locator(".hl-keyword").allTextContents()).toEqual(["SELECT", "AS", "AS", "FROM", "WHERE"]);
    expect(await code.locator(".hl-string").allTextContents()).toEqual(["'x'"]);
    expect(await code.locator(".hl-comment").allTextContents()).toEqual(["-- positive"]);
    expect(await page.locator(".cm-editor").count()).toBe(0);
    expect(editorChunk(requests)).toBe(false);

    // A click before "range" on line 2, then typing at once: the editor mounts there with every key.
    await clickAt(page, "numbers", 2, 5);
    await page.keyboard.type("my_");
    await expect.poll(() => mounted(page, "numbers"), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => codeOf(page, "numbers").locator(".cm-line").nth(1).textContent())
      .toBe("FROM my_range(5) t(i)");
    expect(editorChunk(requests)).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-cell="numbers"] .cm-editor'))).toBe(true);
    // Only the focused cell has an editor; the others stay static.
    expect(await mounted(page, "later")).toBe(0);
    expect(await codeOf(page, "later").getAttribute("data-role")).toBe("static-code");
  });

  it("keeps keys typed while CodeMirror is on its way, at the caret; the edit reaches the session", async () => {
    const ob = await app.open();
    const { page, context } = ob;
    // CodeMirror's chunk is held back until the keys are typed: they land in the static code first.
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await context.route(/\/assets\/code-view-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await openFromDisk(ob, "lazy-editor.md", NOTEBOOK);
    await clickAt(page, "later", 1, 7);
    await page.keyboard.type("2 AS two, ");
    expect(await mounted(page, "later")).toBe(0);
    release();
    await expect.poll(() => mounted(page, "later"), { timeout: 30_000 }).toBe(1);
    expect(await codeOf(page, "later").textContent()).toBe("SELECT 2 AS two, 1 AS one");
    // The editor has the caret after the typed text: the next key goes on from there.
    await page.keyboard.type("3 AS three, ");
    expect(await codeOf(page, "later").textContent()).toBe("SELECT 2 AS two, 3 AS three, 1 AS one");
    // The session heard the edit: the run gives the edited query's columns.
    await page.keyboard.press("Escape");
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="later"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const header = page.locator('[data-cell="later"] [data-role="result-table"]');
    expect(await header.textContent()).toContain("three");
  });

  it("completes cell names in a mounted SQL editor, runs a ts cell, and opens the gallery", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "lazy-editor.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    const value = page.locator('[data-cell="doubled"] [data-role="value"]');
    await expect.poll(() => value.textContent(), { timeout: ENGINE_TIMEOUT }).toBe("42");
    expect(await mounted(page, "doubled")).toBe(0);

    await codeOf(page, "later").click();
    // Completion follows typing in CodeMirror itself: the keys wait for it to be there.
    await expect.poll(() => mounted(page, "later"), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" FROM numb");
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: /^numbers/ }).first();
    await option.waitFor({ timeout: 30_000 });
    // The pause in typing re-runs the cell, which fails ("numb" is no table) and so changes the columns completion
    // knows: the open list must still work (it went dead when the change swapped the completion sources).
    await page.locator('[data-cell="later"][data-state="error"]').waitFor({ timeout: 30_000 });
    // Accepted with the mouse: CodeMirror ignores Enter on a list shown less than its interaction delay (75 ms)
    // ago, so on a loaded machine an Enter could become a new line.
    await option.click();
    await expect
      .poll(() => codeOf(page, "later").textContent(), { timeout: 15_000 })
      .toBe("SELECT 1 AS one FROM numbers");
    expect(await codeOf(page, "later").locator(".cm-line").count()).toBe(1);

    await page.keyboard.press("Escape");
    await page.locator('[data-action="open-gallery"]').click();
    await page.locator("[data-recipe=rfm]").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-recipe]").count()).toBeGreaterThan(5);
  });
});
