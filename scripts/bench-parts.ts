// The bench's parts over measurement modules that other work changes (interactions, brush, charts, sandbox,
// recipes): each turns a module's numbers into table rows, with the peers measured in the same run, so the
// measuring modules hold only measuring code.
import { nativeEngine } from "../src/engine/native/native-engine";
import { benchBrush } from "./bench-brush";
import { benchLinked } from "./bench-linked";
import { BENCH_CHARTS, benchCharts, createBenchOrders } from "./bench-charts";
import { benchChartsInBrowser } from "./bench-charts-browser";
import { benchInteract, bySegmentSql, interactOrdersSql } from "./bench-interact";
import type { Part } from "./bench-part";
import { buildPeer, peerQueries, withPeer } from "./bench-peer";
import { benchRecipes } from "./bench-recipes";
import { benchSandbox } from "./bench-sandbox";
import { median, medianP95, ms, percentile, seconds, tail, type Row } from "./bench-table";

const count = (n: number) => n.toLocaleString("en");
const p95Goal = (times: readonly number[]) => [{ value: percentile(times, 95), of: 100, label: "100 ms" }];

/** The range moves' values, as bench-interact moves them (each differs from the one before). */
const moveValues = (moves: number) => Array.from({ length: moves }, (_, i) => 1 + (((i + 1) * 7) % 20));

