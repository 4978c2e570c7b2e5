// File-load timings (issue 15, big files): a seeded orders CSV of N rows and its Parquet copy, loaded
// natively (DuckDB on one thread: bare read_csv/read_parquet and the app's loader) and in headless
// Chromium through the production build, with the loader's phases, the main thread's longest stall,
// the browser's peak memory (PSS of its processes) and the memory line the data panel shows.
// CLI: npx tsx scripts/bench-load.ts [--rows N] [--dist DIR | --no-build] [--only csv,parquet,native]
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { nativeEngine } from "../src/engine/native/native-engine";
import { fileSourceFromPath } from "../src/engine/node-file";
import { phasePrefix } from "../src/engine/load/timing";
import { tableNameFor } from "../src/engine/table-name";
import { openBrowser, serveDirectory } from "../test/browser/harness";
import { seenInPage } from "./bench-browser";
import { ordersCsv, ordersParquet } from "./bench-orders";
import { browserPids } from "./browser-cpu";

const root = resolve(import.meta.dirname, "..");
const benchDir = join(root, ".bench");

/** One timed load. */
export interface LoadTiming {
  readonly what: string;
  readonly seconds: number;
  readonly rows?: number;
  /** Seconds per loader phase (plan, stage, read_csv, dates, money, profile, parquet). */
  readonly phases?: Record<string, number>;
  /** The longest gap between ticks of a 20 ms timer on the page while loading. */
  readonly stallMs?: number;
  /** The browser's processes' summed PSS: before the load and at its peak, MiB. */
  readonly idleMiB?: number;
  readonly peakMiB?: number;
  /** The data panel's memory line after the load. */
  readonly memoryLine?: string;
}

/** What `benchLoad` measures. */
export interface LoadBench {
  readonly csv: { path: string; bytes: number };
  readonly parquet: { path: string; bytes: number };
  readonly loadAverage: number[];
  readonly timings: LoadTiming[];
}

const since = (t0: number) => (performance.now() - t0) / 1000;

/** Native DuckDB on one thread: bare reads, then the app's own loader (same procedure as the browser's). */
async function benchNative(csv: string, parquet: string): Promise<LoadTiming[]> {
  const engine = await nativeEngine({ unlocked: true });
  const out: LoadTiming[] = [];
  try {
    await engine.query("SET threads = 1");
    for (const [what, from] of [
      ["native 1 thread: read_csv", `read_csv('${csv}')`],
      ["native 1 thread: read_parquet", `read_parquet('${parquet}')`],
    ]) {
      const t0 = performance.now();
      await engine.query(`CREATE OR REPLACE TABLE bare AS FROM ${from}`);
      out.push({ what, seconds: since(t0) });
      await engine.query("DROP TABLE bare");
    }
    for (const [what, path] of [
      ["native 1 thread: app loader, CSV", csv],
      ["native 1 thread: app loader, Parquet", parquet],
    ]) {
      performance.clearMeasures();
      const t0 = performance.now();
      const report = await engine.loadFile(fileSourceFromPath(path), "orders");
      const measured = phases(performance.getEntriesByType("measure"));
      out.push({ what, seconds: since(t0), rows: report.rows, phases: measured });
    }
  } finally {
    await engine.close();
  }
  return out;
}

/** Seconds per load phase from Performance measures (a phase that ran twice is summed). */
function phases(entries: readonly { name: string; duration: number }[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const e of entries)
    if (e.name.startsWith(phasePrefix)) {
      const name = e.name.slice(phasePrefix.length);
      sums[name] = (sums[name] ?? 0) + e.duration / 1000;
    }
  return sums;
}

/** Summed PSS (MiB) of this process's descendants: the browser and its renderers, GPU and utility processes. */
function browserPssMiB(): number {
  let kib = 0;
  for (const pid of browserPids()) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return kib / 1024;
}

