// Where a browser load's wall time goes, step by step (issue 15): from the file input's `change` to the table in
// the data panel (what `scripts/bench-load-rows.ts` times) and to the load's end (the progress row gone), with the
// loader's phases, every round trip to DuckDB's worker in between and the CPU of Chromium's threads (/proc).
// Several builds are compared interleaved, round by round, in fresh pages of one Chromium each.
// CLI: npx tsx scripts/bench-load-steps.ts [--dist A,B,peer] [--rows N] [--rounds R] [--parquet] [--threads]
// [--playwright-wait]. `peer`: plain duckdb-wasm (scripts/bench-peer-page); --threads: CPU per thread too;
// --playwright-wait: wait for the table as the benches did before, with Playwright's polling `waitForSelector`.
import type { Page } from "playwright-core";
import { tableNameFor } from "../src/engine/table-name";
import { phasePrefix } from "../src/engine/load/timing";
import { distFromArgs, isMain, parseArgs, seenInPage, withApp } from "./bench-browser";
import { ordersCsv, ordersParquet } from "./bench-orders";
import { buildPeer, peerLoad, withPeer } from "./bench-peer";
import { browserCpu, cpuSpent } from "./browser-cpu";
import { WORKER_TRIPS, type RoundTrip } from "./worker-trips";

