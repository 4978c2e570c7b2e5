// Threads or not (issue 15, item 4): the same built app in headless Chromium twice, each a repeat visit
// served by its service worker: once the default page (not isolated: duckdb-wasm's one-thread `eh` build)
// and once the page opened with `?threads=on` (cross-origin isolated: the threaded `coi` build, opt-in).
// Each run times the engine start of that page, the load of a seeded ~1M-row orders CSV (and 100,000
// customers) through the file picker, and a few recipes on them (each opened as a notebook, "Trust and
// run" to its last cell).
//
// CLI: `npx tsx scripts/bench-threads.ts [--orders N] [--customers N] [--dist DIR] [--only rfm,abc]`;
// serves dist/ (build it first with `npx vite build`); data goes to .bench/threads-<orders>-<customers>/.
import { existsSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { nativeEngine } from "../src/engine/native/native-engine";
import { buildRecipe } from "../src/recipes/registry";
import { serializeNotebook } from "../src/notebook/serialize";
import type { Notebook } from "../src/notebook/types";
import { launchChromium, recordedContext, serveDirectory } from "../test/browser/harness";
import { withThreads } from "../src/sw/isolation";
import { PARAMS, tablesOf } from "../test/recipes/sample-bindings";

const root = resolve(import.meta.dirname, "..");

/** What to run: sizes, the app build, the recipes. */
export interface BenchThreadsOptions {
  readonly orders?: number;
  readonly customers?: number;
  /** The built app to serve (default dist/). */
  readonly dist?: string;
  /** Recipe ids (default rfm, abc, pyramid, retention, clv). */
  readonly recipes?: readonly string[];
  /** Skip the one-thread run (its numbers come back as null). */
  readonly threadedOnly?: boolean;
  readonly log?: (line: string) => void;
}

/** One run's numbers (ms); null where a step failed. */
export interface ThreadsRun {
  readonly bundle: string;
  readonly threads: number;
  readonly engineMs: number;
  readonly loadMs: number;
  readonly recipes: Record<string, number | null>;
}

/** Both runs, with the load average when they started. */
export interface ThreadsBench {
  readonly loadAverage: readonly number[];
  readonly single: ThreadsRun;
  readonly threaded: ThreadsRun;
}

const u = (i: string, salt: number) => `(CAST(hash(${i}, ${salt}, 20251207) % 1000003 AS DOUBLE) / 1000003)`;

/** Seeded orders and customers CSVs with the sample files' columns, written by native DuckDB. */
async function writeData(dir: string, orders: number, customers: number): Promise<void> {
  if (existsSync(join(dir, "orders.csv")) && existsSync(join(dir, "customers.csv"))) return;
  mkdirSync(dir, { recursive: true });
  // Unlocked: the data is written with COPY, which notebook SQL may not.
  const engine = await nativeEngine({ unlocked: true });
  const pick = (items: string[], v: string) =>
    `([${items.map((s) => `'${s}'`).join(", ")}])[1 + CAST(floor(${v} * ${items.length}) AS INTEGER)]`;
  try {
    await engine.query(`COPY (SELECT 'C' || lpad(CAST(i AS VARCHAR), 6, '0') AS customer_id, 'Customer ' || i AS name,
        ${pick(["Energy", "Retail", "Technology", "Healthcare", "Logistics"], u("i", 1))} AS industry,
        ${pick(["small", "small", "medium", "large"], u("i", 2))} AS size, 10 + CAST(floor(${u("i", 3)} * 5000) AS INTEGER) AS employees,
        ${pick(["< 10M", "10M-100M", "> 100M"], u("i", 2))} AS revenue_band,
        ${pick(["DACH", "Nordics", "Benelux", "North America", "UK & Ireland"], u("i", 4))} AS region,
        ${pick(["Germany", "Sweden", "Netherlands", "United States", "United Kingdom"], u("i", 4))} AS country,
        DATE '2018-01-01' + CAST(floor(${u("i", 6)} * 2500) AS INTEGER) AS first_contact_date
      FROM range(1, ${customers + 1}) AS t(i)) TO '${join(dir, "customers.csv")}' (HEADER)`);
    await engine.query(`COPY (SELECT 'O' || lpad(CAST(i AS VARCHAR), 7, '0') AS order_id,
        'C' || lpad(CAST(1 + CAST(floor(pow(${u("i", 11)}, 1.6) * ${customers}) AS BIGINT) AS VARCHAR), 6, '0') AS customer_id,
        DATE '2023-01-02' + CAST(floor(${u("i", 12)} * 910) AS INTEGER) AS order_date,
        round(20 + 4000 * ${u("i", 13)} * ${u("i", 14)}, 2) AS amount,
        round((20 + 4000 * ${u("i", 13)} * ${u("i", 14)}) * (0.1 + 0.4 * ${u("i", 15)}), 2) AS margin,
        ${pick(["Software Licenses", "Support & Maintenance", "Consulting", "Hardware", "Training"], u("i", 16))} AS category,
        ${pick(["Direct", "Partner", "Online"], u("i", 17))} AS channel
      FROM range(1, ${orders + 1}) AS t(i)) TO '${join(dir, "orders.csv")}' (HEADER)`);
  } finally {
    await engine.close();
  }
}

function recipeNotebook(id: string): string {
  const cells = buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] });
  const nb = {
    frontMatter: { notebook: 1, title: id, data: {}, extra: {} },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  } as Notebook;
  return serializeNotebook(nb);
}

