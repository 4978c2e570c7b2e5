// Two builds side by side (issue 15, items 1-2): per run and build, a fresh on-disk Chromium profile opens the
// tour notebook (first visit), then again in a new tab (repeat visit), then reloads that tab (same-tab reload);
// each timed on the page's own clock: readable, engine ready, first chart, and from the engine ready to the first
// chart DuckDB's worker round trips and busy time (counted, so less noisy than times). Builds alternate which goes first.
// CLI: `npx tsx scripts/bench-visits-ab.ts --a DIR --b DIR [--runs N] [--reload-wait MS]`; prints medians and every run.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { serveDirectory } from "../test/browser/harness";
import { isMain, parseArgs, withProfile } from "./bench-browser";
import { resultsKept } from "./bench-timeline";
import { measureVisit, METER, type Visit } from "./bench-visits";
import { WORKER_TRIPS, workerTime, type RoundTrip } from "./worker-trips";

const URL_PATH = "/?notebook=notebooks/customer-review.md";
const KINDS = ["first visit", "repeat, new tab", "same-tab reload"] as const;
type Kind = (typeof KINDS)[number];

/**
 * A visit's times, when its entry script was requested (ms from navigation), and from the engine ready to the
 * first chart: that time, DuckDB's worker round trips in it and how long the worker was busy with them.
 */
type Times = Visit & {
  readonly script: number;
  readonly "engine -> chart": number;
  trips: number;
  "worker ms": number;
};

async function measured(page: Page, navigate: () => Promise<unknown>): Promise<Times> {
  const times = await measureVisit(page, navigate);
  // When the entry script was asked for: on a same-tab reload, after the old page's teardown.
  const { script, origin, trips } = await page.evaluate(() => ({
    script:
      performance.getEntriesByType("resource").find((e) => /\/assets\/main-[^/]*\.js$/.test(e.name))?.startTime ?? -1,
    origin: performance.timeOrigin,
    trips: (window as unknown as { __trips?: RoundTrip[] }).__trips ?? [],
  }));
  const worker = workerTime(trips, origin + times.engine, times.chartAt);
  return {
    ...times,
    script,
    "engine -> chart": times.chart - times.engine,
    trips: worker.count,
    "worker ms": worker.ms,
  };
}

/** One build's three visits in a fresh profile. */
async function visits(dist: string, reloadWait: number): Promise<Record<Kind, Times>> {
  const server = await serveDirectory(dist, { cacheable: true });
  try {
    return await withProfile(server.origin, async ({ context }) => {
      await context.addInitScript(METER);
      await context.addInitScript(WORKER_TRIPS);
      const url = `${server.origin}${URL_PATH}`;
      let page = context.pages()[0] ?? (await context.newPage());
      const first = await measured(page, () => page.goto(url));
      while (!(await resultsKept(page))) await page.waitForTimeout(300);
      // Chromium keeps the compiled wasm once its optimizing compile is done in the background.
      await page.waitForTimeout(8000);
      const fresh = await context.newPage();
      await page.close();
      page = fresh;
      const repeat = await measured(page, () => page.goto(url));
      await page.waitForTimeout(reloadWait);
      const reload = await measured(page, () => page.reload());
      return { "first visit": first, "repeat, new tab": repeat, "same-tab reload": reload };
    });
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const s = (ms: number) => (ms / 1000).toFixed(2);
// Counts and worker milliseconds print as they are; times in seconds.
const shown = (key: string) => (key === "trips" ? String : key === "worker ms" ? (v: number) => v.toFixed(0) : s);

if (isMain(import.meta)) {
  const args = parseArgs();
  const builds = { a: resolve(args.value("--a") ?? "dist"), b: resolve(args.value("--b") ?? "dist") };
  const runs = args.number("--runs", 3);
  // How long the repeat visit's tab stays before the reload (0: while its fresh run is still going).
  const reloadWait = Number(args.value("--reload-wait") ?? 3000);
  const results: Record<"a" | "b", Record<Kind, Times>[]> = { a: [], b: [] };
  const loads: number[] = [loadavg()[0]];
  void (async () => {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? (["b", "a"] as const) : (["a", "b"] as const)) {
        results[which].push(await visits(builds[which], reloadWait));
        loads.push(loadavg()[0]);
      }
    }
    console.log(`a = ${builds.a}\nb = ${builds.b}\n`);
    console.log("| visit | measure | a median | b median | b / a | a runs | b runs |");
    console.log("| --- | --- | ---: | ---: | ---: | --- | --- |");
    for (const kind of KINDS)
      for (const key of ["script", "readable", "engine", "chart", "engine -> chart", "trips", "worker ms"] as const) {
        const a = results.a.map((r) => r[kind][key]);
        const b = results.b.map((r) => r[kind][key]);
        const ratio = (median(b) / median(a)).toFixed(2);
        const f = shown(key);
        const all = (v: number[]) => v.map(f).join(", ");
        console.log(`| ${kind} | ${key} | ${f(median(a))} | ${f(median(b))} | ${ratio} | ${all(a)} | ${all(b)} |`);
      }
    console.log(`\nload average (1 min) over the runs: ${loads.map((l) => l.toFixed(1)).join(", ")}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
