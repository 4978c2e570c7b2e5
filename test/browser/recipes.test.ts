// Role mapping and the recipe gallery in the built app: roles guessed per table (English, Chinese and
// German headers), saved into the front matter; RFM and ABC inserted from the gallery, run to tables and
// charts; a missing role named with a way to fix it; roles and recipe info strings in the saved notebook;
// ABC on a SQL cell's result (listed as a cell result, run first, roles guessed from its columns).
import { describe, expect, it } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, dist, openFromDisk, useApp } from "./app-fixture";

const app = useApp();

/** The column each role select of a table's mapping shows (unfolding the mapping: a confident guess is folded). */
async function mappedColumns(page: Page, table: string): Promise<Record<string, string>> {
  const toggle = page.locator(`[data-role-mapping="${table}"] [data-action="toggle-roles"]`);
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  return page
    .locator(`[data-role-mapping="${table}"] select[data-role-select]`)
    .evaluateAll((els) =>
      Object.fromEntries(
        els
          .map((el) => [el.getAttribute("data-role-select")!, (el as HTMLSelectElement).value])
          .filter(([, v]) => v !== ""),
      ),
    );
}

/** Waits until a cell has run to done; a cell that fails fails the test with the cell's error. */
async function waitDone(page: Page, cell: string): Promise<void> {
  const settled = page.locator(`[data-cell="${cell}"][data-state="done"], [data-cell="${cell}"][data-state="error"]`);
  await settled.waitFor({ timeout: 60_000 });
  if ((await settled.getAttribute("data-state")) === "error") {
    throw new Error(
      `cell ${cell} failed: ${await page.locator(`[data-cell="${cell}"] .cell-error`).first().textContent()}`,
    );
  }
}

/** Waits until a chart cell has run and its sandbox drew an svg. */
async function waitChart(page: Page, cell: string): Promise<void> {
  await waitDone(page, cell);
  await page
    .frameLocator(`[data-cell="${cell}"] iframe[data-role="chart"]`)
    .locator("svg")
    .first()
    .waitFor({ timeout: 30_000 });
}

