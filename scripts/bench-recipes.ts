// Recipe speed (issues 3 and 4): every recipe of CATALOGUE, built with its defaults, run on ~1,000,000
// orders (957,863 by default: a customer's purchases stop at 2025-06-30) of 100,000 customers, plus 100,000
// survey answers, 200,000 deals (twice: deals, pipeline) and 600,000 receivables (the sample's ratios), on
// native DuckDB (a Node session) and in headless Chromium on duckdb-wasm (the built app: files loaded
// through the file picker, each recipe's cells opened as a notebook and run with "Trust and run"), plus
// the BG/NBD + Gamma-Gamma fit on CDNOW and on the 100,000 bench customers. Prints
// `recipe | native ms | chromium ms`, and per cell for recipes over 5 s (over BENCH_CELLS_MS ms when set; 0: every recipe). Times: native = Session.runAll of
// the recipe's notebook; Chromium = click on "Trust and run" to the last cell's data-state done/error
// (MutationObserver, performance.now() in the page), after a warm-up query over every table.
//
// Alone: `npx tsx scripts/bench-recipes.ts [--orders N] [--customers N] [--build | --dist DIR] [--no-browser] [--no-native] [--no-fits] [--only id,id] [--split] [--pause MS]`
// `--split` logs per notebook where the time went: cells done, charts drawn, the DuckDB worker's busy time, per cell
// (with its worker requests by type: a statement count, polls of a running query, result fetches, reads),
// and the CPU time of Chromium's processes and threads from the click to the last chart drawn (scripts/browser-cpu.ts).
// `--pause MS` waits that long after the loads (a user reading: the engine's idle-time warm-up runs then).
// Data (seeded, deterministic: DuckDB's hash of the row number and a salt) goes to .bench/recipes-v4-<orders>-<customers>/,
// the app build to .bench/dist-recipes (never dist/; built when missing, or with --build).
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Engine } from "../src/engine/engine";
import { nativeEngine } from "../src/engine/native/native-engine";
import { fileSourceFromPath } from "../src/engine/node-file";
import { tableNameFor } from "../src/engine/table-name";
import { CATALOGUE, buildRecipe } from "../src/recipes/registry";
import { fitBgNbd, fitGammaGamma } from "../src/recipes/models";
import { serializeNotebook } from "../src/notebook/serialize";
import type { Notebook } from "../src/notebook/types";
import { openSession } from "../src/session/session";
import { nodeCodeRunner } from "../src/sandbox-node/node-runner";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "../test/recipes/sample-bindings";
import { buildApp, isMain, parseArgs, root, withApp } from "./bench-browser";
import { WORKER_TRIPS, workerTime, type RoundTrip } from "./worker-trips";
import { browserCpu, cpuSpent } from "./browser-cpu";

/** The generated tables: the sample's, each written to <table>.csv. */
const TABLES = SAMPLE_TABLES.map(([table]) => table);

/** What to run. */
export interface BenchRecipesOptions {
  /** Orders rows (default 1,000,000). */
  readonly orders?: number;
  /** Customers (default 100,000); survey answers = customers, deals = 2 x customers, receivables = 6 x customers. */
  readonly customers?: number;
  /** Build the app into .bench/dist-recipes first (default: only when it is missing). */
  readonly build?: boolean;
  /** An existing app build to serve (say bench.ts's .bench/dist); default .bench/dist-recipes, built when missing. */
  readonly dist?: string;
  /** Time in headless Chromium too (default true). */
  readonly browser?: boolean;
  /** Time a Node session on native DuckDB too (default true). */
  readonly native?: boolean;
  /** Only these recipe ids (default: all of CATALOGUE). */
  readonly only?: readonly string[];
  /** Time the BG/NBD + Gamma-Gamma fits too (default true). */
  readonly fits?: boolean;
  /** Chromium: also wait for every chart drawn and log where each notebook's time went (DuckDB worker, per cell). */
  readonly split?: boolean;
  /** Chromium: ms to wait after the data loads before the first notebook (a user reading: the engine's idle time). */
  readonly pause?: number;
  /** Progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

/** One line of the table; null where it was not measured; `note` says what failed. */
export interface Row {
  readonly recipe: string;
  readonly nativeMs: number | null;
  readonly chromiumMs: number | null;
  /** The longest main-thread task in Chromium during the run (0: none over 50 ms); null where not measured. */
  readonly longestTaskMs: number | null;
  readonly note?: string;
  /** Per cell (by name) the ms natively and in Chromium, for recipes taking over 5 s on either side. */
  readonly cells?: Record<string, { native?: number; chromium?: number }>;
}

function notebookOf(
  cells: readonly {
    kind: Notebook["cells"][number]["kind"];
    name?: string;
    attrs?: Readonly<Record<string, string>>;
    source: string;
  }[],
  title: string,
): string {
  const nb: Notebook = {
    frontMatter: { notebook: 1, title, data: {}, extra: {} },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  } as Notebook;
  return serializeNotebook(nb);
}

/** Touches every table once before timing (the first query after a load pays a warm-up, ~2 s in Chromium). */
const WARM_UP = (tables: readonly string[]) =>
  notebookOf(
    tables.map((t, i) => ({
      kind: "sql" as const,
      name: `warm_up_${i}`,
      source: `SELECT count(*) AS n, count(DISTINCT COLUMNS(*)) FROM "${t}"`,
    })),
    "warm-up",
  );

/** The notebook text of recipe `id` built with its defaults on the bench tables. */
export const recipeNotebook = (id: string) =>
  notebookOf(buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] }), id);

