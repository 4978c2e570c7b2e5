// The brushable months chart the browser tests share: its notebook cells, its bars, and a drag across them.
import type { FrameLocator, Page } from "playwright-core";

const fence = "```";

/** The bars of a chart with a brush, without the brush's own rectangles. */
export const BARS = ".mark-rect.role-mark:not(.brush_brush_bg):not(.brush_brush) path";

/** SQL for `rows` orders spread over the days of 2024, each with a segment A, B or C. */
export const ordersSql = (rows: number) =>
  "SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS order_date, " +
  `['A', 'B', 'C'][1 + (i * 7 % 11) % 3] AS segment FROM range(${rows}) t(i)`;

/** A chart cell `months` over `data`: orders counted by month, with an interval brush `brush` on the x axis. */
export const monthsChart = (data: string) => `${fence}chart months data=${data}
{ "mark": "bar", "width": 600,
  "params": [{ "name": "brush", "select": { "type": "interval", "encodings": ["x"] } }],
  "encoding": { "x": { "field": "order_date", "timeUnit": "yearmonth" }, "y": { "aggregate": "count" } } }
${fence}`;

/** Drags a brush on `chart` from just left of bar `from` to the middle of bar `to`: both start inside it. */
export async function brushBars(page: Page, chart: FrameLocator, from: number, to: number): Promise<void> {
  const a = (await chart.locator(BARS).nth(from).boundingBox())!;
  const b = (await chart.locator(BARS).nth(to).boundingBox())!;
  const y = a.y + a.height / 2;
  await page.mouse.move(a.x - 2, y);
  await page.mouse.down();
  await page.mouse.move(a.x + 20, y, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, y, { steps: 6 });
  await page.mouse.up();
}
