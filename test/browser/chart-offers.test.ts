// Charts on their face, in Chromium against dist/: a click on a bar is a point selection that re-runs the
// SQL cell reading it with the clicked value; a scatter over the cap offers a raised cap and a heatmap,
// and each offer edits the cell and draws every row; charts are drawn in the UI's language, not the frame's.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();
const fence = "```";

const firstValue = (page: Page, cell: string) =>
  page.locator(`[data-cell="${cell}"] .grid-row .td`).first().textContent();
const chartRows = async (page: Page, cell: string) =>
  Number(await page.locator(`[data-cell="${cell}"] [data-chart-rows]`).getAttribute("data-chart-rows"));

async function openTrusted(ob: { page: Page }, name: string, text: string): Promise<void> {
  await openFromDisk(ob as never, name, text);
  await ob.page.locator('[data-action="trust"]').click();
}

const SEGMENTS = `---
notebook: 1
title: Click a segment
---

${fence}sql orders
SELECT ['Retail', 'Online', 'Partner'][1 + i % 3] AS segment, i AS amount FROM range(3000) t(i)
${fence}

${fence}chart segments data=orders
{ "mark": "bar", "width": 400,
  "params": [{ "name": "pick", "select": { "type": "point", "fields": ["segment"] } }],
  "encoding": { "x": { "field": "segment", "sort": ["Retail", "Online", "Partner"] },
                "y": { "aggregate": "count" } } }
${fence}

${fence}sql chosen
SELECT count(*)::INTEGER AS n, coalesce(string_agg(DISTINCT segment, ','), '-') AS segments FROM orders
WHERE len(\${pick}) = 0 OR list_contains(\${pick}, segment)
${fence}
`;

const SCATTER = `---
notebook: 1
title: Too many points
---

${fence}sql points
SELECT i AS x, (i * 7919) % 1000 AS y FROM range(12000) t(i)
${fence}

${fence}chart cloud data=points
{ "mark": "point", "encoding": { "x": { "field": "x" }, "y": { "field": "y" } } }
${fence}
`;

const MONTHLY = `---
notebook: 1
---

${fence}sql sales
SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS day, 1000 + i % 500 AS amount FROM range(36600) t(i)
${fence}

${fence}chart monthly data=sales
{ "mark": "bar", "encoding": { "x": { "field": "day", "timeUnit": "yearmonth" },
  "y": { "aggregate": "sum", "field": "amount" } } }
${fence}
`;

describe("chart cells on their face", () => {
  it("draw in the UI's language: 2024年1月 and 万 in Chinese, Jan 2024 once switched to English", async () => {
    const ob = await app.open("", "zh-CN");
    const { page } = ob;
    await openTrusted(ob, "monthly.md", MONTHLY);
    const labels = () =>
      page
        .frameLocator('[data-cell="monthly"] iframe[data-role="chart"]')
        .locator("svg text")
        .allTextContents()
        .catch(() => [] as string[]);
    await expect.poll(labels, { timeout: ENGINE_TIMEOUT }).toContain("2024年1月");
    expect(await labels()).toContain("2024年12月");
    expect((await labels()).some((t) => /^\d+(\.\d+)?万$/.test(t))).toBe(true);

    // The frame's own navigator still says zh-CN: the English labels can only come from the shell's locale.
    await page.locator("[data-action=switch-language]").selectOption("en");
    await expect.poll(labels, { timeout: ENGINE_TIMEOUT }).toContain("Jan 2024");
    expect((await labels()).join(" ")).not.toMatch(/年|万/);
  }, 180_000);

  it("a click on a bar re-runs the SQL cell reading the point selection with the clicked segment", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "segments.md", SEGMENTS);
    await page.locator('[data-cell="chosen"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await firstValue(page, "chosen")).toBe("3000");
    const chart = page.frameLocator('[data-cell="segments"] iframe[data-role="chart"]');
    const bars = chart.locator(".mark-rect.role-mark path");
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(3);
    await page.locator('[data-cell="segments"]').scrollIntoViewIfNeeded();
    const labels = await bars.evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label") ?? ""));
    const online = labels.findIndex((label) => label.includes("Online"));
    expect(online).toBeGreaterThanOrEqual(0);

    await bars.nth(online).click();
    await expect.poll(() => firstValue(page, "chosen"), { timeout: 30_000 }).toBe("1000");
    const segments = page.locator('[data-cell="chosen"] .grid-row .td').nth(1);
    expect(await segments.textContent()).toBe("Online");

    // Shift+click adds a second bar to the selection; the reader gets both values.
    const partner = labels.findIndex((label) => label.includes("Partner"));
    await bars.nth(partner).click({ modifiers: ["Shift"] });
    await expect.poll(() => firstValue(page, "chosen"), { timeout: 30_000 }).toBe("2000");
    expect(await segments.textContent()).toBe("Online,Partner");
    expect(await page.locator('[data-cell="chosen"] [data-role="cell-error"]').count()).toBe(0);
  }, 180_000);

  it("a scatter over the cap offers a raised cap: taking it writes cap= and draws every point", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "scatter.md", SCATTER);
    const figure = page.locator('[data-cell="cloud"] [data-chart-rows]');
    await figure.waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await chartRows(page, "cloud")).toBe(5000);
    const offers = page.locator('[data-cell="cloud"] [data-role="chart-offers"]');
    await expect.poll(() => offers.locator("button").count()).toBe(2);
    const raise = offers.locator('[data-action="raise-cap"]');
    expect(await raise.textContent()).toContain("12,000");
    // Drawn first: a click lands where the user sees the button (the frame's height is set by the chart).
    await page.locator('[data-cell="cloud"] [data-drawn="fresh"]').waitFor({ timeout: 60_000 });

    await raise.click();
    await expect.poll(() => chartRows(page, "cloud"), { timeout: 60_000 }).toBe(12_000);
    await page.locator('[data-cell="cloud"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-cell="cloud"] .note').count()).toBe(0);
    expect(await offers.count()).toBe(0);
    const chart = page.frameLocator('[data-cell="cloud"] iframe[data-role="chart"]');
    await expect.poll(() => chart.locator(".mark-symbol path").count(), { timeout: 60_000 }).toBe(12_000);
  }, 240_000);

  it("a scatter over the cap offers a heatmap: taking it rewrites the spec and counts every point in SQL", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "scatter.md", SCATTER);
    const offers = page.locator('[data-cell="cloud"] [data-role="chart-offers"]');
    await page.locator('[data-cell="cloud"] [data-drawn="fresh"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await offers.locator('[data-action="bin-heatmap"]').click();
    await expect.poll(() => offers.count(), { timeout: 60_000 }).toBe(0);
    await page.locator('[data-cell="cloud"][data-state="done"]').waitFor({ timeout: 60_000 });
    const rows = await chartRows(page, "cloud");
    expect(rows).toBeGreaterThan(100);
    expect(rows).toBeLessThanOrEqual(40 * 40);
    expect(await page.locator('[data-cell="cloud"] .note').count()).toBe(0);
    const frame = page.frameLocator('[data-cell="cloud"] iframe[data-role="chart"]');
    const cells = frame.locator(".mark-rect.role-mark path");
    await expect.poll(() => cells.count(), { timeout: 60_000 }).toBe(rows);
    // Every point counted: the cells' counts (from their accessible labels) add up to 12,000.
    const labels = await cells.evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label") ?? ""));
    const counts = labels.map((label) => Number(/Count of Records: ([\d,]+)/.exec(label)?.[1].replace(/,/g, "")));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12_000);
  }, 240_000);
});