// Stamps (epoch ms, the page's clock) of the pick, of the table's entry in the data panel and of the
// load's end (its progress row removed), recorded by an observer installed before the app's own code.
const STAMPS = `(() => {
  if (window.top !== window) return;
  window.__steps = {};
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: "longtask" });
  const stamp = (name) => (window.__steps[name] ??= performance.timeOrigin + performance.now());
  document.addEventListener("change", (e) => e.target?.matches?.("input[type=file]") && stamp("pick"), true);
  new MutationObserver(() => {
    if (!window.__steps.pick) return;
    if (document.querySelector("[data-table]") && !window.__steps.table) {
      stamp("table");
      setTimeout(() => stamp("task after table"));
      requestAnimationFrame(() => stamp("frame after table"));
    }
    if (window.__steps.table && !document.querySelector("[data-role=load-progress]")) stamp("done");
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** One load's steps: ms since the pick. */
export type Steps = Record<string, number>;

async function loadOnce(dist: string, path: string): Promise<Steps> {
  return withApp(dist, { init: WORKER_TRIPS + ";" + STAMPS }, async ({ page }) => {
    await page.evaluate(() => {
      (window as unknown as { __trips: unknown[] }).__trips = [];
      performance.clearMeasures();
    });
    const table = tableNameFor(path, []);
    const cpu0 = browserCpu();
    const t0 = performance.now();
    await page.locator('input[type=file][data-action="load-files"]').setInputFiles(path);
    await (process.argv.includes("--playwright-wait")
      ? page.waitForSelector(`[data-table="${table}"]`, { timeout: 600_000 })
      : seenInPage(page, `[data-table="${table}"]`, 600_000));
    const wall = performance.now() - t0;
    const epoch = (t: number) => performance.timeOrigin + t;
    const at = await page.evaluate(() => (window as unknown as { __steps: Record<string, number> }).__steps);
    await page.waitForFunction(() => (window as unknown as { __steps: { done?: number } }).__steps.done, null, {
      timeout: 600_000,
    });
    const cpu = cpuSpent(cpu0, browserCpu());
    return {
      "bench: setInputFiles -> table seen": wall,
      "bench: setInputFiles -> pick": at.pick - epoch(t0),
      "bench: table -> seen": epoch(t0 + wall) - at.table,
      ...(await pageSteps(page)),
      ...cpuSteps(cpu),
    };
  });
}

/** The peer page's bare load of `path` (scripts/bench-peer-page), as `scripts/bench-load-rows.ts` times it. */
async function peerOnce(dir: string, path: string): Promise<Steps> {
  return withPeer(dir, async (page) => {
    const cpu0 = browserCpu();
    const { ms } = await peerLoad(page, path, path.endsWith(".parquet") ? "parquet" : "csv");
    return { "bench: setInputFiles -> table seen": ms, table: ms, ...cpuSteps(cpuSpent(cpu0, browserCpu())) };
  });
}

function cpuSteps(cpu: [string, number][]): Steps {
  const out: Steps = {};
  let total = 0;
  for (const [key, ms] of cpu) {
    total += ms;
    const kind = key.startsWith("page/DedicatedWorker")
      ? "cpu worker"
      : key.startsWith("page/CrRendererMain")
        ? "cpu page main"
        : key.startsWith("page/")
          ? "cpu page other"
          : "cpu other processes";
    out[kind] = (out[kind] ?? 0) + ms;
    if (process.argv.includes("--threads")) out[`cpu ${key}`] = ms;
  }
  out["cpu total"] = total;
  return out;
}

async function pageSteps(page: Page): Promise<Steps> {
  const { steps, measures, trips, origin, longTasks } = await page.evaluate(() => {
    const w = window as unknown as { __steps: Record<string, number>; __trips: unknown[]; __long: [number, number][] };
    return {
      longTasks: w.__long,
      steps: w.__steps,
      trips: w.__trips,
      origin: performance.timeOrigin,
      measures: performance
        .getEntriesByType("measure")
        .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
    };
  });
  const pick = steps.pick;
  const out: Steps = { table: steps.table - pick, done: steps.done - pick };
  out["table -> next task"] = steps["task after table"] - steps.table;
  out["table -> next frame"] = steps["frame after table"] - steps.table;
  const long = longTasks.filter(([start]) => start >= pick - 50);
  out["long tasks (>50 ms) from pick"] = long.length;
  out["long tasks: ms"] = long.reduce((s, [, d]) => s + d, 0);
  out["long tasks: ms after table"] = long.filter(([st, d]) => st + d > steps.table).reduce((s, [, d]) => s + d, 0);
  const phases = measures.filter((m) => m.name.startsWith(phasePrefix));
  let inPhases = 0;
  for (const m of phases) {
    const name = `phase ${m.name.slice(phasePrefix.length)}`;
    out[name] = (out[name] ?? 0) + m.duration;
    inPhases += m.duration;
  }
  const first = Math.min(...phases.map((m) => m.start + origin));
  const last = Math.max(...phases.map((m) => m.start + m.duration + origin));
  out["pick -> first phase"] = first - pick;
  out["phases: first start -> last end"] = last - first;
  out["phases: gaps between"] = last - first - inPhases;
  out["last phase -> table"] = steps.table - last;
  const loadTrips = (trips as RoundTrip[]).filter((t) => t.from >= pick && t.to <= steps.done);
  out["worker trips"] = loadTrips.length;
  const byType = new Map<string, number>();
  for (const t of loadTrips) byType.set(t.type, (byType.get(t.type) ?? 0) + 1);
  for (const [type, n] of byType) out[`trips ${type}`] = n;
  // Worker busy (its own stamps) between the pick and the table.
  out["worker busy until table"] = loadTrips
    .filter((t) => t.begun !== undefined && t.answered! <= steps.table)
    .reduce((s, t) => s + (t.answered! - t.begun!), 0);
  const afterPhases = loadTrips.filter((t) => t.from >= last && t.to <= steps.table);
  out["trips after last phase, before table"] = afterPhases.length;
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Loads the orders file in each build, `rounds` times interleaved; prints the median of each step per build. */
export async function benchLoadSteps(dists: string[], path: string, rounds: number): Promise<void> {
  const runs = dists.map(() => [] as Steps[]);
  for (let r = 0; r < rounds; r++)
    for (const [i, dist] of dists.entries()) {
      const steps = dist === "peer" ? await peerOnce(await buildPeer(true), path) : await loadOnce(dist, path);
      runs[i].push(steps);
      console.error(`round ${r + 1} ${dist}: table ${steps.table.toFixed(0)} ms, cpu ${steps["cpu total"]} ms`);
    }
  const keys = [...new Set(runs.flatMap((rs) => rs.flatMap((s) => Object.keys(s))))];
  console.log(`| step (median of ${rounds}) | ${dists.join(" | ")} |`);
  console.log(`| --- |${dists.map(() => " --- |").join("")}`);
  for (const key of keys)
    console.log(`| ${key} | ${runs.map((rs) => median(rs.map((s) => s[key] ?? 0)).toFixed(0)).join(" | ")} |`);
  if (dists.length === 2) {
    const ratios = runs[1].map((s, i) => s.table / runs[0][i].table);
    console.log(`per-round ratio of the time to the table (2nd / 1st): ${ratios.map((x) => x.toFixed(2)).join(" ")}`);
    const cpu = runs[1].map((s, i) => s["cpu total"] / runs[0][i]["cpu total"]);
    console.log(`per-round ratio of CPU (2nd / 1st): ${cpu.map((x) => x.toFixed(2)).join(" ")}`);
  }
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const dists = args.list("--dist") ?? [distFromArgs(args)];
  const rows = args.number("--rows", 1_000_000);
  const path = args.flag("--parquet") ? await ordersParquet(rows) : await ordersCsv(rows);
  await benchLoadSteps(dists, path, args.number("--rounds", 3));
}
