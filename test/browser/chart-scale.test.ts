// Charts over a million rows in the browser: the planner aggregates in duckdb-wasm, so each chart
// receives only what it draws (data-chart-rows) and its counts equal SQL's over every row.
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();

const chart = (name: string, spec: object) => "```chart " + name + " data=big\n" + JSON.stringify(spec) + "\n```\n";
const MILLION = `---
notebook: 1
title: A million rows
---

\`\`\`sql big
SELECT range AS id, 'k' || (range % 5 + range % 3) AS k, range % 97 AS v,
  DATE '2024-01-01' + CAST(range % 366 AS INTEGER) AS day FROM range(1000000)
\`\`\`

\`\`\`sql truth
SELECT string_agg(k || '=' || n, ';' ORDER BY k) AS counts FROM (SELECT k, count(*) AS n FROM big GROUP BY k)
\`\`\`

${chart("by_k", { mark: "bar", encoding: { x: { field: "k" }, y: { aggregate: "count" } } })}
${chart("hist", { mark: "bar", encoding: { x: { field: "v", bin: true }, y: { aggregate: "count" } } })}
${chart("monthly", {
  mark: "line",
  encoding: { x: { field: "day", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
})}
`;

describe("charts over 1,000,000 rows", () => {
  it("draw counts equal to SQL's while receiving only the rows they draw", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "million.md", MILLION);
    await page.locator('[data-action="trust"]').click();
    const truth = page.locator('[data-cell="truth"] .grid-row .td').first();
    await truth.waitFor({ timeout: ENGINE_TIMEOUT });
    const expected = (await truth.textContent())!.split(";").map((pair) => pair.split("="));
    expect(expected.map(([k]) => k)).toEqual(["k0", "k1", "k2", "k3", "k4", "k5", "k6"]);

    const rows = async (name: string) => {
      const figure = page.locator(`[data-cell="${name}"] [data-chart-rows]`);
      await figure.waitFor({ timeout: ENGINE_TIMEOUT });
      return Number(await figure.getAttribute("data-chart-rows"));
    };
    expect(await rows("by_k")).toBe(7);
    expect(await rows("hist")).toBeLessThanOrEqual(20);
    expect(await rows("monthly")).toBe(12);

    // The bars as Vega drew them, read from their accessible labels ("k: k0; Count of Records: 133,334").
    const bars = page.frameLocator('[data-cell="by_k"] iframe[data-role="chart"]').locator("svg .mark-rect path");
    await expect.poll(() => bars.count(), { timeout: ENGINE_TIMEOUT }).toBe(7);
    const labels = await bars.evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label") ?? ""));
    const drawn = labels.map((label) => {
      const match = /k: (k\d); Count of Records: ([\d,]+)/.exec(label);
      return match ? [match[1], match[2].replace(/,/g, "")] : [label];
    });
    expect(drawn).toEqual(expected);
    expect(expected.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(1_000_000);
    expect(await page.locator('[data-cell="by_k"] .note').count()).toBe(0);
  }, 240_000);

  it("start a new cell from the Chart button that draws a count by the result's text column", async () => {
    const ob = await app.open();
    const { page } = ob;
    const data = "SELECT 'r' || (range % 4) AS region, range AS n FROM range(1000)";
    const text = "---\nnotebook: 1\n---\n\n```sql regions\n" + data + "\n```\n";
    await openFromDisk(ob, "regions.md", text);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="regions"] [data-role="result-table"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-action="insert-here"]').last().click();
    await page.locator('.cell-gap [data-action="add-chart"]').click();
    const bars = page.frameLocator('[data-cell="chart_1"] iframe[data-role="chart"]').locator("svg .mark-rect path");
    await expect.poll(() => bars.count(), { timeout: ENGINE_TIMEOUT }).toBe(4);
    expect(await page.locator('[data-cell="chart_1"] [data-chart-rows]').getAttribute("data-chart-rows")).toBe("4");
    expect(await page.locator('[data-cell="chart_1"] .cell-error').count()).toBe(0);
  }, 120_000);
});