/** Times the range's query alone on native DuckDB with `threads` threads over the same orders. */
async function nativeQueries(rows: number, moves: number, threads: number): Promise<number[]> {
  const engine = await nativeEngine({ threads, unlocked: true });
  try {
    await engine.query(`CREATE TABLE orders AS ${interactOrdersSql(rows)}`);
    const times: number[] = [];
    for (const v of moveValues(moves)) {
      const t0 = performance.now();
      await engine.query(bySegmentSql(String(v)));
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await engine.close();
  }
}

/** Range input -> chart redrawn (and brush -> linked chart), beside the same SQL alone in duckdb-wasm and natively. */
export const rangePart: Part = {
  name: "range",
  about: "range input -> chart redrawn and brush -> linked chart over N rows; the same SQL alone on the peers",
  async run(ctx) {
    const { rangeTotals, brushTotals } = await benchInteract(ctx.dist(), ctx.rows, ctx.repeat);
    const sqls = moveValues(ctx.repeat).map((v) => bySegmentSql(String(v)));
    const peer = await buildPeer(ctx.args.flag("--no-build"));
    const wasm = await withPeer(peer, (page) =>
      peerQueries(page, `CREATE TABLE orders AS ${interactOrdersSql(ctx.rows)}`, sqls),
    );
    const alone = (times: number[]) => `SQL alone: ${medianP95(times)}`;
    return [
      {
        measure: `range input -> chart redrawn, ${count(ctx.rows)} rows (${rangeTotals.length} moves)`,
        clientbook: medianP95(rangeTotals),
        peers: {
          "duckdb-wasm": alone(wasm),
          "native 1 thread": alone(await nativeQueries(ctx.rows, ctx.repeat, 1)),
          "native 2 threads": alone(await nativeQueries(ctx.rows, ctx.repeat, 2)),
        },
        goal: "p95 <= 100 ms",
        ratios: p95Goal(rangeTotals),
      },
      {
        measure: `brush -> linked chart redrawn, ${count(ctx.rows)} rows (${brushTotals.length} brushes)`,
        clientbook: medianP95(brushTotals),
        goal: "p95 <= 100 ms",
        ratios: p95Goal(brushTotals),
      },
    ];
  },
};

/** Issue 12's brush row: brush -> downstream sql cell redrawn. */
export const brushPart: Part = {
  name: "brush",
  about: "brush -> downstream cell and -> linked chart (its own filter, or via a sql cell) redrawn over N rows",
  async run(ctx) {
    const times = await benchBrush(ctx.dist(), ctx.rows, ctx.repeat);
    const param = await benchLinked(ctx.dist(), ctx.rows, ctx.repeat, "param");
    const sql = await benchLinked(ctx.dist(), ctx.rows, ctx.repeat, "sql");
    const linked = (way: string, t: number[]) => ({
      measure: `brush -> linked chart redrawn, ${way}, ${count(ctx.rows)} rows (${t.length} brushes)`,
      clientbook: medianP95(t),
      goal: "p95 <= 100 ms",
      ratios: p95Goal(t),
    });
    return [
      {
        measure: `brush -> downstream cell redrawn, ${count(ctx.rows)} rows (${times.length} brushes)`,
        // Its tail too: a few slow brushes are what move its p95.
        clientbook: tail(times),
        goal: "p95 <= 100 ms",
        ratios: p95Goal(times),
      },
      linked("filter by the brush (pre-aggregate)", param),
      linked("through a sql cell reading ${brush}", sql),
    ];
  },
};

/** Native DuckDB's run -> drawn (headless Vega) per chart over `rows` generated orders. */
async function nativeCharts(rows: number): Promise<Map<string, number>> {
  const engine = await nativeEngine();
  try {
    await createBenchOrders(engine, rows);
    return new Map((await benchCharts(engine, 3, 5000, true)).map((c) => [c.chart, c.runMs]));
  } finally {
    await engine.close();
  }
}

/** Issue 12's chart rows: rows received and Run -> drawn in Chromium per chart and size, beside native DuckDB. */
export const chartsPart: Part = {
  name: "charts",
  about: "count-by, histogram and monthly line over 1M and 20M rows: rows received, run -> drawn, its SQL alone",
  async run(ctx) {
    const rows: Row[] = [];
    for (const size of ctx.skip20m ? [1_000_000] : [1_000_000, 20_000_000]) {
      const browser = await benchChartsInBrowser(ctx.dist(), size, 3);
      const native = await nativeCharts(size);
      for (const [chart, , received, medianMs, , aloneMs] of browser) {
        const mine = Number(medianMs);
        const theirs = native.get(chart);
        // The chart's own GROUP BY in the same duckdb-wasm in the same page: the reference issue 12 asks for.
        const sql = Number(aloneMs);
        rows.push({
          measure: `${chart}, ${count(size)} rows`,
          clientbook: chart in BENCH_CHARTS ? `${received} rows received, run -> drawn ${ms(mine)}` : seconds(mine),
          peers:
            theirs === undefined
              ? {}
              : { "its SQL alone (same page)": ms(sql), "native (Vega in Node)": `run -> drawn ${ms(theirs)}` },
          ratios:
            theirs === undefined
              ? []
              : [
                  { value: mine, of: sql, label: "its SQL" },
                  { value: mine, of: theirs, label: "native" },
                ],
        });
      }
    }
    return rows;
  },
};

/** The chart sandbox frame's start on a first and a repeat visit. */
export const sandboxPart: Part = {
  name: "sandbox",
  about: "chart frame inserted -> ready, first and repeat visit (median over the example's charts)",
  async run(ctx) {
    const { first, repeat } = await benchSandbox(ctx.dist());
    return [
      {
        measure: `chart frame start (${first.length} frames)`,
        clientbook: `first visit median ${ms(median(first))}, repeat visit median ${ms(median(repeat))}`,
      },
    ];
  },
};

/** Every recipe on ~1M orders in Chromium, beside a Node session on native DuckDB, and the set's total. */
export const recipesPart: Part = {
  name: "recipes",
  about: "every recipe on ~1M orders / 100k customers in Chromium and natively (scripts/bench-recipes.ts)",
  async run(ctx) {
    const results = await benchRecipes({ dist: ctx.dist(), only: ctx.args.list("--recipes") });
    const cell = (v: number | null) => (v === null ? "-" : ms(v));
    const rows: Row[] = results.map((r) => ({
      measure: r.recipe,
      clientbook: `${cell(r.chromiumMs)}${r.note ? ` (${r.note})` : ""}`,
      peers: { "native (Node session)": cell(r.nativeMs) },
    }));
    const recipes = results.filter((r) => !r.recipe.startsWith("BG/NBD"));
    const total = recipes.reduce((sum, r) => sum + (r.chromiumMs ?? NaN), 0);
    const native = recipes.reduce((sum, r) => sum + (r.nativeMs ?? NaN), 0);
    rows.push({
      measure: `all ${recipes.length} recipes, total`,
      clientbook: Number.isFinite(total) ? seconds(total) : "-",
      peers: { "native (Node session)": Number.isFinite(native) ? seconds(native) : "-" },
      goal: "<= 3 s (the Recipes I set)",
      ratios: [{ value: total, of: 3000, label: "3 s" }],
    });
    return rows;
  },
};
