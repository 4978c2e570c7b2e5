// The memory budget in the browser: the data panel's memory line shows DuckDB's memory in use against the
// limit and moves after a load; a file too big for the budget (a small one, set with ?memory-limit=) is
// refused before it is read, with a message saying what to do, and the tables and cells go on working.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();
const fence = "```";
const LIMIT = 8_000_000;
const NOTEBOOK = `---
notebook: 1
title: Budget
---

${fence}sql total
SELECT count(*) AS n, sum(amount) AS total FROM small
${fence}
`;

const csv = (rows: number, pad = "") =>
  "id,name,amount\n" + Array.from({ length: rows }, (_, i) => `${i},customer ${i}${pad},${i % 100}`).join("\n") + "\n";

async function pick(page: Page, name: string, text: string): Promise<void> {
  const file = { name, mimeType: "text/csv", buffer: Buffer.from(text) };
  await page.locator('input[data-action="load-files"]').setInputFiles(file);
}

const memoryLine = (page: Page) => page.locator('[data-role="memory-use"]');
const used = async (page: Page) => Number(await memoryLine(page).getAttribute("data-used"));

describe("the memory budget", () => {
  it("shows memory in use, refuses a file that will not fit before reading it, and keeps working", async () => {
    const ob = await app.open(`?memory-limit=${LIMIT}`);
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "budget.md", NOTEBOOK);

    // The line is there once the engine is, with the lowered limit.
    await memoryLine(page).waitFor({ timeout: 30_000 });
    expect(Number(await memoryLine(page).getAttribute("data-limit"))).toBe(LIMIT);
    expect(await memoryLine(page).textContent()).toMatch(/Memory for tables: .+ in use of 7\.6 MB/);
    const before = await used(page);

    // A small file fits; the line then shows more memory in use.
    await pick(page, "small.csv", csv(20_000));
    await page.locator('[data-table="small"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => used(page), { timeout: 30_000 }).toBeGreaterThan(before);
    const afterSmall = await used(page);
    expect(afterSmall).toBeLessThan(LIMIT);

    // A 5 MB file would need more than what is left: refused with the numbers and what to do.
    const big = csv(120_000, " with a longer name");
    expect(big.length).toBeGreaterThan(LIMIT / 2);
    await pick(page, "big.csv", big);
    const error = page.locator('[data-role="load-error"]');
    await error.waitFor({ timeout: 60_000 });
    const message = (await error.textContent()) ?? "";
    expect(message).toMatch(/big\.csv \(\d.* MB\) was not loaded: it would need about \d.* MB of memory/);
    expect(message).toMatch(/Nothing was read.*remove tables.*fewer columns or rows.*npm run notebook -- run/);
    await page.screenshot({ path: "/tmp/clientbook-memory-refused.png" });
    expect(await page.locator('[data-table="big"]').count()).toBe(0);
    expect(await page.locator('[data-role="load-progress"]').count()).toBe(0);
    expect(await used(page)).toBe(afterSmall);

    // The tab goes on working: the loaded table is queried, and another small file loads.
    await page.locator('[data-cell="total"] [data-action="run-cell"]').click();
    await page.locator('[data-cell="total"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-cell="total"]').textContent()).toMatch(/20,000/);
    await pick(page, "more.csv", csv(100));
    await page.locator('[data-table="more"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-table="small"]').getAttribute("data-rows")).toBe("20000");
  });
});
