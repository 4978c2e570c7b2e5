// The shipped example notebook opened by link: it runs on open, draws its tables and charts,
// saves back byte for byte; the same notebook altered runs only on the user's word.
import { describe, expect, it } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ENGINE_TIMEOUT, dist, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();

describe("the example notebook (?notebook=notebooks/customer-review.md)", () => {
  it("runs every cell, shows result tables with their row counts and draws charts", async () => {
    const { page, requests } = await app.open("?notebook=notebooks/customer-review.md");
    // What the page is doing when the engine's idle-time warm-up starts (src/ui/engine-warm-up.ts).
    await page.evaluate(() => {
      const w = window as unknown as { __warmUp?: { charts: number; drawn: number; busy: number } };
      new MutationObserver(() => {
        if (document.body.dataset.engineWarmUp !== "running" || w.__warmUp) return;
        const cells = [...document.querySelectorAll<HTMLElement>("[data-cell][data-state]")];
        w.__warmUp = {
          charts: document.querySelectorAll('[data-cell][data-kind="chart"]').length,
          drawn: document.querySelectorAll('figure[data-drawn="fresh"]').length,
          busy: cells.filter((el) => el.dataset.state === "running").length,
        };
      }).observe(document.body, { attributes: true, attributeFilter: ["data-engine-warm-up"] });
    });
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
    // With a chart drawn and no click yet, CodeMirror and the gallery's parts arrive in idle time (idle-preload.ts).
    const missing = () =>
      ["code-view", "RecipeGallery", "registry", "recipe-form"].filter(
        (chunk) => !requests.some((url) => new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`).test(url)),
      );
    await expect.poll(missing, { timeout: 30_000 }).toEqual([]);
    // The data panel's role mappings are not on the way to the first chart either: fetched after it, then shown.
    await page.locator('[data-role-mapping="customers"]').waitFor({ timeout: 30_000 });
    const [drawnAt, rolesAt] = await page.evaluate(() => [
      performance.getEntriesByName("clientbook:start:chart-drawn")[0]?.startTime,
      performance.getEntriesByType("resource").find((e) => /\/assets\/RoleMapping-[\w-]+\.js$/.test(e.name))?.startTime,
    ]);
    expect(drawnAt).toBeGreaterThan(0);
    expect(rolesAt).toBeGreaterThan(drawnAt!);
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

    // The engine warmed up once, after the start-up run and its charts: never beside the first chart.
    await page.waitForSelector("body[data-engine-warm-up=done]", { timeout: 60_000 });
    const [warmUp, firstChartAt, warmUpAt] = await page.evaluate(() => [
      (window as unknown as { __warmUp?: { charts: number; drawn: number; busy: number } }).__warmUp,
      performance.getEntriesByName("clientbook:start:fresh-chart-drawn")[0]?.startTime,
      performance.getEntriesByName("clientbook:start:warm-up")[0]?.startTime,
    ]);
    expect(warmUpAt).toBeGreaterThan(firstChartAt!);
    expect(warmUp).toMatchObject({ busy: 0 });
    expect(warmUp!.drawn).toBeGreaterThan(0);
    // No table left behind: the data panel lists the notebook's own tables only.
    expect(
      await page
        .locator("[data-table]")
        .evaluateAll((els) => els.some((e) => /warm/i.test(e.getAttribute("data-table") ?? ""))),
    ).toBe(false);
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

describe("the Chinese example notebook (?notebook=notebooks/customer-analysis.zh-CN.md) in a zh-CN browser", () => {
  it("is listed on the welcome screen, loads the GBK export, runs every cell and completes Chinese names", async () => {
    const ob = await app.open("", "zh-CN");
    const { page } = ob;
    const link = page.locator('[data-role="welcome"] a[href="?notebook=notebooks/customer-analysis.zh-CN.md"]');
    expect(await link.textContent()).toContain("客户分类、客户价值与大客户风险");
    await link.click();
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await page.locator('[data-table="订单明细"][data-rows="4328"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
    await expect.poll(() => computing.count(), { timeout: 30_000 }).toBe(17);
    await expect
      .poll(
        async () =>
          (await computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every(
            (s) => s === "done",
          ),
        { timeout: 90_000 },
      )
      .toBe(true);
    const rows = (cell: string) =>
      page.locator(`[data-cell="${cell}"] [data-role="result-table"]`).getAttribute("data-rows");
    expect(await rows("rfm_segments")).toBe("8");
    expect(await rows("pyramid")).toBe("4");
    expect(await page.locator('[data-cell="rfm_segments"] [data-role="result-table"]').textContent()).toContain(
      "重要价值客户",
    );
    expect(await page.locator('[data-cell="key_account_risk"] [data-role="result-table"]').textContent()).toContain(
      "天津博远连锁超市股份有限公司",
    );
    // The amounts are numbers (DECIMAL), summed by the wasm engine as by the native one in the CLI test.
    const chart = page.frameLocator('[data-cell="rfm_chart"] iframe[data-role="chart"]');
    await chart.locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await chart.locator("svg").first().textContent()).toContain("RFM 八类客户的销售额贡献");
    expect(await chart.locator("svg .mark-rect path").count()).toBe(8);
    await page.screenshot({ path: "/tmp/clientbook-example-zh.png" });

    // The CSV download opens in Excel on a Chinese Windows: UTF-8 with a byte-order mark, then the table as shown.
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-cell="rfm_segments"] [data-action="download-csv"]').click(),
    ]);
    expect(csv.suggestedFilename()).toBe("rfm_segments.csv");
    const bytes = await readFile(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)).trim().split("\r\n");
    expect(lines[0]).toBe("客户类别,客户数,客户占比,销售额,销售额占比");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toContain("重要价值客户");
    expect(lines).toHaveLength(9);

    // The SQL editor offers a Chinese column name as it is typed.
    const editor = codeOf(page, "analysis_date");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("WHERE 客户");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "客户编号" }).waitFor({ timeout: 10_000 });
    expect(ob.offOrigin(app.origin())).toEqual([]);
  }, 240_000);
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