/** Loads `path` through the file picker of a fresh page once the engine is ready. */
async function loadInBrowser(origin: string, path: string, what: string): Promise<LoadTiming> {
  const ob = await openBrowser();
  try {
    const { page } = ob;
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: 300_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number };
      let last = performance.now();
      w.__gap = 0;
      setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
      }, 20);
      performance.clearMeasures();
    });
    const idleMiB = browserPssMiB();
    let peakMiB = idleMiB;
    const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, browserPssMiB())), 250);
    const table = tableNameFor(path, []);
    const t0 = performance.now();
    try {
      await page.locator('input[type=file][data-action="load-files"]').setInputFiles(path);
      const shown = await seenInPage(page, `[data-table="${table}"], [data-role="load-error"]`, 1_800_000);
      const seconds = since(t0);
      if ((await shown.getAttribute("data-role")) === "load-error")
        throw new Error(`${what}: ${await shown.textContent()}`);
      const rows = Number(await page.locator(`[data-table="${table}"]`).getAttribute("data-rows"));
      const stallMs = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
      const measures = await page.evaluate(() =>
        performance.getEntriesByType("measure").map((e) => ({ name: e.name, duration: e.duration })),
      );
      const memoryLine = await page
        .locator('[data-role="memory-use"]')
        .textContent({ timeout: 5_000 })
        .catch(() => undefined);
      const off = ob.offOrigin(origin);
      if (off.length) throw new Error(`requests off the origin: ${off.join(" ")}`);
      peakMiB = Math.max(peakMiB, browserPssMiB());
      const panel = memoryLine?.trim();
      return { what, seconds, rows, phases: phases(measures), stallMs, idleMiB, peakMiB, memoryLine: panel };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await ob.close();
  }
}

/** Generates the files if needed and times their loads; `only` picks among csv, parquet and native. */
export async function benchLoad(options: { rows: number; dist: string; only?: readonly string[] }): Promise<LoadBench> {
  const wants = (part: string) => !options.only || options.only.includes(part);
  const csv = await ordersCsv(options.rows);
  const parquet = await ordersParquet(options.rows);
  const timings: LoadTiming[] = [];
  if (wants("native")) timings.push(...(await benchNative(csv, parquet)));
  const server = await serveDirectory(options.dist);
  try {
    if (wants("csv")) timings.push(await loadInBrowser(server.origin, csv, "browser: load CSV"));
    if (wants("parquet")) timings.push(await loadInBrowser(server.origin, parquet, "browser: load Parquet"));
  } finally {
    await server.close();
  }
  const loadAverage = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
  return {
    csv: { path: csv, bytes: statSync(csv).size },
    parquet: { path: parquet, bytes: statSync(parquet).size },
    loadAverage,
    timings,
  };
}

function buildApp(dist: string): void {
  execFileSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: root, stdio: "inherit" },
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench-load.ts")) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const rows = Number(option("--rows")) || 1_000_000;
  const dist = resolve(option("--dist") ?? join(benchDir, "dist-load"));
  if (!option("--dist") && !args.includes("--no-build")) buildApp(dist);
  const result = await benchLoad({ rows, dist, only: option("--only")?.split(",") });
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`CSV ${mib(result.csv.bytes)}, Parquet ${mib(result.parquet.bytes)}, ${rows.toLocaleString("en")} rows`);
  for (const t of result.timings) {
    const parts = [`${t.seconds.toFixed(2)} s`];
    if (t.phases)
      parts.push(
        Object.entries(t.phases)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(", "),
      );
    if (t.stallMs !== undefined) parts.push(`max stall ${t.stallMs.toFixed(0)} ms`);
    if (t.peakMiB !== undefined) parts.push(`browser PSS ${t.idleMiB!.toFixed(0)} -> peak ${t.peakMiB.toFixed(0)} MiB`);
    if (t.memoryLine) parts.push(`panel: "${t.memoryLine}"`);
    console.log(`${t.what}: ${parts.join("; ")}`);
  }
  console.log(`load average at the end: ${result.loadAverage.join(" ")}`);
}
