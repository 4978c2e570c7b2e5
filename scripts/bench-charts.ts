// Chart planner speed (issue 12): count-by, histogram and monthly-line charts over a generated orders table
// of N rows, each planned, run and bound (`drawChart`), on native DuckDB or any Engine. Reports the rows each
// chart receives, the plan time and the query-to-bound-spec time (`draw`: to the chart drawn by a headless Vega
// view). `npm run bench -- --only charts` runs `chartRows`: 1M and 20M rows, native DuckDB and duckdb-wasm.
//
// Alone: `npx tsx scripts/bench-charts.ts [--rows N] [--repeat N]` (default 1,000,000 rows, 5 runs, median).
// The same charts timed in Chromium from Run to drawn, against a build: scripts/bench-charts-browser.ts.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Engine } from "../src/engine/engine";
import { nativeEngine } from "../src/engine/native/native-engine";
import { planChart } from "../src/charts/plan/plan";
import { drawChart } from "../src/charts/plan/run";
import type { Spec } from "../src/charts/plan/types";
import { wasmEngineInNode } from "../test/engine/wasm-node";
import { isMain, parseArgs } from "./bench-browser";
import { median } from "./bench-table";

/** The charts the issue asks to measure, over table `orders(segment, amount, order_date)`. */
export const BENCH_CHARTS: Record<string, Spec> = {
  "count by segment": { mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "count" } } },
  "histogram of amount": { mark: "bar", encoding: { x: { field: "amount", bin: true }, y: { aggregate: "count" } } },
  "monthly sum of amount": {
    mark: "line",
    encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "sum", field: "amount" } },
  },
};

/** One chart's numbers. */
export interface ChartBench {
  readonly chart: string;
  readonly rows: number;
  readonly planMs: number;
  readonly runMs: number;
}

/** Creates `orders` with `rows` seeded rows in `engine` (DuckDB's hash of the row number: no file needed). */
export async function createBenchOrders(engine: Engine, rows: number): Promise<void> {
  await engine.query(`CREATE OR REPLACE TABLE orders AS SELECT
    ['Retail', 'Wholesale', 'Online', 'Partner', 'Public'][1 + (hash(i, 1) % 5)::INTEGER] AS segment,
    round((hash(i, 2) % 2000000) / 100 * ((hash(i, 3) % 1000) / 1000), 2)::DOUBLE AS amount,
    DATE '2023-01-01' + (hash(i, 4) % 912)::INTEGER AS order_date
    FROM range(${Math.floor(rows)}) AS r(i)`);
}

/** Times each of BENCH_CHARTS over `orders` in `engine` (`repeat` runs after one warm-up; medians). */
export async function benchCharts(engine: Engine, repeat = 5, rowCap = 5000, draw = false): Promise<ChartBench[]> {
  const columns = (await engine.query("SELECT * FROM orders LIMIT 0")).columns;
  const schema = { relation: "orders", columns };
  const out: ChartBench[] = [];
  for (const [chart, spec] of Object.entries(BENCH_CHARTS)) {
    const plans: number[] = [];
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i <= repeat; i++) {
      const t0 = performance.now();
      planChart(spec, schema, { rowCap });
      const t1 = performance.now();
      const drawn = await drawChart(engine, spec, schema, rowCap);
      rows = drawn.rows;
      if (draw) await drawHeadless(drawn.spec);
      // The first run warms DuckDB's caches and is not counted.
      if (i === 0) continue;
      plans.push(t1 - t0);
      runs.push(performance.now() - t1);
    }
    out.push({ chart, rows, planMs: median(plans), runMs: median(runs) });
  }
  return out;
}

async function drawHeadless(spec: Spec): Promise<void> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  await view.runAsync();
  view.finalize();
}

/** The bench's chart rows: each chart over each size on each engine, run to drawn (median of `repeat`). */
export async function chartRows(sizes: readonly number[], wasmSizes = sizes, repeat = 3): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  for (const [name, open] of [
    ["native DuckDB", () => nativeEngine()],
    ["duckdb-wasm (Node)", wasmEngineInNode],
  ] as const) {
    for (const size of name === "native DuckDB" ? sizes : wasmSizes) {
      const engine = await open();
      try {
        await createBenchOrders(engine, size);
        for (const r of await benchCharts(engine, repeat, 5000, true)) {
          const what = `${name}: ${r.chart}, ${size.toLocaleString("en")} rows`;
          rows.push([what, `${r.rows} rows received, run to drawn ${r.runMs.toFixed(0)} ms (median of ${repeat})`]);
          console.error(`  ${rows.at(-1)!.join(": ")}`);
        }
      } catch (e) {
        rows.push([`${name}: charts, ${size.toLocaleString("en")} rows`, `failed: ${(e as Error).message}`]);
      } finally {
        await engine.close();
      }
    }
  }
  return rows;
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const rows = args.number("--rows", 1_000_000);
  const engine = await nativeEngine();
  try {
    await createBenchOrders(engine, rows);
    console.log(
      `chart | rows received | plan ms | query + bind ms   (native DuckDB, ${rows.toLocaleString("en")} rows)`,
    );
    for (const r of await benchCharts(engine, args.number("--repeat", 5))) {
      console.log(`${r.chart} | ${r.rows} | ${r.planMs.toFixed(2)} | ${r.runMs.toFixed(1)}`);
    }
  } finally {
    await engine.close();
  }
}
