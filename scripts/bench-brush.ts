// Brush -> downstream cell redrawn (issue 12): in headless Chromium against a build of the app, a chart of
// monthly counts over N generated orders (a sql cell, so no file is needed) declares a brush; a sql cell
// counts the orders and customers inside it. Each brush is dragged with the mouse, and timed from its
// last move to the reader's table showing the new result. Reports the median and p95.
//
// Alone: `npx tsx scripts/bench-brush.ts [--dist DIR | --no-build] [--rows N] [--brushes N] [--each]` (default: a
// fresh build in .bench/dist, 1,000,000 rows, 30 brushes; `--each` also prints every brush's time in order);
// `npm run bench` runs it as one row (part `brush`).
import type { Frame, Page } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import { tail } from "./bench-table";

const fence = "```";
// The chart's bars, not the brush's own rectangles.
export const BARS = ".mark-rect.role-mark:not(.brush_brush_bg):not(.brush_brush) path";

/** The notebook timed: generated orders, the brushed monthly chart and the reader of `${brush}`. */
export function brushNotebook(rows: number): string {
  const chart = {
    mark: "bar",
    width: 900,
    params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
    encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
  };
  return [
    "---\nnotebook: 1\ntitle: Brush to cell\n---\n",
    `${fence}sql orders\nSELECT DATE '2023-01-01' + (hash(i, 4) % 912)::INTEGER AS order_date,\n` +
      `'C' || (hash(i, 1) % 50000) AS customer_id, round((hash(i, 2) % 100000) / 100, 2) AS amount\n` +
      `FROM range(${Math.floor(rows)}) AS r(i)\n${fence}\n`,
    `${fence}chart months data=orders\n${JSON.stringify(chart)}\n${fence}\n`,
    `${fence}sql picked\nSELECT count(*) AS orders, count(DISTINCT customer_id) AS customers,\n` +
      `sum(amount) AS revenue\n` +
      `FROM orders WHERE order_date BETWEEN \${brush}[1]::DATE AND \${brush}[2]::DATE\n${fence}\n`,
  ].join("\n");
}

/** Resolves once the reader is done, not stale, and shows a first value other than `before`. */
const redrawn = (page: Page, before: string | null) =>
  page.waitForFunction(
    (prev) => {
      const cell = document.querySelector('[data-cell="picked"]');
      const text = cell?.querySelector(".grid-row .td")?.textContent ?? null;
      return cell?.getAttribute("data-state") === "done" && !cell.hasAttribute("data-stale") && text !== prev;
    },
    before,
    { polling: "raf", timeout: 120_000 },
  );

/** Drags a brush from just left of bar `from` to the middle of bar `to`; returns the time of its last move. */
export async function dragBrush(page: Page, frame: Frame, from: number, to: number): Promise<number> {
  const bars = frame.locator(BARS);
  const a = (await bars.nth(from).boundingBox())!;
  const b = (await bars.nth(to).boundingBox())!;
  const y = a.y + a.height / 2;
  await page.mouse.move(a.x - 2, y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, y, { steps: 3 });
  const t0 = performance.now();
  await page.mouse.move(b.x + b.width / 2, y);
  await page.mouse.up();
  return t0;
}

/** Drags a brush from just left of bar `from` to the middle of bar `to`, timing from the last move. */
async function brush(page: Page, frame: Frame, from: number, to: number): Promise<number> {
  const before = await page.locator('[data-cell="picked"] .grid-row .td').first().textContent();
  const t0 = await dragBrush(page, frame, from, to);
  await redrawn(page, before);
  return performance.now() - t0;
}

/** Times `count` brushes over `rows` orders against the app in `dist`: ms from each brush's last move. */
export async function benchBrush(dist: string, rows: number, count: number): Promise<number[]> {
  return withApp(dist, {}, async ({ page }) => {
    await openNotebook(page, "brush.md", brushNotebook(rows));
    await page.locator('[data-cell="picked"][data-state="done"]').waitFor({ timeout: 600_000 });
    const handle = await page.locator('[data-cell="months"] iframe[data-role="chart"]').elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.locator(BARS).first().waitFor({ timeout: 60_000 });
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    const times: number[] = [];
    // Brushes of different months in turn, so each one changes the reader's result.
    for (let i = 0; i < count; i++) times.push(await brush(page, frame, 1 + (i % 7), 12 + (i % 11)));
    return times;
  });
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const rows = args.number("--rows", 1_000_000);
  const times = await benchBrush(distFromArgs(args), rows, args.number("--brushes", 30));
  console.log(`brush -> downstream cell redrawn (${rows.toLocaleString("en")} rows) | ${tail(times)}`);
  if (args.flag("--each")) console.log(`each brush (ms, in order): ${times.map((t) => Math.round(t)).join(" ")}`);
}
