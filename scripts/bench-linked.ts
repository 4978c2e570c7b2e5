// Brush -> linked chart redrawn (issue 12, item 4): in headless Chromium against a build of the app, a monthly
// chart of N generated orders declares a brush, and a chart of counts and sums by segment follows it, either
// filtering by the brush itself (`{ "filter": { "param": "brush" } }`: planned in SQL, answered from its
// pre-aggregate) or, as before, drawn over a sql cell that reads `${brush}`. Timed from each brush's last move
// to the linked chart's bars showing the new values. Reports the median and p95 of each way.
//
// Alone: `npx tsx scripts/bench-linked.ts [--dist DIR | --no-build] [--rows N] [--brushes N]`; `npm run bench`
// runs it in part `brush`.
import type { Frame } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import { BARS, dragBrush } from "./bench-brush";
import { medianP95 } from "./bench-table";

const fence = "```";

/** How the linked chart follows the brush: its own filter by the brush, or a sql cell reading `${brush}`. */
export type LinkedWay = "param" | "sql";

/** The notebook timed: generated orders, the brushed monthly chart and the chart linked to it one way. */
export function linkedNotebook(rows: number, way: LinkedWay): string {
  const months = {
    mark: "bar",
    width: 900,
    params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
    encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
  };
  const bySegment = (y: object) => ({ mark: "bar", encoding: { x: { field: "segment", type: "nominal" }, y } });
  const linked =
    way === "param"
      ? [
          `${fence}chart linked data=orders\n` +
            JSON.stringify({
              ...bySegment({ aggregate: "sum", field: "amount" }),
              transform: [{ filter: { param: "brush" } }],
            }),
        ]
      : [
          `${fence}sql picked\nSELECT segment, sum(amount) AS sum_amount FROM orders\n` +
            `WHERE order_date BETWEEN \${brush}[1]::DATE AND \${brush}[2]::DATE GROUP BY segment`,
          `${fence}chart linked data=picked\n` +
            JSON.stringify(bySegment({ field: "sum_amount", type: "quantitative", title: "Sum of amount" })),
        ];
  return [
    "---\nnotebook: 1\ntitle: Linked charts\n---\n",
    `${fence}sql orders\nSELECT DATE '2023-01-01' + (hash(i, 4) % 912)::INTEGER AS order_date,\n` +
      `['Retail', 'Online', 'Partner', 'Direct'][(1 + hash(i, 3) % 4)::INTEGER] AS segment,\n` +
      `round((hash(i, 2) % 100000) / 100, 2) AS amount\nFROM range(${Math.floor(rows)}) AS r(i)\n${fence}\n`,
    `${fence}chart months data=orders\n${JSON.stringify(months)}\n${fence}\n`,
    ...linked.map((cell) => `${cell}\n${fence}\n`),
  ].join("\n");
}

const labels = (frame: Frame) =>
  frame.evaluate(
    (bars) => [...document.querySelectorAll(bars)].map((p) => p.getAttribute("aria-label")).join("|"),
    BARS,
  );

/** Times `count` brushes over `rows` orders: ms from each brush's last move to the linked chart's new bars. */
export async function benchLinked(dist: string, rows: number, count: number, way: LinkedWay): Promise<number[]> {
  return withApp(dist, {}, async ({ page }) => {
    await openNotebook(page, `linked-${way}.md`, linkedNotebook(rows, way));
    await page.locator('[data-cell="linked"][data-state="done"]').waitFor({ timeout: 600_000 });
    const frameOf = async (cell: string) =>
      (await (await page.locator(`[data-cell="${cell}"] iframe[data-role="chart"]`).elementHandle())!.contentFrame())!;
    const months = await frameOf("months");
    const linked = await frameOf("linked");
    await months.locator(BARS).first().waitFor({ timeout: 60_000 });
    await linked.locator(BARS).first().waitFor({ timeout: 60_000 });
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    // The first brush is not timed: it lets a linked chart's pre-aggregate finish building.
    const times: number[] = [];
    for (let i = -1; i < count; i++) {
      const before = await labels(linked);
      const t0 = await dragBrush(page, months, 1 + ((i + 7) % 7), 12 + ((i + 11) % 11));
      await linked.waitForFunction(
        ([bars, prev]) =>
          [...document.querySelectorAll(bars)].map((p) => p.getAttribute("aria-label")).join("|") !== prev,
        [BARS, before] as const,
        // Not "raf": Chromium pauses animation frames of a cross-origin frame out of view.
        { polling: 5, timeout: 120_000 },
      );
      if (i >= 0) times.push(performance.now() - t0);
    }
    return times;
  });
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const rows = args.number("--rows", 1_000_000);
  const dist = distFromArgs(args);
  for (const way of ["param", "sql"] as const) {
    const times = await benchLinked(dist, rows, args.number("--brushes", 30), way);
    console.log(`brush -> linked chart redrawn, ${way} (${rows.toLocaleString("en")} rows) | ${medianP95(times)}`);
  }
}