// ---------------------------------------------------------------------------------------------------
// Data: seeded CSVs with the sample files' columns, written by native DuckDB.

const pick = (items: readonly string[], u: string) =>
  `([${items.map((s) => `'${s}'`).join(", ")}])[1 + CAST(floor(${u} * ${items.length}) AS INTEGER)]`;

function dataSql(dir: string, orders: number, customers: number): string[] {
  const cust = (u: string) => `'C' || lpad(CAST(1 + CAST(floor(${u} * ${customers}) AS BIGINT) AS VARCHAR), 6, '0')`;
  const file = (name: string) => `'${join(dir, `${name}.csv`).replace(/'/g, "''")}'`;
  return [
    // u(i, salt): a uniform number in [0, 1) from the row number and a salt (the seed).
    "CREATE OR REPLACE TEMP MACRO u(i, s) AS CAST(hash(i, s, 20251123) % 1000003 AS DOUBLE) / 1000003",
    `COPY (SELECT 'C' || lpad(CAST(i AS VARCHAR), 6, '0') AS customer_id, 'Customer ' || i AS name,
        ${pick(["Energy", "Retail", "Professional Services", "Manufacturing", "Technology", "Healthcare", "Financial Services", "Logistics"], "u(i, 1)")} AS industry,
        CASE WHEN u(i, 2) < 0.54 THEN 'small' WHEN u(i, 2) < 0.88 THEN 'medium' ELSE 'large' END AS size,
        CASE WHEN u(i, 2) < 0.54 THEN 10 + CAST(floor(u(i, 3) * 90) AS INTEGER) WHEN u(i, 2) < 0.88 THEN 100 + CAST(floor(u(i, 3) * 900) AS INTEGER) ELSE 1000 + CAST(floor(u(i, 3) * 20000) AS INTEGER) END AS employees,
        CASE WHEN u(i, 2) < 0.54 THEN '< 10M' WHEN u(i, 2) < 0.88 THEN '10M-100M' ELSE '> 100M' END AS revenue_band,
        ${pick(["DACH", "DACH", "Southern Europe", "North America", "UK & Ireland", "Benelux", "Nordics"], "u(i, 4)")} AS region,
        ${pick(["Germany", "United States", "United Kingdom", "France", "Switzerland", "Netherlands", "Italy", "Spain", "Austria", "Sweden"], "u(i, 5)")} AS country,
        DATE '2018-01-01' + CAST(floor(u(i, 6) * 2500) AS INTEGER) AS first_contact_date
      FROM range(1, ${customers + 1}) AS t(i)) TO ${file("customers")} (HEADER)`,
    // "Buy till you die": each customer starts on their own day, buys every `gap` days (jittered) and stops
    // after a geometric number of purchases (dropout probability p per purchase), so customers visibly drop
    // out as BG/NBD assumes; cut at 2025-06-30 and at `orders` rows (about 1.0M for 100,000 customers).
    `COPY (WITH c AS (SELECT k, CAST(floor(u(k, 61) * 880) AS INTEGER) AS first_day, 0.025 + 0.4 * pow(u(k, 62), 2) AS p,
          50 + 3000 * -ln(1 - u(k, 67)) AS spend,
          2 + 60 * u(k, 63) * u(k, 64) AS gap FROM range(1, ${customers + 1}) AS t(k)),
        n AS (SELECT *, least(400, 1 + CAST(floor(ln(1 - u(k, 65)) / ln(1 - p)) AS INTEGER)) AS n FROM c),
        o AS (SELECT k, first_day, gap, spend, unnest(range(n)) AS j FROM n),
        d AS (SELECT k, j, spend, first_day + CAST(floor(j * gap + CASE WHEN j > 0 THEN (u(k * 1000 + j, 66) - 0.5) * gap ELSE 0 END) AS INTEGER) AS day FROM o),
        kept AS (SELECT k, day, spend, row_number() OVER (ORDER BY k, j) AS i FROM d WHERE day < 911 QUALIFY i <= ${orders})
      SELECT 'O' || lpad(CAST(i AS VARCHAR), 7, '0') AS order_id, 'C' || lpad(CAST(k AS VARCHAR), 6, '0') AS customer_id,
        DATE '2023-01-02' + day AS order_date,
        -- Spend per order: Gamma(2) around the customer's own mean (what Gamma-Gamma assumes).
        round(1 + spend * (ln(1 - u(i, 13)) + ln(1 - u(i, 14))) / -2, 2) AS amount,
        round((1 + spend * (ln(1 - u(i, 13)) + ln(1 - u(i, 14))) / -2) * (0.1 + 0.4 * u(i, 15)), 2) AS margin,
        ${pick(["Software Licenses", "Software Licenses", "Support & Maintenance", "Support & Maintenance", "Consulting", "Consulting", "Hardware", "Training"], "u(i, 16)")} AS category,
        ${pick(["Direct", "Direct", "Direct", "Partner", "Partner", "Online"], "u(i, 17)")} AS channel
      FROM kept ORDER BY i) TO ${file("orders")} (HEADER)`,
    // Respondents answer all 7 attributes: answer i is respondent i // 7, attribute i % 7.
    `COPY (SELECT ${cust("u(i // 7, 21)")} AS customer_id, DATE '2024-03-01' + CAST(floor(u(i // 7, 22) * 393) AS INTEGER) AS survey_date,
        (['Product quality', 'Price / value', 'Delivery reliability', 'Support responsiveness', 'Ease of use', 'Account management', 'Documentation'])[1 + CAST(i % 7 AS INTEGER)] AS attribute,
        1 + CAST(floor(u(i, 23) * 5) AS INTEGER) AS importance, 1 + CAST(floor(u(i, 24) * 5) AS INTEGER) AS satisfaction,
        CAST(floor(u(i // 7, 25) * 11) AS INTEGER) AS nps
      FROM range(0, ${customers}) AS t(i)) TO ${file("survey")} (HEADER)`,
    ...["deals", "pipeline"].map(
      (
        name,
      ) => `COPY (WITH d AS (SELECT i, CASE WHEN u(i, 31) < 0.5 THEN 'won' WHEN u(i, 31) < 0.86 THEN 'lost' ELSE 'open' END AS outcome,
          CASE WHEN u(i, 33) < 0.79 THEN ${pick(["Contoso Systems", "PriceRight", "Globex", "Initech"], "u(i, 34)")} END AS competitor,
          1000 + CAST(floor(80000 * u(i, 35) * u(i, 36)) AS INTEGER) AS amount FROM range(1, ${2 * customers + 1}) AS t(i))
        SELECT 'D' || lpad(CAST(i AS VARCHAR), 7, '0') AS deal_id, ${cust("u(i, 32)")} AS customer_id,
          DATE '2022-12-01' + CAST(floor(u(i, 37) * 940) AS INTEGER) AS created,
          CASE WHEN outcome <> 'open' THEN DATE '2022-12-01' + CAST(floor(u(i, 37) * 940) AS INTEGER) + 20 + CAST(floor(u(i, 38) * 130) AS INTEGER) END AS closed,
          CASE WHEN outcome = 'won' THEN 'won' ELSE ${pick(["lead", "qualified", "proposal", "negotiation"], "u(i, 39)")} END AS stage,
          outcome, amount, CAST(amount / (2 + floor(u(i, 40) * 8)) AS INTEGER) AS our_price, competitor,
          CASE WHEN competitor IS NOT NULL THEN CAST(amount / (2 + floor(u(i, 40) * 8)) * (0.8 + 0.4 * u(i, 41)) AS INTEGER) END AS competitor_price,
          CASE WHEN outcome = 'lost' THEN ${pick(["price", "no decision", "features", "relationship", "timing"], "u(i, 42)")} END AS loss_reason
        FROM d) TO ${file(name)} (HEADER)`,
    ),
    `COPY (SELECT ${cust("pow(u(i, 51), 1.6)")} AS customer_id, 'I' || lpad(CAST(i AS VARCHAR), 7, '0') AS invoice_id,
        DATE '2024-01-01' + CAST(floor(u(i, 52) * 540) AS INTEGER) AS invoice_date,
        DATE '2024-01-01' + CAST(floor(u(i, 52) * 540) AS INTEGER) + 30 AS due_date,
        CASE WHEN u(i, 53) >= 0.07 THEN DATE '2024-01-01' + CAST(floor(u(i, 52) * 540) AS INTEGER) + 20 + CAST(floor(90 * u(i, 54) * u(i, 55)) AS INTEGER) END AS paid_date,
        round(200 + 20000 * u(i, 56) * u(i, 57), 2) AS amount
      FROM range(1, ${6 * customers + 1}) AS t(i)) TO ${file("receivables")} (HEADER)`,
  ];
}

