// The data panel: tables in the order they were loaded, a confident role guess folded and an unused table not
// flagged, removing a table (the cells that read it are marked, the table is gone), collapsing the panel; and the
// role mapping's hints: weak guesses as questions, a derived amount, date forms, the order of slash dates.
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

    // zeta's columns are a sure match for a transactions table: folded. alpha's fit no kind, so no analysis
    // uses it: folded too, marked as unused rather than as missing roles.
    expect(await page.locator('[data-role-mapping="zeta"]').getAttribute("data-status")).toBe("guessed");
    expect(await expanded(page, "zeta")).toBe("false");
    expect(await expanded(page, "alpha")).toBe("false");
    expect(await page.locator('[data-role-mapping="alpha"] [data-role="mapping-unused"]').count()).toBe(1);
    expect(await page.locator('[data-role-mapping="alpha"] .badge.bad').count()).toBe(0);

    // Removing alpha: its card goes, the cell reading it says so, the other cell does not.
    await page.locator('[data-table="alpha"] [data-action="remove-table"]').click();
    await page.locator('[data-table="alpha"]').waitFor({ state: "detached" });
    expect(await cards(page)).toEqual(["zeta"]);
    expect(await page.locator('[data-cell="reader"] [data-role="reads-removed"]').textContent()).toContain("alpha");
    expect(await page.locator('[data-cell="other"] [data-role="reads-removed"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-data-removed.png" });
    // The table is really gone from the database: the reader fails, naming it.
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

  it("asks about weak guesses, derives amount, warns of a unit price, shows date forms and the d/m order", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "roles.md", NOTEBOOK);
    const lines =
      "InvoiceNo,Quantity,InvoiceDate,UnitPrice,emp_id\n536365,6,2024-01-05,2.55,17850\nC536379,-1,2024-01-06,2.55,17850\n";
    await load(page, "lines.csv", lines + "536370,24,2024-01-08,0.85,12583\n");
    const box = page.locator('[data-role-mapping="lines"]');
    // emp_id as the customer is a guess: open, asked, not stated.
    expect(await expanded(page, "lines")).toBe("true");
    const asked = await box
      .locator('select[data-question="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-role-select")));
    expect(asked).toEqual(["customer_id"]);
    expect(await box.locator('[data-role="role-question"]').count()).toBe(1);
    expect(await box.locator(".badge").textContent()).toContain("1 role to confirm");
    // No amount column: amount = Quantity × UnitPrice, and no red missing role.
    expect(await box.locator('[data-role="derived-amount"]').textContent()).toBe('amount = "Quantity" × "UnitPrice"');
    expect(await box.locator('[data-role="mapping-problem"]').count()).toBe(0);

    // Amount mapped to the unit price: warned, and one click puts it back as quantity × unit price.
    await box.locator('select[data-role-select="unit_price"]').selectOption("");
    await box.locator('select[data-role-select="amount"]').selectOption("UnitPrice");
    await box.locator('[data-role="amount-looks-like-price"]').waitFor({ timeout: 30_000 });
    await box.locator('[data-action="use-unit-price"]').click();
    await box.locator('[data-role="amount-looks-like-price"]').waitFor({ state: "detached" });
    expect(await box.locator('[data-role="derived-amount"]').count()).toBe(1);

    // The cancellation rule is set in words the user reads, and saved with the roles.
    await box.locator('[data-action="cancel-prefix"]').fill("C");
    await box.locator('[data-action="cancel-prefix"]').dispatchEvent("change");
    expect(await box.locator('[data-role="return-rule"]').textContent()).toContain('"InvoiceNo" starts with "C"');
    await box.locator('[data-action="save-roles"]').click();
    expect(await box.getAttribute("data-status")).toBe("saved");

    // Slash dates that read both ways (and some that are no dates): shown, counted, and the order is picked.
    const slashes = "customer,date,amount\nc1,03/04/2024,10\nc2,05/04/2024,20\nc1,01/02/2024,5\nc2,n/a,7\n";
    await load(page, "slashes.csv", slashes);
    const sbox = page.locator('[data-role-mapping="slashes"]');
    await sbox.locator('[data-role="date-order-note"]').waitFor({ timeout: 30_000 });
    expect(await expanded(page, "slashes")).toBe("true");
    expect(await sbox.locator('[data-role="date-format"]').textContent()).toContain("DD/MM/YYYY or MM/DD/YYYY");
    expect(await sbox.locator('[data-role="date-order-note"]').textContent()).toContain("03/04/2024");
    expect(await sbox.locator('[data-role="date-unreadable"]').textContent()).toMatch(/25 %.*n\/a/);
    await sbox.locator('[data-action="date-order"]').selectOption("dmy");
    await sbox.locator('[data-action="save-roles"]').click();
    expect(await sbox.getAttribute("data-status")).toBe("saved");
    // Saved, it folds; opened again it shows the order kept in the notebook.
    await sbox.locator('[data-action="toggle-roles"]').click();
    expect(await sbox.locator('[data-action="date-order"]').inputValue()).toBe("dmy");
    await page.screenshot({ path: "/tmp/clientbook-roles-hints.png" });
  });
});
