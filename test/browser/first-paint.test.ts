// The first paint of a linked notebook (issue 15: readable at once): its cells are drawn with no load progress bar
// ahead of them (a quick download shows none: the bar waits 0.3 s, and its number format's set-up with it).
import { describe, expect, it } from "vitest";
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
  it("draws its cells with no progress bar above them", async () => {
    const { page, context } = await app.open();
    await context.addInitScript(RECORD);
    await page.goto(`${app.origin()}/?notebook=notebooks/customer-review.md`);
    await page.locator('.notebook [data-cell="monthly_revenue"]').waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { __cells: { cells: number; progress: boolean }[] }).__cells,
    );
    expect(seen.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen[0].progress, JSON.stringify(seen)).toBe(false);
  });
});
