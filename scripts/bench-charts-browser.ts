// Run -> drawn chart in the browser (issue 12 "Measure"): in headless Chromium against a build of the app,
// a sql cell makes N seeded orders in duckdb-wasm and three chart cells (count-by, histogram, monthly line)
// plan over it. Each chart's Run is timed from the click to its sandbox frame reporting the new drawing
// (the frame's size message, sent once Vega has drawn); rows received are the cell's data-chart-rows.
// Beside each chart, a sql cell (`sql_<chart cell>`) holds the planner's SQL for it: its Run (click to done:
// the query into a temp table of a few rows, read back) is that GROUP BY alone in the same duckdb-wasm in the
// same page, so "chart / its GROUP BY" is our overhead.
//
// Alone: `npx tsx scripts/bench-charts-browser.ts [--dist DIR | --no-build] [--sizes 1000000,20000000]
// [--repeat 5]`; `npm run bench` part `charts`.
import { loadavg } from "node:os";
import type { Page } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import { median } from "./bench-table";
import { planChart } from "../src/charts/plan/plan";
import { BENCH_CHARTS } from "./bench-charts";

const fence = "```";
const CELLS: Record<string, string> = {
  "count by segment": "by_segment",
  "histogram of amount": "histogram",
  "monthly sum of amount": "monthly",
};

/** The bench orders' columns, as duckdb-wasm types them. */
const ORDERS_COLUMNS = [
  { name: "segment", type: "VARCHAR", kind: "string" },
  { name: "amount", type: "DOUBLE", kind: "number" },
  { name: "order_date", type: "DATE", kind: "date" },
] as const;

/** The planner's SQL for `chart` over the orders, as the chart cell runs it (the relation unquoted). */
export const chartSql = (chart: string) =>
  planChart(BENCH_CHARTS[chart], { relation: "orders", columns: [...ORDERS_COLUMNS] }, { rowCap: 5000 }).sql;

/** The notebook timed: the bench's orders (as scripts/bench-charts.ts makes them), its three charts, then
 * one sql cell per chart holding that chart's planned SQL. */
export function chartsNotebook(rows: number): string {
  const segments = "['Retail', 'Wholesale', 'Online', 'Partner', 'Public']";
  const orders =
    `${fence}sql orders\nSELECT ${segments}[1 + (hash(i, 1) % 5)::INTEGER] AS segment,\n` +
    `  round((hash(i, 2) % 2000000) / 100 * ((hash(i, 3) % 1000) / 1000), 2)::DOUBLE AS amount,\n` +
    `  DATE '2023-01-01' + (hash(i, 4) % 912)::INTEGER AS order_date\n` +
    `FROM range(${Math.floor(rows)}) AS r(i)\n${fence}\n`;
  const charts = Object.entries(BENCH_CHARTS).map(
    ([chart, spec]) => `${fence}chart ${CELLS[chart]} data=orders\n${JSON.stringify(spec)}\n${fence}\n`,
  );
  const alone = Object.entries(CELLS).map(([chart, cell]) => `${fence}sql sql_${cell}\n${chartSql(chart)}\n${fence}\n`);
  return ["---\nnotebook: 1\ntitle: Chart bench\n---\n", orders, ...charts, ...alone].join("\n");
}

/** Clicks the chart cell's Run and resolves with the ms until its frame reports a drawing newer than before. */
function timeRun(page: Page, cell: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((done, fail) => {
        const frame = document.querySelector<HTMLIFrameElement>(`[data-cell="${name}"] iframe[data-role="chart"]`);
        const button = document.querySelector<HTMLButtonElement>(`[data-cell="${name}"] [data-action="run-cell"]`);
        if (!frame || !button) return fail(new Error(`no chart cell ${name}`));
        const seen = (window as unknown as { __drawnIds: Map<Window, number> }).__drawnIds;
        const before = seen.get(frame.contentWindow!) ?? -1;
        const t0 = performance.now();
        const on = (event: MessageEvent) => {
          const data = event.data as { type?: string; id?: number };
          if (event.source !== frame.contentWindow || data?.type !== "clientbook:size") return;
          if ((data.id ?? -1) <= before) return;
          removeEventListener("message", on);
          done(performance.now() - t0);
        };
        addEventListener("message", on);
        button.click();
      }),
    cell,
  );
}