async function writeData(dir: string, orders: number, customers: number, log: (line: string) => void): Promise<void> {
  if (TABLES.every((t) => existsSync(join(dir, `${t}.csv`)))) return;
  mkdirSync(dir, { recursive: true });
  log(`writing the bench data into ${dir} ...`);
  // Unlocked: the data is written with COPY, which notebook SQL may not.
  const engine = await nativeEngine({ unlocked: true });
  try {
    for (const sql of dataSql(dir, orders, customers)) await engine.query(sql);
  } finally {
    await engine.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// The model fits: calibration summaries (weeks) from purchases, as notebooks/cdnow-clv.md computes them.

export const CDNOW = join(root, "public/notebooks/cdnowElog.csv");

function purchasesSql(table: string, cdnow: boolean): string {
  return cdnow
    ? `SELECT CAST(masterid AS VARCHAR) AS customer_id, CAST(strptime(CAST("date" AS VARCHAR), '%Y%m%d') AS DATE) AS day, sum(sales) AS spend FROM "${table}" GROUP BY ALL`
    : `SELECT customer_id, CAST(order_date AS DATE) AS day, sum(amount) AS spend FROM "${table}" GROUP BY ALL`;
}

function calibrationSql(purchases: string, calEnd: string): string {
  return `WITH numbered AS (
  SELECT customer_id, day, spend, row_number() OVER (PARTITION BY customer_id ORDER BY day) AS n, min(day) OVER (PARTITION BY customer_id) AS first_day
  FROM "${purchases}"
)
SELECT customer_id, count(*) FILTER (WHERE day <= DATE '${calEnd}') - 1 AS x,
  (max(day) FILTER (WHERE day <= DATE '${calEnd}') - first_day) / 7.0 AS t_x,
  (DATE '${calEnd}' - first_day) / 7.0 AS "T",
  avg(spend) FILTER (WHERE n > 1 AND day <= DATE '${calEnd}') AS mean_repeat_spend
FROM numbered WHERE first_day <= DATE '${calEnd}'
GROUP BY customer_id, first_day ORDER BY customer_id`;
}

const FIT_TS = (
  calibration: string,
) => `const bg = lib.fitBgNbd(${calibration}.map((c) => ({ x: c.x, tx: c.t_x, T: c.T })));
if (!bg.ok) throw new Error(bg.error);
const gg = lib.fitGammaGamma(${calibration}.filter((c) => c.x > 0).map((c) => ({ x: c.x, meanSpend: c.mean_repeat_spend })));
if (!gg.ok) throw new Error(gg.error);
return [{ ...bg.value.params, ...gg.value.params, customers: bg.value.customers }];`;

interface Fit {
  readonly label: string;
  readonly table: string;
  readonly cdnow: boolean;
  readonly calEnd: string;
  readonly prefix: string;
}

function fitsFor(orders: string, customers: number, cdnowTable: string): Fit[] {
  return [
    {
      label: "BG/NBD + Gamma-Gamma fit: CDNOW (2,357 customers)",
      table: cdnowTable,
      cdnow: true,
      calEnd: "1997-09-30",
      prefix: "fit_cdnow",
    },
    {
      label: `BG/NBD + Gamma-Gamma fit: ${customers.toLocaleString("en")} bench customers`,
      table: orders,
      cdnow: false,
      calEnd: "2024-12-31",
      prefix: "fit_bench",
    },
  ];
}

/** The fit's cells: purchases and calibration (sql), then the fit (ts); the ts cell's time is the fit's. */
function fitNotebook(fit: Fit): string {
  return notebookOf(
    [
      { kind: "sql", name: `${fit.prefix}_purchases`, source: purchasesSql(fit.table, fit.cdnow) },
      { kind: "sql", name: `${fit.prefix}_calibration`, source: calibrationSql(`${fit.prefix}_purchases`, fit.calEnd) },
      { kind: "ts", name: fit.prefix, source: FIT_TS(`${fit.prefix}_calibration`) },
    ],
    fit.label,
  );
}

/** Times the fit in Node on summaries queried from native DuckDB (the fit alone, as the ts cell runs it). */
async function nativeFit(engine: Engine, fit: Fit): Promise<number> {
  await engine.query(`CREATE OR REPLACE TEMP TABLE "${fit.prefix}_purchases" AS ${purchasesSql(fit.table, fit.cdnow)}`);
  const rows = (await engine.query(calibrationSql(`${fit.prefix}_purchases`, fit.calEnd))).rows() as unknown as {
    x: number;
    t_x: number;
    T: number;
    mean_repeat_spend: number | null;
  }[];
  const t0 = performance.now();
  const bg = fitBgNbd(rows.map((c) => ({ x: Number(c.x), tx: c.t_x, T: c.T })));
  const gg = fitGammaGamma(
    rows.filter((c) => Number(c.x) > 0).map((c) => ({ x: Number(c.x), meanSpend: c.mean_repeat_spend! })),
  );
  const ms = performance.now() - t0;
  if (!bg.ok) throw new Error(bg.error);
  if (!gg.ok) throw new Error(gg.error);
  return ms;
}

// ---------------------------------------------------------------------------------------------------
// Native: a Node session on native DuckDB (the CLI's path), each recipe opened and run as a notebook.

interface Timed {
  readonly ms: number | null;
  readonly note?: string;
  /** Per cell name: ms from running to done. */
  readonly cells?: Record<string, number>;
  /** Chromium: the longest main-thread task (PerformanceObserver "longtask", 50 ms and up) during the run. */
  readonly longestTaskMs?: number;
}

async function benchNative(
  dir: string,
  ids: readonly string[],
  fits: readonly Fit[],
  log: (line: string) => void,
): Promise<Map<string, Timed>> {
  const out = new Map<string, Timed>();
  const engine = await nativeEngine();
  const runner = nodeCodeRunner({ timeoutMs: 0 });
  try {
    const session = openSession(engine, { runner, liveDelayMs: false });
    const t0 = performance.now();
    for (const table of TABLES) await session.loadFile(fileSourceFromPath(join(dir, `${table}.csv`)), { table });
    const cdnowTable = tableNameFor(CDNOW, []);
    await session.loadFile(fileSourceFromPath(CDNOW), { table: cdnowTable });
    log(`native: data loaded in ${Math.round(performance.now() - t0)} ms`);
    session.open(WARM_UP([...TABLES, cdnowTable]), { trusted: true });
    await session.runAll();
    for (const id of ids) {
      session.open(recipeNotebook(id), { trusted: true });
      const start = performance.now();
      await session.runAll();
      const ms = performance.now() - start;
      const failed = session.getState().cells.filter((c) => c.status === "error");
      const note = failed.length
        ? `native: ${failed.map((c) => `${c.cell.name}: ${c.error?.message.split("\n")[0]}`).join("; ")}`
        : undefined;
      const cells = Object.fromEntries(
        session
          .getState()
          .cells.filter((c) => c.elapsedMs !== undefined)
          .map((c) => [c.cell.name ?? c.cell.id, c.elapsedMs!]),
      );
      out.set(id, { ms, note, cells });
      log(`native ${id}: ${Math.round(ms)} ms${note ? ` (${note})` : ""}`);
    }
    for (const fit of fits) {
      const ms = await nativeFit(engine, fit).then(
        (v) => ({ ms: v }),
        (e: Error) => ({ ms: null, note: `native: ${e.message}` }),
      );
      out.set(fit.label, ms);
      log(`native ${fit.label}: ${ms.ms === null ? ms.note : `${Math.round(ms.ms)} ms`}`);
    }
  } finally {
    runner.close();
    await engine.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Chromium: the built app on duckdb-wasm; per recipe, a notebook of its cells opened and run.

/**
 * Times each notebook in the page: a MutationObserver records every cell's data-state changes with
 * performance.now(); the time is from the click on "Trust and run" to the last cell leaving "running"
 * once every runnable cell is done or failed. Returns per notebook the time, and the failed cells.
 */
export async function benchBrowser(
  dist: string,
  dir: string,
  notebooks: readonly { key: string; text: string; cell?: string }[],
  cdnowTable: string,
  log: (line: string) => void,
  split = false,
  pause = 0,
): Promise<Map<string, Timed>> {
  const out = new Map<string, Timed>();
  return withApp(dist, split ? { init: WORKER_TRIPS } : {}, async ({ page }) => {
    const files = [...TABLES.map((t) => join(dir, `${t}.csv`)), CDNOW];
    const t0 = performance.now();
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles(files);
    for (const file of files) {
      const table = tableNameFor(file, []);
      await page.waitForSelector(`[data-table="${table}"][data-rows], [data-role="load-error"]`, { timeout: 900_000 });
    }
    if (await page.locator('[data-role="load-error"]').count())
      throw new Error(`load failed: ${await page.locator('[data-role="load-error"]').first().textContent()}`);
    log(`chromium: data loaded in ${Math.round(performance.now() - t0)} ms`);
    if (tableNameFor(CDNOW, []) !== cdnowTable)
      throw new Error(`CDNOW table is ${tableNameFor(CDNOW, [])}, expected ${cdnowTable}`);
    if (pause) await page.waitForTimeout(pause);
    for (const nb of [{ key: "warm-up", text: WARM_UP([...TABLES, cdnowTable]), cell: undefined }, ...notebooks]) {
      await page
        .locator('input[data-action="open-notebook"]')
        .setInputFiles({ name: `${nb.key}.md`, mimeType: "text/markdown", buffer: Buffer.from(nb.text) });
      await page.waitForSelector('[data-action="trust"]', { timeout: 60_000 });
      // The engine's idle-time warm-up (src/ui/engine-warm-up.ts) as the notebook starts: absent, running, done, skipped.
      const warm = await page.evaluate(() => document.body.dataset.engineWarmUp ?? "none");
      const cpuBefore = split ? browserCpu() : undefined;
      // Observe, then click in the same task, so the clock starts at the click.
      await page.evaluate(() => {
        const w = window as unknown as {
          __bench: {
            t0: number;
            ends: Record<string, number>;
            starts: Record<string, number>;
            drawn: Record<string, number>;
            observer?: MutationObserver;
            tasks?: PerformanceObserver;
            longest: number;
          };
        };
        w.__bench?.observer?.disconnect();
        w.__bench?.tasks?.disconnect();
        const bench: typeof w.__bench = { t0: 0, ends: {}, starts: {}, drawn: {}, longest: 0 };
        // The page's longest main-thread task while the notebook runs (a frozen UI shows here).
        bench.tasks = new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            if (e.startTime >= bench.t0) bench.longest = Math.max(bench.longest, e.duration);
        });
        bench.tasks.observe({ type: "longtask" });
        bench.observer = new MutationObserver((records) => {
          const now = performance.now();
          for (const r of records) {
            const el = r.target as HTMLElement;
            // A chart frame's element says when the frame has drawn the fresh chart.
            if (r.attributeName === "data-drawn") {
              const cell = el.closest<HTMLElement>("[data-cell]")?.dataset.cell;
              if (cell && el.dataset.drawn === "fresh") bench.drawn[cell] = now;
              continue;
            }
            const name = el.dataset.cell!;
            if (el.dataset.state === "running") bench.starts[name] ??= now;
            else if (el.dataset.state === "done" || el.dataset.state === "error") bench.ends[name] = now;
          }
        });
        bench.observer.observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ["data-state", "data-drawn"],
        });
        if ((window as unknown as { __trips?: unknown[] }).__trips)
          (window as unknown as { __trips: unknown[] }).__trips = [];
        w.__bench = bench;
        bench.t0 = performance.now();
        (document.querySelector('[data-action="trust"]') as HTMLElement).click();
      });
      try {
        await page.waitForFunction(
          () => {
            const cells = [...document.querySelectorAll<HTMLElement>("[data-cell][data-state]")].filter((el) =>
              ["sql", "ts", "chart"].includes(el.dataset.kind ?? ""),
            );
            return cells.length > 0 && cells.every((el) => el.dataset.state === "done" || el.dataset.state === "error");
          },
          undefined,
          { polling: 50, timeout: 900_000 },
        );
        // Split: also until every chart frame has drawn its fresh chart (or failed), however long the frames take.
        if (split)
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll<HTMLElement>('[data-cell][data-kind="chart"]')].every(
                (el) => el.querySelector('figure[data-drawn="fresh"], [data-role="chart-error"]') !== null,
              ),
            undefined,
            { polling: 50, timeout: 120_000 },
          );
        const result = await page.evaluate((cell) => {
          const w = window as unknown as {
            __bench: {
              t0: number;
              ends: Record<string, number>;
              starts: Record<string, number>;
              drawn: Record<string, number>;
              longest: number;
            };
            __trips?: RoundTrip[];
          };
          const b = w.__bench;
          const failed = [...document.querySelectorAll<HTMLElement>('[data-cell][data-state="error"]')].map(
            (el) =>
              `${el.dataset.cell}: ${(el.querySelector('[data-role="cell-error"], .error')?.textContent ?? "").trim().split("\n")[0].slice(0, 200)}`,
          );
          const ms = cell ? b.ends[cell] - b.starts[cell] : Math.max(...Object.values(b.ends)) - b.t0;
          const cells = Object.fromEntries(
            Object.keys(b.ends)
              .filter((name) => b.starts[name] !== undefined)
              .map((name) => [name, b.ends[name] - b.starts[name]]),
          );
          // On the trips' clock (performance.timeOrigin + performance.now()).
          // (No named helper: tsx would wrap it in a `__name` the page lacks.)
          const origin = performance.timeOrigin;
          const stamps = {
            t0: origin + b.t0,
            starts: Object.fromEntries(Object.entries(b.starts).map(([k, v]) => [k, origin + v])),
            ends: Object.fromEntries(Object.entries(b.ends).map(([k, v]) => [k, origin + v])),
            drawn: Object.fromEntries(Object.entries(b.drawn).map(([k, v]) => [k, origin + v])),
          };
          return { ms, failed, cells, longest: b.longest, stamps, trips: w.__trips ?? [] };
        }, nb.cell ?? null);
        if (split) {
          const spent = cpuSpent(cpuBefore!, browserCpu());
          const cpu = spent.map(([key, ms]) => `${key} ${ms}`).join(", ");
          log([...splitLines(nb.key, result.stamps, result.trips), `  CPU ms: ${cpu}`].join("\n"));
        }
        const note = result.failed.length ? `chromium: ${result.failed.join("; ")}` : undefined;
        const ms = Number.isFinite(result.ms) ? result.ms : null;
        out.set(nb.key, { ms, note, cells: result.cells, longestTaskMs: result.longest });
        if (nb.key === "warm-up" && note) throw new Error(note);
        const longest = `longest main-thread task ${Math.round(result.longest)} ms`;
        log(`chromium ${nb.key}: ${Math.round(result.ms)} ms, ${longest}, warm-up ${warm}${note ? ` (${note})` : ""}`);
      } catch (e) {
        out.set(nb.key, { ms: null, note: `chromium: ${(e as Error).message.split("\n")[0]}` });
        log(`chromium ${nb.key}: failed: ${(e as Error).message.split("\n")[0]}`);
        await page
          .locator('[data-action="stop"]')
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      }
    }
    return out;
  });
}