async function openExample(page: Page): Promise<void> {
  await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
  await page.locator('[data-role-mapping="orders"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-role-mapping="customers"]').waitFor({ timeout: 30_000 });
  // The shipped notebook runs on open; let it finish so the recipe runs are the only work afterwards.
  const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
  await expect
    .poll(
      async () =>
        (await computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every((s) => s === "done"),
      { timeout: 60_000 },
    )
    .toBe(true);
}

describe("role mapping and the recipe gallery", () => {
  it("guesses and saves roles, inserts RFM and ABC that run to tables and charts, and saves them in the notebook", async () => {
    const ob = await app.open("?notebook=notebooks/customer-review.md");
    const { page } = ob;
    await openExample(page);

    // Roles are guessed from the headers and types, with the kind of table, for confirmation.
    const orders = page.locator('[data-role-mapping="orders"]');
    expect(await orders.getAttribute("data-kind")).toBe("transactions");
    expect(await orders.getAttribute("data-status")).toBe("guessed");
    expect(await page.locator('[data-role-mapping="customers"]').getAttribute("data-kind")).toBe("customers");
    expect(await mappedColumns(page, "orders")).toMatchObject({
      customer_id: "customer_id",
      date: "order_date",
      amount: "amount",
      margin: "margin",
    });
    expect(await mappedColumns(page, "customers")).toMatchObject({
      customer_id: "customer_id",
      industry: "industry",
      region: "region",
    });
    await orders.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-gallery-roles.png" });

    // Editing a role makes the mapping "edited"; saving stores it in the front matter.
    await orders.locator('select[data-role-select="channel"]').selectOption("");
    expect(await orders.getAttribute("data-status")).toBe("edited");
    await orders.locator('select[data-role-select="channel"]').selectOption("channel");
    await orders.locator('[data-action="save-roles"]').click();
    await expect.poll(() => orders.getAttribute("data-status")).toBe("saved");

    // The cell the user worked in last is where recipe cells go.
    await page.locator('[data-cell="monthly_revenue"] .cell-head .kind').click();

    // The gallery lists the catalogue by family, each recipe with its question.
    await page.locator('[data-action="open-gallery"]').click();
    const gallery = page.locator('dialog[data-role="gallery"]');
    await gallery.waitFor({ state: "visible" });
    expect(await gallery.locator("[data-recipe]").count()).toBeGreaterThanOrEqual(12);
    expect(await gallery.locator('[data-recipe="rfm"]').textContent()).toContain("Who bought recently");
    await page.screenshot({ path: "/tmp/clientbook-gallery.png" });

    // RFM: the orders table fills its slot by kind; defaults in the form; insert and run.
    await gallery.locator('[data-recipe="rfm"]').click();
    expect(await gallery.locator('select[data-slot="transactions"]').inputValue()).toBe("orders");
    expect(await gallery.locator('select[data-param="scoring"]').inputValue()).toBe("quintile");
    expect(await gallery.locator('[data-role="recipe-cells"]').textContent()).toContain("rfm_segments");
    await page.screenshot({ path: "/tmp/clientbook-gallery-rfm.png" });
    await gallery.locator('[data-action="insert-recipe"]').click();
    await gallery.waitFor({ state: "hidden" });
    await waitDone(page, "rfm");
    await waitDone(page, "rfm_segments");
    expect(
      Number(await page.locator('[data-cell="rfm_segments"] [data-role="result-table"]').getAttribute("data-rows")),
    ).toBeGreaterThan(3);
    await waitChart(page, "rfm_chart");
    await waitChart(page, "rfm_heatmap");
    // Inserted right after the cell worked in.
    const order = await page
      .locator(".notebook [data-cell]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(order[order.indexOf("monthly_revenue") + 1]).toBe("rfm");
    await page.locator('[data-cell="rfm_chart"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-gallery-rfm-result.png" });

    // ABC by margin, with a changed threshold.
    await page.locator('[data-action="open-gallery"]').click();
    await gallery.locator('[data-recipe="abc"]').click();
    await gallery.locator('select[data-param="measure"]').selectOption("margin");
    await gallery.locator('input[data-param="a_share"]').fill("abc");
    await expect.poll(() => gallery.locator('[data-role="param-problem"]').count()).toBe(1);
    expect(await gallery.locator('[data-action="insert-recipe"]').isDisabled()).toBe(true);
    await gallery.locator('input[data-param="a_share"]').fill("75");
    await expect.poll(() => gallery.locator('[data-role="recipe-problems"]').count()).toBe(0);
    await gallery.locator('[data-action="insert-recipe"]').click();
    await waitDone(page, "abc");
    await waitDone(page, "abc_classes");
    expect(await page.locator('[data-cell="abc_classes"] [data-role="result-table"]').getAttribute("data-rows")).toBe(
      "3",
    );
    await waitChart(page, "abc_chart");
    await page.locator('[data-cell="abc_chart"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: "/tmp/clientbook-gallery-abc-result.png" });

    // A recipe whose role is not mapped says which, and leads to the mapping.
    // (A saved, complete mapping is folded away: unfold it.)
    expect(await orders.locator('[data-action="toggle-roles"]').getAttribute("aria-expanded")).toBe("false");
    await orders.locator('[data-action="toggle-roles"]').click();
    await orders.locator('select[data-role-select="margin"]').selectOption("");
    await page.locator('[data-action="open-gallery"]').click();
    await gallery.locator('[data-recipe="pyramid"]').click();
    await gallery.locator('select[data-param="measure"]').selectOption("margin");
    const problem = gallery.locator('[data-role="role-problem"]');
    await problem.first().waitFor();
    expect(await problem.first().textContent()).toMatch(/"margin" or "cost" mapped on table "orders"/);
    expect(await gallery.locator('[data-action="insert-recipe"]').isDisabled()).toBe(true);
    await page.screenshot({ path: "/tmp/clientbook-gallery-missing.png" });
    await gallery.locator('[data-action="fix-mapping"][data-table="orders"]').click();
    await gallery.waitFor({ state: "hidden" });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-role-select")))
      .toBe("margin");
    await orders.locator('[data-action="reset-roles"]').click();
    expect((await mappedColumns(page, "orders")).margin).toBe("margin");

    // The saved notebook holds the roles and the recipes' info strings.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="save-notebook"]').click(),
    ]);
    const saved = await readFile(await download.path(), "utf8");
    expect(saved).toMatch(/orders:\n\s+file: orders\.csv\n\s+roles:/);
    expect(saved).toMatch(/customer_id: customer_id/);
    expect(saved).toMatch(/date: order_date/);
    expect(saved).toContain(
      "```sql rfm recipe=rfm transactions=orders analysis_date=auto scoring=quintile monetary=total segments=standard",
    );
    expect(saved).toContain(
      "```sql abc recipe=abc transactions=orders analysis_date=auto measure=margin a_share=75 b_share=95 months=0",
    );
    expect(saved).toContain("```chart rfm_chart data=");
    // ABC used the orders mapping as shown, so the customers table's roles were not needed and not saved.
    expect(saved).not.toMatch(/customers:\n\s+file: customers\.csv\n\s+roles:/);

    // Opening that notebook shows its saved roles.
    await openFromDisk(ob, "customer-review.md", saved);
    await expect.poll(() => orders.getAttribute("data-status")).toBe("saved");
    expect(await mappedColumns(page, "orders")).toMatchObject({
      customer_id: "customer_id",
      date: "order_date",
      amount: "amount",
      margin: "margin",
    });
  });

  it("guesses roles from Chinese and German headers, and a recipe with a missing table says what to load", async () => {
    const { page } = await app.open();
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const chinese = "客户编号,日期,金额,毛利\nC1,2024-01-05,100.5,20\nC2,2024-02-01,80,10\n";
    const german =
      "Kunden-Nr;Rechnungsdatum;Umsatz;Marge;Branche\nK1;2024-01-05;100,5;20;Handel\nK2;2024-02-01;80;10;Bau\n";
    await page.locator('input[data-action="load-files"]').setInputFiles([
      { name: "umsatz_cn.csv", mimeType: "text/csv", buffer: Buffer.from(chinese) },
      { name: "umsatz_de.csv", mimeType: "text/csv", buffer: Buffer.from(german) },
    ]);
    await page.locator('[data-role-mapping="umsatz_cn"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-role-mapping="umsatz_de"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-role-mapping="umsatz_cn"]').getAttribute("data-kind")).toBe("transactions");
    expect(await mappedColumns(page, "umsatz_cn")).toMatchObject({
      customer_id: "客户编号",
      date: "日期",
      amount: "金额",
      margin: "毛利",
    });
    expect(await mappedColumns(page, "umsatz_de")).toMatchObject({
      customer_id: "Kunden-Nr",
      date: "Rechnungsdatum",
      amount: "Umsatz",
      margin: "Marge",
    });
    await page.locator('[data-role-mapping="umsatz_de"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-gallery-roles-intl.png" });

    // Attribute segments needs a customers table: none is loaded, so it says so and cannot be inserted.
    await page.locator('[data-action="open-gallery"]').click();
    const gallery = page.locator('dialog[data-role="gallery"]');
    await gallery.locator('[data-recipe="attribute-segments"]').click();
    expect(await gallery.locator('select[data-slot="customers"]').inputValue()).toBe("");
    expect(await gallery.locator('[data-role="role-problem"]').first().textContent()).toContain(
      "needs a customers table",
    );
    expect(await gallery.locator('[data-action="insert-recipe"]').isDisabled()).toBe(true);

    // RFM on the Chinese table runs (the notebook is new, so inserting is the user's word to run it).
    await gallery.locator('[data-recipe="rfm"]').click();
    expect(await gallery.locator('select[data-slot="transactions"]').inputValue()).toBe("umsatz_cn");
    await gallery.locator('[data-action="insert-recipe"]').click();
    await waitDone(page, "rfm");
    expect(await page.locator('[data-cell="rfm"] [data-role="result-table"]').getAttribute("data-rows")).toBe("2");
    expect(await page.locator('[data-role-mapping="umsatz_cn"]').getAttribute("data-status")).toBe("saved");
  });

  it("reads a SQL cell's result: the gallery lists it, asks to run it first, maps its columns and inserts ABC", async () => {
    const text = [
      "---",
      "notebook: 1",
      "data:",
      "  orders: { file: orders.csv }",
      "---",
      "",
      "```sql big_orders",
      "SELECT customer_id, order_date, amount * 2 AS amount FROM orders WHERE amount > 1000",
      "```",
      "",
    ].join("\n");
    const file = resolve(dist, "notebooks/_test-recipes-cell.md");
    await writeFile(file, text);
    try {
      await abcOnCellResult((await app.open("?notebook=notebooks/_test-recipes-cell.md")).page);
    } finally {
      await rm(file, { force: true });
    }
  });

  /** The gallery on a notebook whose only cell, big_orders, has not run: ABC on that cell's result. */
  async function abcOnCellResult(page: Page): Promise<void> {
    await page.locator('[data-role-mapping="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-action="open-gallery"]').click();
    const gallery = page.locator('dialog[data-role="gallery"]');
    await gallery.locator('[data-recipe="abc"]').click();
    const slot = gallery.locator('select[data-slot="transactions"]');
    // Listed beside the tables, as a cell result; not run yet, so it asks for that first.
    expect(await slot.locator('[data-role="cell-results"] option').allTextContents()).toEqual([
      "big_orders · cell result (not run yet)",
    ]);
    await slot.selectOption("big_orders");
    expect(await gallery.locator('[data-role="role-problem"]').allTextContents()).toEqual([
      expect.stringContaining("Run cell “big_orders” first"),
    ]);
    expect(await gallery.locator('[data-action="insert-recipe"]').isDisabled()).toBe(true);
    await gallery.locator('[data-action="run-source-cell"]').click();
    // Run: its columns are known and the roles guessed from them, edited in the gallery.
    await expect.poll(() => gallery.locator('[data-role="recipe-problems"]').count(), { timeout: 60_000 }).toBe(0);
    expect(await slot.locator("option:checked").textContent()).toContain("big_orders · cell result · Transactions");
    const mapping = gallery.locator('[data-role-mapping="big_orders"]');
    expect(await mapping.getAttribute("data-kind")).toBe("transactions");
    expect(await gallery.locator('[data-slot-role="amount"] code').textContent()).toBe("amount");
    await page.screenshot({ path: "/tmp/clientbook-gallery-cell-result.png" });
    await gallery.locator('[data-action="insert-recipe"]').click();
    await gallery.waitFor({ state: "hidden" });
    await waitDone(page, "abc");
    await waitDone(page, "abc_classes");
    expect(
      Number(await page.locator('[data-cell="abc"] [data-role="result-table"]').getAttribute("data-rows")),
    ).toBeGreaterThan(10);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="save-notebook"]').click(),
    ]);
    const saved = await readFile(await download.path(), "utf8");
    expect(saved).toMatch(/\n {2}big_orders:\n {4}roles:\n/);
    expect(saved).toContain("```sql abc recipe=abc transactions=big_orders ");
    expect(saved).toContain('FROM "big_orders"');
  }

  it("inserts into a notebook from elsewhere without running it, until the user runs the notebook", async () => {
    const shipped = await readFile(resolve(dist, "notebooks/customer-review.md"), "utf8");
    const foreign = resolve(dist, "notebooks/_test-recipes-foreign.md");
    await writeFile(foreign, shipped.replace("Customer review, H1 2025", "Customer review (a colleague's copy)"));
    try {
      const { page } = await app.open("?notebook=notebooks/_test-recipes-foreign.md");
      await page.locator('[data-role-mapping="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
      await page.locator('[data-action="open-gallery"]').click();
      const gallery = page.locator('dialog[data-role="gallery"]');
      await gallery.locator('[data-recipe="retention"]').click();
      expect(await gallery.locator('[data-role="runs-later"]').count()).toBe(1);
      expect((await gallery.locator('[data-action="insert-recipe"]').textContent())?.trim()).toBe("Insert");
      await gallery.locator('[data-action="insert-recipe"]').click();
      await page.locator('[data-cell="retention"]').waitFor();
      await page.waitForTimeout(1000);
      expect(await page.locator('[data-cell="retention"]').getAttribute("data-state")).toBe("idle");
      await page.locator('[data-action="trust"]').click();
      await waitChart(page, "retention_heatmap");
      expect(
        Number(
          await page.locator('[data-cell="retention_cohorts"] [data-role="result-table"]').getAttribute("data-rows"),
        ),
      ).toBeGreaterThan(10);
    } finally {
      await rm(foreign, { force: true });
    }
  });
});
