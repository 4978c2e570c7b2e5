// Charts that follow their data in the browser: new rows for the same spec reach the chart already drawn
// (the same frame and the same SVG, no new embed), and a brush on one chart filters a chart linked to it
// through a SQL cell, whose bars then equal SQL's counts over the brushed rows.
import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";
import { BARS, brushBars, monthsChart, ordersSql } from "./brush";

const app = useApp();
const fence = "```";

const POINTS = `---
notebook: 1
title: Rows follow an input
---

${fence}input k
{ "type": "range", "min": 1, "max": 20, "step": 1, "value": 5 }
${fence}

${fence}sql points
SELECT i, (i * i)::INTEGER AS sq FROM range(\${k}) t(i)
${fence}

${fence}chart squares data=points
{ "mark": "bar",
  "encoding": { "x": { "field": "i", "type": "ordinal" }, "y": { "field": "sq", "type": "quantitative" } } }
${fence}
`;

const ORDERS = ordersSql(3660);
const LINKED = `---
notebook: 1
title: Linked charts
---

${fence}sql orders
${ORDERS}
${fence}

${monthsChart("orders")}

${fence}sql picked
SELECT segment, count(*)::INTEGER AS n FROM orders
WHERE order_date BETWEEN \${brush}[1]::DATE AND \${brush}[2]::DATE GROUP BY segment
${fence}

${fence}chart by_segment data=picked
{ "mark": "bar",
  "encoding": { "x": { "field": "segment", "type": "nominal" }, "y": { "field": "n", "type": "quantitative" } } }
${fence}
`;

async function openTrusted(page: Page, ob: Parameters<typeof openFromDisk>[0], name: string, text: string) {
  await openFromDisk(ob, name, text);
  await page.locator('[data-action="trust"]').click();
}

const chartRows = (page: Page, cell: string) =>
  page.locator(`[data-cell="${cell}"] [data-chart-rows]`).getAttribute("data-chart-rows");

/** The bars as Vega drew them, from their accessible labels ("segment: A; n: 200"), sorted by segment. */
async function drawnCounts(chart: FrameLocator): Promise<string[]> {
  const labels = await chart.locator(BARS).evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label")));
  const counts = labels.map((label) =>
    /segment: (\w+); n: ([\d,]+)/
      .exec(label ?? "")
      ?.slice(1)
      .join("="),
  );
  return counts.map((c, i) => c?.replace(/,/g, "") ?? String(labels[i])).sort();
}