/** A run's stamps on the trips' clock: the click, each cell's first `running` and last `done`, each chart drawn. */
interface RunStamps {
  readonly t0: number;
  readonly starts: Record<string, number>;
  readonly ends: Record<string, number>;
  readonly drawn: Record<string, number>;
}

/**
 * Where a notebook's wall time went (`--split`): click -> last cell done -> last chart drawn, the DuckDB worker's
 * busy time (its handlers, stamped inside the worker) and round trips in all, and per cell its wall and worker time.
 */
function splitLines(key: string, s: RunStamps, trips: readonly RoundTrip[]): string[] {
  const done = Math.max(...Object.values(s.ends));
  const drawn = Math.max(done, ...Object.values(s.drawn));
  const handled = trips.filter((t) => t.begun !== undefined && t.answered !== undefined);
  const busy = (from: number, to: number) =>
    workerTime(
      handled.map((t) => ({ ...t, from: t.begun!, to: t.answered! })),
      from,
      to,
    );
  const all = busy(s.t0, drawn);
  const ms = (v: number) => `${Math.round(v)}`.padStart(6);
  const lines = [
    `split ${key}: cells done ${ms(done - s.t0)} ms, charts drawn ${ms(drawn - s.t0)} ms, DuckDB worker busy ${ms(all.ms)} ms in ${all.count} round trips`,
  ];
  for (const name of Object.keys(s.starts).sort((a, b) => s.starts[a] - s.starts[b])) {
    const end = s.ends[name];
    if (end === undefined) continue;
    const w = busy(s.starts[name], end);
    const chart = s.drawn[name] !== undefined ? `, drawn at ${ms(s.drawn[name] - s.t0)}` : "";
    // The page's share: before the first request is posted, requests waiting for the worker, answers waiting
    // for the page, and after the last answer until the cell shows done.
    const own = handled.filter((t) => t.from >= s.starts[name] && t.to <= end);
    const page = own.length
      ? `; page: before ${ms(own[0].from - s.starts[name])}, to worker ${ms(own.reduce((a, t) => a + t.begun! - t.from, 0))}, to page ${ms(own.reduce((a, t) => a + t.to - t.answered!, 0))}, after ${ms(end - own[own.length - 1].to)}`
      : "";
    lines.push(
      `  ${name.padEnd(24)} ${ms(s.starts[name] - s.t0)} -> ${ms(end - s.t0)}: wall ${ms(end - s.starts[name])}, worker ${ms(w.ms)} (${w.count} trips)${chart}${page}`,
    );
    if (own.length) lines.push(`    requests: ${requestKinds(own)}`);
  }
  return lines;
}

