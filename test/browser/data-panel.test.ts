// The data panel: tables in the order they were loaded, a confident role guess folded and an unsure one
// open, removing a table (the cells that read it are marked, the table is gone), and collapsing the panel.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();
const fence = "```";
const NOTEBOOK = `---
notebook: 1
title: Data panel
---

${fence}sql reader
SELECT count(*) AS n FROM alpha
${fence}

${fence}sql other
SELECT 1 AS v
${fence}
`;

async function load(page: Page, name: string, csv: string): Promise<void> {
  const file = { name, mimeType: "text/csv", buffer: Buffer.from(csv) };
  await page.locator('input[data-action="load-files"]').setInputFiles(file);
  await page.locator(`[data-table="${name.replace(/\.csv$/, "")}"]`).waitFor({ timeout: 30_000 });
}

const cards = (page: Page) =>
  page.locator("[data-table]").evaluateAll((els) => els.map((e) => e.getAttribute("data-table")));
const expanded = (page: Page, table: string) =>
  page.locator(`[data-role-mapping="${table}"] [data-action="toggle-roles"]`).getAttribute("aria-expanded");

describe("the data panel", () => {
  it("orders tables as loaded, folds sure role guesses, removes a table marking its readers, collapses", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "panel.md", NOTEBOOK);
    await page.locator('[data-cell="reader"]').waitFor();

    // zeta first, then alpha: shown in that order (not alphabetically).
    await load(page, "zeta.csv", "customer_id,order_date,amount\nC1,2024-01-05,10.5\nC2,2024-02-01,8\n");
    await load(page, "alpha.csv", "a,b\nx,1\ny,2\n");
    expect(await cards(page)).toEqual(["zeta", "alpha"]);

    // zeta's columns are a sure match for a transactions table: folded. alpha's are a guess: open.
    expect(await page.locator('[data-role-mapping="zeta"]').getAttribute("data-status")).toBe("guessed");
    expect(await expanded(page, "zeta")).toBe("false");
    expect(await expanded(page, "alpha")).toBe("true");

    // Removing alpha: its card goes, the cell reading it says so, the other cell does not.
    await page.locator('[data-table="alpha"] [data-action="remove-table"]').click();
    await page.locator('[data-table="alpha"]').waitFor({ state: "detached" });
    expect(await cards(page)).toEqual(["zeta"]);
    expect(await page.locator('[data-cell="reader"] [data-role="reads-removed"]').textContent()).toContain("alpha");
    expect(await page.locator('[data-cell="other"] [data-role="reads-removed"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-data-removed.png" });
    // The table is really gone from the database: the reader fails with DuckDB's message.
    await page.locator('[data-cell="reader"] [data-action="run-cell"]').click();
    await page.locator('[data-cell="reader"][data-state="error"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-cell="reader"] [data-role="cell-error"]').textContent()).toMatch(/alpha/);

    // Loading it again brings it back (last in the order) and clears the mark.
    await load(page, "alpha.csv", "a,b\nx,1\ny,2\n");
    expect(await cards(page)).toEqual(["zeta", "alpha"]);
    expect(await page.locator('[data-cell="reader"] [data-role="reads-removed"]').count()).toBe(0);

    // The panel collapses to a strip and opens again.
    const toggle = page.locator('[data-action="toggle-data-panel"]');
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator('[data-table="zeta"]').isVisible()).toBe(false);
    const width = await page.locator('[data-role="data-panel"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThan(80);
    await page.screenshot({ path: "/tmp/clientbook-data-collapsed.png" });
    await toggle.click();
    expect(await page.locator('[data-table="zeta"]').isVisible()).toBe(true);
  });
});
