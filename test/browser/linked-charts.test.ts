// Linked charts in the browser: chart B filters by chart A's brush (`{ "filter": { "param": "brush" } }`, no SQL
// cell between them); each brush on A redraws B with counts equal to SQL's over the raw rows, the later ones
// answered from B's pre-aggregate. No request leaves the origin (the fixture checks after each test).
import { describe, expect, it } from "vitest";
import type { FrameLocator } from "playwright-core";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { BARS, brushBars, monthsChart, ordersSql } from "./brush";

const app = useApp();
const fence = "```";
// Enough rows for a pre-aggregate (charts/preaggregates.ts builds none under 10,000).
const ORDERS = ordersSql(36600);
const LINKED = `---
notebook: 1
title: Linked charts
---

${fence}sql orders
${ORDERS}
${fence}

${monthsChart("orders")}

${fence}chart by_segment data=orders
{ "mark": "bar", "transform": [{ "filter": { "param": "brush" } }],
  "encoding": { "x": { "field": "segment" }, "y": { "aggregate": "count" } } }
${fence}
`;

/** SQL's counts per segment over the raw rows between two dates (both included), as `A=123`. */
async function truth(from: string, to: string): Promise<string[]> {
  const engine = await nativeEngine();
  try {
    const sql =
      `SELECT segment || '=' || count(*) AS c FROM (${ORDERS}) WHERE order_date BETWEEN DATE '${from}' ` +
      `AND DATE '${to}' GROUP BY segment ORDER BY segment`;
    return (await engine.query(sql)).column(0).map(String);
  } finally {
    await engine.close();
  }
}

/** The bars as Vega drew them, from their accessible labels ("segment: A; Count of Records: 200"). */
async function drawnCounts(chart: FrameLocator): Promise<string[]> {
  const labels = await chart.locator(BARS).evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label")));
  return labels
    .map((label) => {
      const m = /segment: (\w+); Count of Records: ([\d,]+)/.exec(label ?? "");
      return m ? `${m[1]}=${m[2].replace(/,/g, "")}` : String(label);
    })
    .sort();
}

describe("linked charts", () => {
  it("brushing chart A redraws chart B with counts equal to SQL over the raw rows", async () => {
    const [all, marchApril, juneAugust] = await Promise.all([
      truth("2024-01-01", "2024-12-31"),
      truth("2024-03-01", "2024-04-30"),
      truth("2024-06-01", "2024-08-31"),
    ]);
    expect(marchApril).toHaveLength(3);
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "linked.md", LINKED);
    await page.locator('[data-action="trust"]').click();
    const months = page.frameLocator('[data-cell="months"] iframe[data-role="chart"]');
    const bySegment = page.frameLocator('[data-cell="by_segment"] iframe[data-role="chart"]');
    await expect.poll(() => months.locator(BARS).count(), { timeout: ENGINE_TIMEOUT }).toBe(12);
    await expect.poll(() => drawnCounts(bySegment), { timeout: ENGINE_TIMEOUT }).toEqual(all);
    expect(await page.locator('[data-cell="by_segment"] [data-chart-rows]').getAttribute("data-chart-rows")).toBe("3");

    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    // March and April start inside the first brush; June, July and August inside the second.
    await brushBars(page, months, 2, 3);
    await expect.poll(() => drawnCounts(bySegment), { timeout: 30_000 }).toEqual(marchApril);
    await brushBars(page, months, 5, 7);
    await expect.poll(() => drawnCounts(bySegment), { timeout: 30_000 }).toEqual(juneAugust);
    expect(await page.locator('[data-cell="by_segment"]').getAttribute("data-state")).toBe("done");
  }, 180_000);
});