/** The round trips by request type: how many, and the worker's time in them (`POLL_PENDING_QUERY 12x 1,204 ms`). */
function requestKinds(trips: readonly RoundTrip[]): string {
  const kinds = new Map<string, [number, number]>();
  for (const t of trips) {
    const [count, ms] = kinds.get(t.type) ?? [0, 0];
    kinds.set(t.type, [count + 1, ms + t.answered! - t.begun!]);
  }
  return [...kinds]
    .map(([type, [count, ms]]) => `${type} ${count}x ${Math.round(ms).toLocaleString("en")} ms`)
    .join(", ");
}

// ---------------------------------------------------------------------------------------------------

/** Runs the bench and returns one row per recipe and per fit. */
export async function benchRecipes(options: BenchRecipesOptions = {}): Promise<Row[]> {
  const log = options.log ?? ((line: string) => console.error(`  ${line}`));
  const orders = options.orders ?? 1_000_000;
  const customers = options.customers ?? 100_000;
  const dir = join(root, ".bench", `recipes-v4-${orders}-${customers}`);
  await writeData(dir, orders, customers, log);
  log(
    `data: ${TABLES.map((t) => `${t}.csv ${(statSync(join(dir, `${t}.csv`)).size / 1024 / 1024).toFixed(1)} MiB`).join(", ")}`,
  );
  const ids = CATALOGUE.map((r) => r.id).filter((id) => !options.only?.length || options.only.includes(id));
  const cdnowTable = tableNameFor(CDNOW, []);
  const fits = options.fits === false ? [] : fitsFor("orders", customers, cdnowTable);
  const native = options.native === false ? new Map<string, Timed>() : await benchNative(dir, ids, fits, log);
  let chromium = new Map<string, Timed>();
  if (options.browser ?? true) {
    const notebooks = [
      ...ids.map((id) => ({ key: id, text: recipeNotebook(id) })),
      ...fits.map((fit) => ({ key: fit.label, text: fitNotebook(fit), cell: fit.prefix })),
    ];
    try {
      chromium = await benchBrowser(
        options.dist ?? buildApp({ outDir: join(root, ".bench/dist-recipes"), reuse: !options.build }),
        dir,
        notebooks,
        cdnowTable,
        log,
        options.split,
        options.pause,
      );
    } catch (e) {
      log(`chromium: failed: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  return [...ids, ...fits.map((f) => f.label)].map((key) => {
    const n = native.get(key),
      c = chromium.get(key);
    const note = [n?.note, c?.note].filter(Boolean).join("; ");
    const slow = Math.max(n?.ms ?? 0, c?.ms ?? 0) > Number(process.env.BENCH_CELLS_MS ?? 5000);
    const cells: Record<string, { native?: number; chromium?: number }> = {};
    if (slow)
      for (const [side, times] of [
        ["native", n?.cells],
        ["chromium", c?.cells],
      ] as const)
        for (const [name, ms] of Object.entries(times ?? {})) (cells[name] ??= {})[side] = ms;
    return {
      recipe: key,
      nativeMs: n?.ms ?? null,
      chromiumMs: c?.ms ?? null,
      longestTaskMs: c?.longestTaskMs ?? null,
      ...(note ? { note } : {}),
      ...(slow ? { cells } : {}),
    };
  });
}

/** The rows as a text table: recipe | native ms | chromium ms | longest task ms (notes below). */
export function formatRecipeTable(rows: readonly Row[]): string {
  const cell = (v: number | null) => (v === null ? "-" : Math.round(v).toLocaleString("en"));
  const width = Math.max(6, ...rows.map((r) => r.recipe.length));
  const lines = [
    `${"recipe".padEnd(width)} | native ms | chromium ms | longest task ms`,
    `${"-".repeat(width)}-|-----------|-------------|----------------`,
  ];
  for (const r of rows)
    lines.push(
      `${r.recipe.padEnd(width)} | ${cell(r.nativeMs).padStart(9)} | ${cell(r.chromiumMs).padStart(11)} | ${cell(r.longestTaskMs).padStart(15)}`,
    );
  for (const r of rows.filter((row) => row.cells)) {
    for (const [name, t] of Object.entries(r.cells!))
      lines.push(
        `${`  ${r.recipe} / ${name}`.padEnd(width)} | ${cell(t.native ?? null).padStart(9)} | ${cell(t.chromium ?? null).padStart(11)}`,
      );
  }
  const notes = rows.filter((r) => r.note).map((r) => `${r.recipe}: ${r.note}`);
  return [...lines, ...(notes.length ? ["", ...notes] : [])].join("\n");
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const rows = await benchRecipes({
    orders: args.number("--orders", 0) || undefined,
    customers: args.number("--customers", 0) || undefined,
    build: args.flag("--build") || undefined,
    dist: args.value("--dist") ? resolve(args.value("--dist")!) : undefined,
    browser: !args.flag("--no-browser"),
    native: !args.flag("--no-native"),
    only: args.list("--only"),
    fits: !args.flag("--no-fits"),
    split: args.flag("--split") || undefined,
    pause: args.number("--pause", 0),
  });
  console.log(`\n${formatRecipeTable(rows)}`);
}
