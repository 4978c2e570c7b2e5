// `npm run bench`: the numbers issues 2 and 5 ask for, printed as a table. Generates a seeded ~1M-row,
// ~60 MB orders CSV in .bench/, loads it with native DuckDB and in headless Chromium through a fresh
// build of the app, times the cold start to the first drawn chart, sums the compressed size of every
// JS and wasm file the browser fetched, times moving a range input until the chart over the 1M rows is
// redrawn, the transpile time per ts cell, and every recipe on ~1M orders natively and in Chromium
// (scripts/bench-recipes.ts). Options: --rows N, --no-build (reuse .bench/dist), --moves N (range moves,
// default 50), --no-recipes (skip the recipe timings), --only PARTS (comma-separated, just these rows:
// engine-start, parquet; or just `charts`: count-by, histogram and monthly line over 1M and 20M rows, natively
// and in duckdb-wasm over 1M, and 20M with --wasm-20m).
// engine-start, parquet, brush). The brush -> downstream cell row is scripts/bench-brush.ts.
import { execFileSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { nativeEngine } from "../src/engine/native/native-engine";
import { fileSourceFromPath } from "../src/engine/node-file";
import { tableNameFor } from "../src/engine/table-name";
import { transpileTs } from "../src/compile/transpile";
import { openBrowser, serveDirectory } from "../test/browser/harness";
import { chartRows } from "./bench-charts";
import { benchRecipes, formatRecipeTable } from "./bench-recipes";
import { benchBrush } from "./bench-brush";

const root = resolve(import.meta.dirname, "..");
const benchDir = join(root, ".bench");
const args = process.argv.slice(2);
const rowCount = Number(args[args.indexOf("--rows") + 1]) || 1_000_000;
const moveCount = (args.includes("--moves") && Number(args[args.indexOf("--moves") + 1])) || 50;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : undefined;
const csvPath = join(benchDir, `orders-${rowCount}.csv`);
const parquetPath = join(benchDir, `orders-${rowCount}.parquet`);
const results: [string, string][] = [];
const record = (what: string, value: string) => {
  results.push([what, value]);
  console.error(`  ${what}: ${value}`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** A small seeded PRNG (mulberry32), so the file is the same on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeOrders(path: string, rows: number): Promise<void> {
  const rnd = random(20250601);
  const out = createWriteStream(path);
  const regions = ["North", "South", "East", "West", "Central"];
  const channels = ["direct", "partner", "online"];
  const products = ["Basic plan", "Pro plan", "Enterprise plan", "Support", "Training", "Hardware"];
  const start = Date.UTC(2023, 0, 1);
  let chunk = "order_id,customer_id,order_date,product,channel,region,quantity,amount,margin\n";
  for (let i = 1; i <= rows; i++) {
    const day = new Date(start + Math.floor(rnd() * 912) * 86_400_000).toISOString().slice(0, 10);
    const amount = Math.round((50 + rnd() * rnd() * 20_000) * 100) / 100;
    const margin = Math.round(amount * (0.1 + rnd() * 0.4) * 100) / 100;
    chunk += `O${String(i).padStart(7, "0")},C${String(1 + Math.floor(rnd() * 5000)).padStart(5, "0")},${day},${products[Math.floor(rnd() * products.length)]},${channels[Math.floor(rnd() * 3)]},${regions[Math.floor(rnd() * 5)]},${1 + Math.floor(rnd() * 20)},${amount},${margin}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

async function benchNative(): Promise<void> {
  // Unlocked: the bench writes its Parquet copy with COPY, which notebook SQL may not.
  const engine = await nativeEngine({ unlocked: true });
  try {
    if (!existsSync(parquetPath)) {
      await engine.query(`COPY (SELECT * FROM read_csv('${csvPath}')) TO '${parquetPath}' (FORMAT parquet)`);
    }
    const t0 = performance.now();
    let updates = 0;
    const report = await engine.loadFile(fileSourceFromPath(csvPath), "orders", { onProgress: () => updates++ });
    record(
      "native DuckDB: load CSV",
      `${seconds(performance.now() - t0)} (${report.rows.toLocaleString("en")} rows, ${updates} progress updates)`,
    );
    const t1 = performance.now();
    const parquet = await engine.loadFile(fileSourceFromPath(parquetPath), "orders_parquet");
    record(
      "native DuckDB: load Parquet",
      `${seconds(performance.now() - t1)} (${mib(statSync(parquetPath).size)}, ${parquet.rows.toLocaleString("en")} rows)`,
    );
  } finally {
    await engine.close();
  }
}

function buildApp(): string {
  const dist = join(benchDir, "dist");
  if (args.includes("--no-build") && existsSync(join(dist, "index.html"))) return dist;
  console.error("building the app into .bench/dist ...");
  execFileSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: root, stdio: "inherit" },
  );
  return dist;
}

async function benchBrowser(dist: string): Promise<void> {
  const server = await serveDirectory(dist);
  try {
    // Cold start: fresh browser and cache, to the first chart's SVG inside its sandbox frame.
    const cold = await openBrowser();
    try {
      const t0 = performance.now();
      await cold.page.goto(`${server.origin}/?notebook=notebooks/customer-review.md`);
      await cold.page
        .frameLocator('iframe[data-role="chart"]')
        .first()
        .locator("svg")
        .first()
        .waitFor({ timeout: 180_000 });
      record("browser: cold start to first chart", seconds(performance.now() - t0));
      const fetched = [...new Set(cold.requests)]
        .filter((url) => url.startsWith(server.origin))
        .map((url) => new URL(url).pathname)
        .filter((path) => /\.(m?js|wasm)$/.test(path));
      let raw = 0,
        gzip = 0,
        brotli = 0;
      for (const path of fetched) {
        const body = readFileSync(join(dist, decodeURIComponent(path)));
        raw += body.length;
        gzip += gzipSync(body, { level: 9 }).length;
        brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      }
      record(
        "browser: JS + wasm fetched",
        `${fetched.length} files, ${mib(raw)} raw, ${mib(gzip)} gzip, ${mib(brotli)} brotli`,
      );
      record("browser: files fetched", fetched.map((p) => p.replace(/^.*\//, "")).join(" "));
      const off = cold.offOrigin(server.origin);
      record("browser: requests off the origin", off.length ? off.join(" ") : "none");
    } finally {
      await cold.close();
    }
    await engineStart(dist);
    await loadInBrowser(server.origin, csvPath, "CSV");
    await loadInBrowser(server.origin, parquetPath, "Parquet (hyparquet)");
    await rangeToChart(server.origin);
    record(...(await benchBrush(dist, rowCount, moveCount)));
  } finally {
    await server.close();
  }
}

/**
 * Times the engine's start (navigation to `data-engine=ready`) on a first visit and on repeat visits in
 * one browser profile, from a server that lets the browser cache: repeat visits need Chromium's code
 * cache to hold the compiled DuckDB module, which fills only after the optimizing compile in the background.
 */
async function engineStart(dist: string): Promise<void> {
  const server = await serveDirectory(dist, { cacheable: true });
  // A profile on disk: an incognito context (what the tests use) keeps no code cache at all.
  const profile = mkdtempSync(join(tmpdir(), "clientbook-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
  const offOrigin: string[] = [];
  context.on("request", (r) => {
    const url = r.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== server.origin) offOrigin.push(url);
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const times: number[] = [];
    for (let visit = 0; visit < 3; visit++) {
      const t0 = performance.now();
      await page.goto(`${server.origin}/?notebook=notebooks/customer-review.md`);
      await page.waitForSelector("body[data-engine=ready]", { timeout: 180_000 });
      times.push(performance.now() - t0);
      // The shipped notebook runs meanwhile: real queries, so the engine's hot code is optimized.
      await page.frameLocator('iframe[data-role="chart"]').first().locator("svg").first().waitFor({ timeout: 180_000 });
      await new Promise((r) => setTimeout(r, 15_000));
    }
    record("browser: engine ready, first visit", seconds(times[0]));
    record("browser: engine ready, repeat visits", times.slice(1).map(seconds).join(", "));
    // Whether Chromium kept the compiled module at all: its wasm code cache in the profile.
    const cacheSize = (kind: string) => {
      const dir = join(profile, "Default", "Code Cache", kind);
      if (!existsSync(dir)) return 0;
      const files = readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)));
      return files.reduce((sum, f) => sum + statSync(f).size, 0);
    };
    record("browser: code cache in the profile", `wasm ${mib(cacheSize("wasm"))}, js ${mib(cacheSize("js"))}`);
    if (offOrigin.length) record("browser: requests off the origin at engine start", offOrigin.join(" "));
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Loads `path` through the file picker of a fresh page once the engine is ready, and times it. */
async function loadInBrowser(origin: string, path: string, label: string): Promise<void> {
  const warm = await openBrowser();
  try {
    await warm.page.goto(`${origin}/`);
    await warm.page.waitForSelector("body[data-engine=ready]", { timeout: 180_000 });
    const table = tableNameFor(path, []);
    // The main thread's longest stall while loading: the largest gap between ticks of a 20 ms timer.
    await warm.page.evaluate(() => {
      const w = window as unknown as { __gap: number };
      let last = performance.now();
      w.__gap = 0;
      setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
      }, 20);
    });
    const t0 = performance.now();
    await warm.page.locator('input[type=file][data-action="load-files"]').setInputFiles(path);
    const picked = performance.now();
    // What the progress bar showed while the file loaded (sampled every 50 ms).
    const shown = new Set<string>();
    const loaded = warm.page.waitForSelector(`[data-table="${table}"], [data-role="load-error"]`, { timeout: 600_000 });
    let done = false;
    void loaded.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      const text = await warm.page
        .locator('[data-role="load-progress"]')
        .first()
        .textContent({ timeout: 50 })
        .catch(() => null);
      if (text) shown.add(text.trim());
      await new Promise((r) => setTimeout(r, 50));
    }
    const shownElement = await loaded;
    if ((await shownElement?.getAttribute("data-role")) === "load-error")
      throw new Error(`${label}: ${await shownElement!.textContent()}`);
    const rows = await warm.page.locator(`[data-table="${table}"]`).getAttribute("data-rows");
    const gap = await warm.page.evaluate(() => (window as unknown as { __gap: number }).__gap);
    record(`browser: longest main-thread stall while loading ${label}`, ms(gap));
    record(
      `browser (duckdb-wasm): load ${label}`,
      `${seconds(performance.now() - t0)} (file handed over in ${seconds(picked - t0)}; ${Number(rows).toLocaleString("en")} rows; ${shown.size} progress texts seen)`,
    );
    const off = warm.offOrigin(origin);
    if (off.length) record(`browser: requests off the origin while loading ${label}`, off.join(" "));
  } finally {
    await warm.close();
  }
}

/** The nearest-rank percentile of `values` (0-100). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

/**
 * Moves a range input `moveCount` times and times each move until the chart fed by a query over the
 * whole orders table is redrawn with the new value (a text mark carries it, read inside the sandbox frame).
 */
async function rangeToChart(origin: string): Promise<void> {
  const ob = await openBrowser();
  try {
    const { page } = ob;
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: 180_000 });
    const table = tableNameFor(csvPath, []);
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles(csvPath);
    await page.waitForSelector(`[data-table="${table}"]`, { timeout: 600_000 });
    const fence = "```";
    const notebook = [
      "---\nnotebook: 1\ntitle: Range to chart\n---\n",
      `${fence}input min_qty\n{ "type": "range", "label": "Minimum quantity", "min": 1, "max": 20, "step": 1, "value": 1 }\n${fence}\n`,
      `${fence}sql by_region\nSELECT region, sum(amount) AS revenue, 'q' || CAST(\${min_qty} AS VARCHAR) || 'q' AS t\nFROM "${table}" WHERE quantity >= \${min_qty}\nGROUP BY region ORDER BY region\n${fence}\n`,
      `${fence}chart region_chart data=by_region\n${JSON.stringify({
        layer: [
          {
            mark: "bar",
            encoding: { x: { field: "region", type: "nominal" }, y: { field: "revenue", type: "quantitative" } },
          },
          {
            mark: { type: "text", dy: -6 },
            encoding: {
              x: { field: "region", type: "nominal" },
              y: { field: "revenue", type: "quantitative" },
              text: { field: "t" },
            },
          },
        ],
      })}\n${fence}\n`,
    ].join("\n");
    await page
      .locator('input[data-action="open-notebook"]')
      .setInputFiles({ name: "range.md", mimeType: "text/markdown", buffer: Buffer.from(notebook) });
    await page.locator('[data-action="trust"]').click();
    const frameElement = await page
      .locator('[data-cell="region_chart"] iframe[data-role="chart"]')
      .elementHandle({ timeout: 120_000 });
    const frame = (await frameElement!.contentFrame())!;
    const drawn = (value: number) =>
      frame.waitForFunction(
        (text) => document.querySelector("#chart svg")?.textContent?.includes(text) ?? false,
        `q${value}q`,
        { polling: "raf", timeout: 60_000 },
      );
    await drawn(1);
    const range = page.locator('[data-cell="min_qty"] input[type="range"]');
    const times: number[] = [];
    let value = 1;
    for (let i = 0; i < moveCount; i++) {
      value = 1 + ((value - 1 + 7) % 20);
      const t0 = performance.now();
      await range.evaluate((el, v) => {
        const input = el as HTMLInputElement;
        input.value = String(v);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, value);
      await drawn(value);
      times.push(performance.now() - t0);
      // Let the run settle (state published, frame resized) before the next move.
      await page.waitForSelector('[data-cell][data-state="running"]', { state: "detached", timeout: 60_000 });
    }
    record(
      `browser: range input -> chart redrawn (${rowCount.toLocaleString("en")} rows, ${moveCount} moves)`,
      `median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, min ${ms(Math.min(...times))} (includes the session's 10 ms input debounce)`,
    );
    const off = ob.offOrigin(origin);
    if (off.length) record("browser: requests off the origin while moving the input", off.join(" "));
  } finally {
    await ob.close();
  }
}

/** Times the TypeScript transpile of ts cells of several sizes (sucrase, as the session runs them). */
async function benchTranspile(): Promise<void> {
  const small = "const rows = await sql`SELECT * FROM orders WHERE amount > ${threshold}`;\nreturn rows.length;";
  const medium =
    Array.from(
      { length: 40 },
      (_, i) => `const v${i}: number[] = orders.map((o: { amount: number }) => o.amount * ${i + 1});`,
    ).join("\n") + "\nreturn v0.length;";
  const large =
    Array.from({ length: 10 }, (_, k) =>
      [
        `interface Row${k} { id: string; value: number; when: Date }`,
        `function score${k}(rows: Row${k}[], w = ${k}): number {`,
        "  let total = 0;",
        "  for (const r of rows) total += r.value * w;",
        "  return total;",
        "}",
      ].join("\n"),
    )
      .join("\n")
      .repeat(5) + "\nreturn 1;";
  for (const [label, source] of [
    ["3-line cell", small],
    ["41-line cell", medium],
    ["300-line cell", large],
  ] as const) {
    // A comment line makes each source new: transpileTs keeps the code of sources it has seen.
    const timed = async (i: number) => {
      const started = performance.now();
      await transpileTs(`${source}\n// ${i}`);
      return performance.now() - started;
    };
    const first = await timed(-1);
    const runs: number[] = [];
    for (let i = 0; i < 200; i++) runs.push(await timed(i));
    record(
      `transpile ts (sucrase, Node): ${label}`,
      `median ${ms(percentile(runs, 50))}, p95 ${ms(percentile(runs, 95))} (first call ${ms(first)})`,
    );
  }
}

async function main(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  // The chart rows generate their rows in SQL: no orders CSV needed.
  if (only?.length === 1 && only[0] === "charts") {
    const wasmSizes = args.includes("--wasm-20m") ? [1_000_000, 20_000_000] : [1_000_000];
    for (const [what, value] of await chartRows([1_000_000, 20_000_000], wasmSizes)) record(what, value);
    return printResults();
  }
  if (!existsSync(csvPath)) {
    console.error(`writing ${csvPath} ...`);
    await writeOrders(csvPath, rowCount);
  }
  record("orders CSV", `${rowCount.toLocaleString("en")} rows, ${mib(statSync(csvPath).size)}`);
  if (only) return runOnly(only);
  await benchTranspile();
  await benchNative();
  try {
    await benchBrowser(buildApp());
  } catch (e) {
    record("browser", `failed: ${(e as Error).message.split("\n")[0]}`);
  }
  let recipeTable = "";
  if (!args.includes("--no-recipes")) {
    const dist = join(benchDir, "dist");
    recipeTable = formatRecipeTable(
      await benchRecipes({ dist: existsSync(join(dist, "index.html")) ? dist : undefined }),
    );
  }
  printResults();
  if (recipeTable) console.log(`\n${recipeTable}`);
}

/** Runs just the named parts (`--only`): the engine's start on first and repeat visits, the Parquet load. */
async function runOnly(parts: readonly string[]): Promise<void> {
  const dist = buildApp();
  if (parts.includes("engine-start")) await engineStart(dist);
  if (parts.includes("brush")) record(...(await benchBrush(dist, rowCount, moveCount)));
  if (parts.includes("parquet")) {
    await benchNative();
    const server = await serveDirectory(dist);
    try {
      await loadInBrowser(server.origin, parquetPath, "Parquet (hyparquet)");
    } finally {
      await server.close();
    }
  }
  printResults();
}

function printResults(): void {
  const width = Math.max(...results.map(([w]) => w.length));
  console.log(`\n${"measure".padEnd(width)} | result\n${"-".repeat(width)}-|-${"-".repeat(40)}`);
  for (const [what, value] of results) console.log(`${what.padEnd(width)} | ${value}`);
}

await main();
