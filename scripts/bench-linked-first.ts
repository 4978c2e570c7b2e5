// A linked chart's first draw, two builds side by side: in headless Chromium, bench-linked's notebook (N generated
// orders, a brushed monthly chart and a chart filtering by its brush) is opened and run; timed on the page's clock
// from the orders cell done to each chart cell done, and when its pre-aggregate's build ran on DuckDB's worker
// (whether the linked chart's own query waited for it). Builds alternate which goes first.
// CLI: `npx tsx scripts/bench-linked-first.ts --a DIR --b DIR [--runs N] [--rows N]`; prints medians and every run.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { isMain, openNotebook, parseArgs, seenInPage, withApp } from "./bench-browser";
import { linkedNotebook } from "./bench-linked";
import { WORKER_TRIPS, type RoundTrip } from "./worker-trips";

const CELLS = ["orders", "months", "linked"] as const;

/** Ms from the orders cell done: each chart cell done, the linked chart's query begun, its build's CREATE begun and answered. */
type Times = Record<"months" | "linked" | "linked query begun" | "build begun" | "build answered", number>;

// Stamps when each cell is first seen done (page clock, as the worker trips), from before the notebook opens.
const STAMP_CELLS = `(() => {
  if (window.top !== window) return;
  window.__done = {};
  new MutationObserver(() => {
    for (const el of document.querySelectorAll("[data-cell][data-state=done]")) {
      const name = el.getAttribute("data-cell");
      if (!(name in window.__done)) window.__done[name] = performance.timeOrigin + performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, childList: true });
})()`;

const isBuild = (trip: RoundTrip) => !!trip.sql?.startsWith("CREATE OR REPLACE TEMP TABLE __clientbook_linked");

async function firstDraw(dist: string, rows: number): Promise<Times> {
  return withApp(dist, { init: `${WORKER_TRIPS};${STAMP_CELLS}` }, async ({ page }) => {
    await openNotebook(page, "linked-first.md", linkedNotebook(rows, "param"));
    await seenInPage(page, '[data-cell="linked"][data-state="done"]', 600_000);
    await seenInPage(page, '[data-cell="months"][data-state="done"]', 600_000);
    // The build's CREATE is answered after both draws once it no longer goes first.
    const read = () =>
      page.evaluate(() => {
        const w = window as unknown as { __done: Record<string, number>; __trips: RoundTrip[] };
        return { done: w.__done, trips: w.__trips };
      });
    let { done, trips } = await read();
    while (!trips.some(isBuild)) {
      await page.waitForTimeout(100);
      ({ done, trips } = await read());
    }
    for (const cell of CELLS) if (!(cell in done)) throw new Error(`${cell} not seen done`);
    const build = trips.find(isBuild)!;
    // The linked chart's query (its plan over the raw rows: the only one opening with the filtered rows' CTE).
    const query = trips.find((t) => t.sql?.startsWith("WITH __t0 AS"));
    const t0 = done.orders;
    return {
      months: done.months - t0,
      linked: done.linked - t0,
      "linked query begun": query ? (query.begun ?? query.from) - t0 : NaN,
      "build begun": (build.begun ?? build.from) - t0,
      "build answered": (build.answered ?? build.to) - t0,
    };
  });
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

if (isMain(import.meta)) {
  const args = parseArgs();
  const builds = { a: resolve(args.value("--a") ?? "dist"), b: resolve(args.value("--b") ?? "dist") };
  const runs = args.number("--runs", 5);
  const rows = args.number("--rows", 1_000_000);
  const results: Record<"a" | "b", Times[]> = { a: [], b: [] };
  const loads: number[] = [loadavg()[0]];
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? (["b", "a"] as const) : (["a", "b"] as const)) {
      results[which].push(await firstDraw(builds[which], rows));
      loads.push(loadavg()[0]);
    }
  }
  console.log(`a = ${builds.a}\nb = ${builds.b}\n${rows.toLocaleString("en")} rows; ms from the orders cell done\n`);
  console.log("| measure | a median | b median | b / a | a runs | b runs |");
  console.log("| --- | ---: | ---: | ---: | --- | --- |");
  for (const key of ["months", "linked", "linked query begun", "build begun", "build answered"] as const) {
    const a = results.a.map((r) => r[key]);
    const b = results.b.map((r) => r[key]);
    const all = (v: number[]) => v.map((x) => x.toFixed(0)).join(", ");
    const ratio = (median(b) / median(a)).toFixed(2);
    console.log(`| ${key} | ${median(a).toFixed(0)} | ${median(b).toFixed(0)} | ${ratio} | ${all(a)} | ${all(b)} |`);
  }
  console.log(`\nload average (1 min) over the runs: ${loads.map((l) => l.toFixed(1)).join(", ")}`);
}