describe("chart updates", () => {
  it("new rows for the same spec update the chart already drawn: same frame, same SVG, new rows", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(page, ob, "points.md", POINTS);
    const chart = page.frameLocator('[data-cell="squares"] iframe[data-role="chart"]');
    await expect.poll(() => chart.locator(BARS).count(), { timeout: ENGINE_TIMEOUT }).toBe(5);
    expect(await chartRows(page, "squares")).toBe("5");
    // Marks that a new embed would drop: one on the frame element, one on the SVG Vega drew.
    await page.locator('[data-cell="squares"] iframe[data-role="chart"]').evaluate((f) => (f.dataset.mark = "kept"));
    await chart.locator("#chart svg").evaluate((svg) => svg.setAttribute("data-mark", "kept"));
    // The form the rows arrive in: columns in typed arrays, no rows inside the spec.
    const handle = await page.locator('[data-cell="squares"] iframe[data-role="chart"]').elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.evaluate(`window.addEventListener("message", (e) => {
      if (e.data?.type !== "clientbook:render") return;
      const columns = e.data.rows?.columns ?? [];
      const kinds = columns.map((c) => c.name + ":" + c.values?.constructor.name);
      window.__form = { inSpec: "data" in e.data.spec, columns: kinds };
    }, true)`);

    await page.locator('[data-cell="k"] input[type="range"]').evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = "8";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect.poll(() => chartRows(page, "squares"), { timeout: 30_000 }).toBe("8");
    await expect.poll(() => chart.locator(BARS).count(), { timeout: 30_000 }).toBe(8);
    const labels = await chart.locator(BARS).evaluateAll((paths) => paths.map((p) => p.getAttribute("aria-label")));
    expect(labels.at(-1)).toMatch(/i: 7; sq: 49/);
    const form = { inSpec: false, columns: ["i:Float64Array", "sq:Float64Array"] };
    expect(await frame.evaluate("window.__form")).toEqual(form);
    expect(await chart.locator('#chart svg[data-mark="kept"]').count()).toBe(1);
    expect(await page.locator('[data-cell="squares"] iframe[data-mark="kept"]').count()).toBe(1);

    // A changed spec is a new chart: it is embedded afresh (the marked SVG is gone).
    await page.locator('[data-cell="squares"] header button.link').click();
    const editor = codeOf(page, "squares");
    await editor.click({ timeout: 60_000 });
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(
      '{ "mark": "point", "encoding": ' +
        '{ "x": { "field": "i", "type": "ordinal" }, "y": { "field": "sq", "type": "quantitative" } } }',
    );
    await expect.poll(() => chart.locator(".mark-symbol path").count(), { timeout: 30_000 }).toBe(8);
    expect(await chart.locator('#chart svg[data-mark="kept"]').count()).toBe(0);
  }, 180_000);

  it("a brush filters the chart linked to it; its bars equal SQL's counts over the brushed rows", async () => {
    const engine = await nativeEngine();
    const truth = await engine.query(
      `SELECT segment || '=' || count(*) AS c FROM (${ORDERS}) ` +
        "WHERE order_date BETWEEN DATE '2024-03-01' AND DATE '2024-04-30' GROUP BY segment ORDER BY segment",
    );
    const all = await engine.query(
      `SELECT segment || '=' || count(*) AS c FROM (${ORDERS}) GROUP BY segment ORDER BY segment`,
    );
    await engine.close();
    const expected = truth.column(0).map(String);
    const unbrushed = all.column(0).map(String);
    expect(expected).toHaveLength(3);

    const ob = await app.open();
    const { page } = ob;
    await openTrusted(page, ob, "linked.md", LINKED);
    const months = page.frameLocator('[data-cell="months"] iframe[data-role="chart"]');
    const linked = page.frameLocator('[data-cell="by_segment"] iframe[data-role="chart"]');
    await expect.poll(() => months.locator(BARS).count(), { timeout: ENGINE_TIMEOUT }).toBe(12);
    await expect.poll(() => drawnCounts(linked), { timeout: ENGINE_TIMEOUT }).toEqual(unbrushed);
    expect(await chartRows(page, "by_segment")).toBe("3");
    await linked.locator("#chart svg").evaluate((svg) => svg.setAttribute("data-mark", "kept"));

    // From just left of March's bar to the middle of April's: March and April start inside the brush.
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    await brushBars(page, months, 2, 3);
    const april = (await months.locator(BARS).nth(3).boundingBox())!;
    await expect.poll(() => drawnCounts(linked), { timeout: 30_000 }).toEqual(expected);
    expect(await chartRows(page, "by_segment")).toBe("3");
    // The linked chart took the new rows in its live view; the brushed chart kept its brush.
    expect(await linked.locator('#chart svg[data-mark="kept"]').count()).toBe(1);
    expect((await months.locator(".brush_brush path").first().boundingBox())!.width).toBeGreaterThan(april.width);
  }, 180_000);

  it("a brush dragged in a burst of moves re-runs its reader at most twice, and the final brush wins", async () => {
    const engine = await nativeEngine();
    const truth = await engine.query(
      `SELECT segment || '=' || count(*) AS c FROM (${ORDERS}) ` +
        "WHERE order_date BETWEEN DATE '2024-05-01' AND DATE '2024-06-30' GROUP BY segment ORDER BY segment",
    );
    await engine.close();
    const expected = truth.column(0).map(String);

    const ob = await app.open();
    const { page } = ob;
    await openTrusted(page, ob, "linked.md", LINKED);
    const months = page.frameLocator('[data-cell="months"] iframe[data-role="chart"]');
    const linked = page.frameLocator('[data-cell="by_segment"] iframe[data-role="chart"]');
    await expect.poll(() => months.locator(BARS).count(), { timeout: ENGINE_TIMEOUT }).toBe(12);
    await expect.poll(() => drawnCounts(linked), { timeout: ENGINE_TIMEOUT }).toHaveLength(3);
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    // Every start of a run of the reader, as the page shows it.
    await page.evaluate(`(() => {
      window.__runs = 0;
      const cell = document.querySelector('[data-cell="picked"]');
      new MutationObserver((records) => {
        for (const r of records) if (r.oldValue !== "running" && cell.dataset.state === "running") window.__runs++;
      }).observe(cell, { attributes: true, attributeFilter: ["data-state"], attributeOldValue: true });
    })()`);
    const box = async (i: number) => (await months.locator(BARS).nth(i).boundingBox())!;
    const [jan, may, june, nov] = [await box(0), await box(4), await box(5), await box(10)];
    const y = may.y + may.height / 2;
    await page.mouse.move(jan.x - 2, y);
    await page.mouse.down();
    // A burst over most of the year and back, each move its own task (the session's debounce is 10 ms).
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(jan.x + ((nov.x - jan.x) * i) / 12, y);
      await page.waitForTimeout(25);
    }
    await page.mouse.up();
    await page.mouse.move(may.x - 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(may.x + ((june.x + june.width / 2 - may.x) * i) / 8, y);
      await page.waitForTimeout(25);
    }
    await page.mouse.up();
    await expect.poll(() => drawnCounts(linked), { timeout: 30_000 }).toEqual(expected);
    await page.waitForTimeout(500);
    // One run per release (two drags): the moves in between started none.
    expect(await page.evaluate("window.__runs")).toBeLessThanOrEqual(2);
    expect(await page.evaluate("window.__runs")).toBeGreaterThanOrEqual(1);
    expect(await drawnCounts(linked)).toEqual(expected);
    expect((await months.locator(".brush_brush path").first().boundingBox())!.width).toBeGreaterThan(june.width);
  }, 180_000);
});