/** Opens `text` as a notebook, clicks "Trust and run" and waits for every cell: ms, or null on a failed cell. */
async function runNotebook(page: Page, name: string, text: string): Promise<number | null> {
  await page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name: `${name}.md`, mimeType: "text/markdown", buffer: Buffer.from(text) });
  await page.waitForSelector('[data-action="trust"]', { timeout: 60_000 });
  const t0 = await page.evaluate(() => {
    (document.querySelector('[data-action="trust"]') as HTMLElement).click();
    return performance.now();
  });
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
  const t1 = await page.evaluate(() => performance.now());
  const failed = await page.locator('[data-cell][data-state="error"]').count();
  return failed ? null : t1 - t0;
}

async function run(
  origin: string,
  threaded: boolean,
  dir: string,
  recipes: readonly string[],
  log: (l: string) => void,
) {
  const browser = await launchChromium();
  try {
    const recorded = await recordedContext(browser, { serviceWorkers: "allow" });
    const page = await recorded.newPage();
    const address = `${origin}/${threaded ? withThreads("") : ""}`;
    await page.goto(address);
    await page.waitForSelector("body[data-engine=ready]", { timeout: 300_000 });
    // The second visit is the one the service worker serves (with isolation headers when it asks for threads).
    await page.waitForSelector("body[data-offline=ready]", { timeout: 600_000 });
    await page.reload({ waitUntil: "commit" });
    await page.waitForSelector("body[data-engine=ready]", { timeout: 300_000 });
    const engineMs = await page.evaluate(() => performance.now());
    const bundle = (await page.evaluate(() => document.body.dataset.engineBundle)) ?? "?";
    const threads = Number(await page.evaluate(() => document.body.dataset.engineThreads));
    log(`${bundle}, ${threads} thread(s): engine ready ${Math.round(engineMs)} ms after navigation`);
    const t0 = performance.now();
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles([join(dir, "orders.csv")]);
    await page.waitForSelector('[data-table="orders"][data-rows], [data-role="load-error"]', { timeout: 900_000 });
    const loadMs = performance.now() - t0;
    const loadError = page.locator('[data-role="load-error"]');
    if (await loadError.count()) throw new Error(`${bundle}: orders.csv: ${await loadError.first().textContent()}`);
    log(`${bundle}: orders loaded in ${Math.round(loadMs)} ms`);
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles([join(dir, "customers.csv")]);
    await page.waitForSelector('[data-table="customers"][data-rows], [data-role="load-error"]', { timeout: 900_000 });
    if (await loadError.count()) throw new Error(`${bundle}: customers.csv: ${await loadError.first().textContent()}`);
    const warm = "```sql warm\nSELECT count(*), sum(amount) FROM orders JOIN customers USING (customer_id)\n```\n";
    await runNotebook(page, "warm-up", warm);
    const timed: Record<string, number | null> = {};
    for (const id of recipes) {
      timed[id] = await runNotebook(page, id, recipeNotebook(id));
      log(`${bundle}: ${id} ${timed[id] === null ? "failed" : `${Math.round(timed[id]!)} ms`}`);
    }
    const off = recorded.offOrigin(origin);
    if (off.length) throw new Error(`requests left the origin: ${off.join(" ")}`);
    return { bundle, threads, engineMs, loadMs, recipes: timed };
  } finally {
    await browser.close();
  }
}

const SKIPPED: ThreadsRun = { bundle: "eh", threads: 1, engineMs: NaN, loadMs: NaN, recipes: {} };

/** Runs the default (one-thread) and the opted-in threaded page one after the other and returns their numbers. */
export async function benchThreads(options: BenchThreadsOptions = {}): Promise<ThreadsBench> {
  const orders = options.orders ?? 1_000_000;
  const customers = options.customers ?? 100_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const dist = options.dist ?? join(root, "dist");
  if (!existsSync(join(dist, "sw.js"))) throw new Error(`${dist}/sw.js is missing: run \`npx vite build\` first`);
  const dir = join(root, ".bench", `threads-${orders}-${customers}`);
  await writeData(dir, orders, customers);
  const recipes = options.recipes ?? ["rfm", "abc", "pyramid", "retention", "clv"];
  const loadAverage = loadavg().map((n) => Math.round(n * 10) / 10);
  const server = await serveDirectory(dist);
  try {
    const single = options.threadedOnly ? SKIPPED : await run(server.origin, false, dir, recipes, log);
    const threaded = await run(server.origin, true, dir, recipes, log);
    return { loadAverage, single, threaded };
  } finally {
    await server.close();
  }
}

/** The numbers as a table: one thread, threads, and the ratio. */
export function formatThreadsTable(b: ThreadsBench): string {
  const row = (what: string, a: number | null, t: number | null) =>
    `| ${what} | ${a === null ? "failed" : Math.round(a)} | ${t === null ? "failed" : Math.round(t)} | ${
      a && t ? (a / t).toFixed(2) : "-"
    } |`;
  return [
    `load average at start: ${b.loadAverage.join(", ")}`,
    `| ms | ${b.single.bundle}, ${b.single.threads} thread | ${b.threaded.bundle}, ${b.threaded.threads} threads | speed-up |`,
    "| --- | --- | --- | --- |",
    row("engine ready (after navigation)", b.single.engineMs, b.threaded.engineMs),
    row("load orders CSV", b.single.loadMs, b.threaded.loadMs),
    ...Object.keys(b.single.recipes).map((id) => row(`recipe ${id}`, b.single.recipes[id], b.threaded.recipes[id])),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const result = await benchThreads({
    orders: Number(value("--orders")) || undefined,
    customers: Number(value("--customers")) || undefined,
    dist: value("--dist") && resolve(value("--dist")!),
    recipes: value("--only")?.split(","),
    threadedOnly: args.includes("--threaded-only"),
  });
  console.log(formatThreadsTable(result));
}
