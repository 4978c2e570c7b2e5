// The shipped example notebook opened by link: it runs on open, draws its tables and charts,
// saves back byte for byte; the same notebook altered runs only on the user's word.
import { describe, expect, it } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ENGINE_TIMEOUT, dist, useApp } from "./app-fixture";

const app = useApp();

describe("the example notebook (?notebook=notebooks/customer-review.md)", () => {
  it("runs every cell, shows result tables with their row counts and draws charts", async () => {
    const { page } = await app.open("?notebook=notebooks/customer-review.md");
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
    await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect
      .poll(
        async () =>
          (await computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every(
            (s) => s === "done",
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(
      await page.locator('[data-cell="revenue_deciles"] [data-role="result-table"]').getAttribute("data-rows"),
    ).toBe("10");
    expect(await page.locator('[data-cell="top_customers"] [data-role="result-table"]').getAttribute("data-rows")).toBe(
      "20",
    );
    expect(await page.locator('[data-table="customers"]').getAttribute("data-rows")).toMatch(/^[1-9]\d*$/);
    const chart = page.frameLocator('[data-cell="revenue_trend"] iframe[data-role="chart"]');
    await chart.locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await chart.locator("svg .mark-rect path").count()).toBeGreaterThan(10);
    // Every frame on the page is a chart sandbox with scripts and nothing else.
    expect(
      new Set(await page.locator("iframe").evaluateAll((els) => els.map((e) => e.getAttribute("sandbox")))),
    ).toEqual(new Set(["allow-scripts"]));
    const frameHeight = await page
      .locator('[data-cell="revenue_trend"] iframe[data-role="chart"]')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(frameHeight).toBeGreaterThan(200);
    await page.screenshot({ path: "/tmp/clientbook-example.png", fullPage: false });
    await page.locator('[data-cell="top_customers"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-example-2.png" });
    await page
      .frameLocator('[data-cell="industry_region_chart"] iframe[data-role="chart"]')
      .locator("svg")
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-cell="industry_region_chart"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-example-chart.png" });

    // Saving gives back the notebook file byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="save-notebook"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("customer-review.md");
    expect(await readFile(await download.path(), "utf8")).toBe(
      await readFile(resolve(__dirname, "../../notebooks/customer-review.md"), "utf8"),
    );
  });

  it("a fetched notebook that is not a shipped one loads its data but runs only on trust", async () => {
    const shipped = await readFile(resolve(dist, "notebooks/customer-review.md"), "utf8");
    const foreign = resolve(dist, "notebooks/_test-foreign.md");
    await writeFile(foreign, shipped.replace("Customer review, H1 2025", "Customer review (edited)"));
    try {
      const { page } = await app.open("?notebook=notebooks/_test-foreign.md");
      await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
      await page.locator('[data-table="customers"]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      expect(await page.locator('[data-cell="monthly_revenue"]').getAttribute("data-state")).toBe("idle");
      await page.locator('[data-action="trust"]').click();
      await page.locator('[data-cell="monthly_revenue"][data-state="done"]').waitFor({ timeout: 30_000 });
      expect(
        await page.locator('[data-cell="monthly_revenue"] [data-role="result-table"]').getAttribute("data-rows"),
      ).toBe("30");
    } finally {
      await rm(foreign, { force: true });
    }
  });
});

describe("links", () => {
  it("refuse a notebook on another site", async () => {
    const { page } = await app.open("?notebook=" + encodeURIComponent("https://evil.example.com/x.md"));
    const message = page.locator('[data-role="notebook-error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("evil.example.com");
    expect(await page.locator('[data-role="welcome"]').count()).toBe(1);
  });
});