/** Clicks Run on sql cell `name` and resolves with the ms until it is done again. */
function timeSqlRun(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (at) =>
      new Promise<number>((done, fail) => {
        const cell = document.querySelector<HTMLElement>(`[data-cell="${at}"]`);
        const button = cell?.querySelector<HTMLButtonElement>('[data-action="run-cell"]');
        if (!cell || !button || cell.dataset.state !== "done") return fail(new Error(`no finished cell ${at}`));
        const t0 = performance.now();
        // Done once the state has left "running" and reads "done" (a record per change: none is missed).
        const watch = new MutationObserver((records) => {
          if (!records.some((r) => r.oldValue === "running")) return;
          if (cell.dataset.state === "running") return;
          watch.disconnect();
          if (cell.dataset.state === "done") done(performance.now() - t0);
          else fail(new Error(`sql cell ${at} ended ${cell.dataset.state}`));
        });
        watch.observe(cell, { attributes: true, attributeFilter: ["data-state"], attributeOldValue: true });
        button.click();
      }),
    name,
  );
}

/** Times each chart over `rows` orders in the app in `dist` (`repeat` runs each, median); one row per chart. */
export async function benchChartsInBrowser(dist: string, rows: number, repeat: number): Promise<string[][]> {
  const size = rows.toLocaleString("en");
  return withApp(dist, {}, async ({ page }) => {
    // tsx names the functions below with a `__name` helper that exists only in Node: the page gets a no-op one.
    await page.evaluate("window.__name = (f) => f");
    // The newest drawing id each chart frame reported: a timed run waits for a newer one.
    await page.evaluate(() => {
      const ids = new Map<Window, number>();
      (window as unknown as { __drawnIds: Map<Window, number> }).__drawnIds = ids;
      addEventListener("message", (event) => {
        const data = event.data as { type?: string; id?: number };
        if (data?.type === "clientbook:size" && event.source) ids.set(event.source as Window, data.id ?? -1);
      });
    });
    await openNotebook(page, "charts.md", chartsNotebook(rows), false);
    const t0 = performance.now();
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="orders"][data-state="done"]').waitFor({ timeout: 1_800_000 });
    const made = performance.now() - t0;
    const out: string[][] = [];
    for (const cell of Object.values(CELLS)) {
      const failed = page.locator(`[data-cell="${cell}"][data-state="error"]`);
      await page.locator(`[data-cell="${cell}"] [data-chart-rows]`).or(failed).waitFor({ timeout: 600_000 });
      if (await failed.count())
        throw new Error(`${cell}: ${await failed.locator(".cell-error").first().textContent()}`);
      // Its frame has drawn that first run (frames start one at a time): a timed run needs the frame.
      await page.locator(`[data-cell="${cell}"] [data-drawn="fresh"]`).waitFor({ timeout: 600_000 });
    }
    // Each sql cell has run once (its first run, like each chart's, is not timed).
    for (const cell of Object.values(CELLS)) {
      const sql = page.locator(`[data-cell="sql_${cell}"]`);
      await sql.and(page.locator('[data-state="done"], [data-state="error"]')).waitFor({ timeout: 600_000 });
      if ((await sql.getAttribute("data-state")) !== "done") throw new Error(`sql_${cell}: ${await sql.textContent()}`);
    }
    for (const [chart, cell] of Object.entries(CELLS)) {
      const times: number[] = [];
      const alone: number[] = [];
      // Interleaved, so both see the same machine load.
      for (let i = 0; i < repeat; i++) {
        times.push(await timeRun(page, cell));
        alone.push(await timeSqlRun(page, `sql_${cell}`));
      }
      const received = await page.locator(`[data-cell="${cell}"] [data-chart-rows]`).getAttribute("data-chart-rows");
      const [run, sql] = [median(times), median(alone)];
      out.push([chart, size, String(received), run.toFixed(0), Math.max(...times).toFixed(0), sql.toFixed(0)]);
    }
    out.push(["(orders table made by the sql cell)", size, "-", made.toFixed(0), "-", "-"]);
    return out;
  });
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const dist = distFromArgs(args);
  const sizes = (args.list("--sizes") ?? ["1000000", "20000000"]).map(Number);
  const repeat = args.number("--repeat", 5);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(
    `chart | rows in table | rows received | run -> drawn ms (median of ${repeat}) | max ms | its SQL alone ms (sql cell)`,
  );
  for (const rows of sizes) {
    const before = load();
    try {
      for (const row of await benchChartsInBrowser(dist, rows, repeat)) console.log(row.join(" | "));
    } catch (e) {
      console.log(`all charts | ${rows.toLocaleString("en")} | failed: ${(e as Error).message.split("\n")[0]}`);
    }
    console.log(`(load average before: ${before}; after: ${load()})`);
  }
}
