// The first paint of a linked notebook (issue 15: readable at once): its first screen of cells is drawn
// before the rest are built, with no load progress bar ahead of them (a quick download shows none).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/notebook/parse";
import { FIRST_SCREEN_CELLS } from "../../src/ui/first-screen.svelte";
import { useApp } from "./app-fixture";

const app = useApp();

// In the page from its first script on: at each DOM change, how many cells there are and whether a load's
// progress bar is shown, until the cells stop growing.
const RECORD = `window.__cells = [];
new MutationObserver(() => {
  const cells = document.querySelectorAll(".notebook [data-cell]").length;
  if (!cells || window.__cells.at(-1)?.cells === cells) return;
  window.__cells.push({ cells, progress: !!document.querySelector('[data-role="load-progress"]') });
}).observe(document, { childList: true, subtree: true });`;

describe("a linked notebook's first paint", () => {
  it("draws its first screen of cells first, then the rest, with no progress bar above them", async () => {
    const { page, context } = await app.open();
    await context.addInitScript(RECORD);
    await page.goto(`${app.origin()}/?notebook=notebooks/customer-review.md`);
    const total = parseNotebook(readFileSync(resolve(__dirname, "../../notebooks/customer-review.md"), "utf8")).cells
      .length;
    expect(total).toBeGreaterThan(FIRST_SCREEN_CELLS);
    await expect.poll(() => page.locator(".notebook [data-cell]").count(), { timeout: 30_000 }).toBe(total);
    const seen = await page.evaluate(
      () => (window as unknown as { __cells: { cells: number; progress: boolean }[] }).__cells,
    );
    expect(seen[0].cells, JSON.stringify(seen)).toBeLessThanOrEqual(FIRST_SCREEN_CELLS);
    expect(seen[0].progress, JSON.stringify(seen)).toBe(false);
    expect(seen.at(-1)!.cells).toBe(total);
  });
});
