// CPU per range move by Chromium process and thread (issue 15): builds of the app side by side, each moving the range
// input of bench-interact's notebook N times, with the CPU time of every thread read from /proc before and after.
// CPU is comparable on the shared machine where wall time is not: it shows what a move costs the DuckDB worker, the
// page's main thread, its raster threads and the GPU process's compositor (which compete with the worker on 2 cores).
//
// `npx tsx scripts/bench-move-cpu.ts --dists DIR,DIR[,...] [--moves N] [--rounds N] [--rows N]` (30 moves, 2 rounds
// in alternating order, 1,000,000 rows).
import { resolve } from "node:path";
import { openNotebook, parseArgs, withApp } from "./bench-browser";
import { browserCpu, cpuSpent } from "./browser-cpu";
import { chartFrame, drawn, interactNotebook, moveRange, reset, settle, watchFrame } from "./bench-interact";
import { percentile } from "./bench-table";

const args = parseArgs();
const dists = (args.list("--dists") ?? []).map((d) => resolve(d));
if (!dists.length) throw new Error("give the builds: --dists DIR,DIR");
const moves = args.number("--moves", 30);
const rounds = args.number("--rounds", 2);
const rows = args.number("--rows", 1_000_000);
const cpu = new Map(dists.map((d) => [d, new Map<string, number>()]));
const walls = new Map(dists.map((d): [string, number[]] => [d, []]));

/** Moves the range input of the app in `dist` `moves` times; adds its CPU per move (and each move's wall time). */
async function measure(dist: string): Promise<void> {
  await withApp(dist, { viewport: { width: 1280, height: 1600 } }, async ({ page }) => {
    await openNotebook(page, "interact.md", interactNotebook(rows));
    await page.locator('[data-cell="linked"][data-state="done"]').waitFor({ timeout: 600_000 });
    await settle(page);
    const frame = await chartFrame(page, "revenue");
    await watchFrame(frame);
    let before = (await drawn(frame, "q1q", "")).text;
    let value = 1;
    const step = async () => {
      value = 1 + ((value - 1 + 7) % 20);
      await reset(frame);
      const start = await moveRange(page, value);
      const seen = await drawn(frame, `q${value}q`, before);
      before = seen.text;
      await settle(page);
      return seen.at - start;
    };
    for (let i = 0; i < 3; i++) await step();
    // The start's leftovers (the last results written, frames settling) are done before the count begins.
    await page.waitForTimeout(1500);
    const from = browserCpu();
    for (let i = 0; i < moves; i++) walls.get(dist)!.push(await step());
    const sums = cpu.get(dist)!;
    for (const [key, ms] of cpuSpent(from, browserCpu())) sums.set(key, (sums.get(key) ?? 0) + ms / moves / rounds);
  });
}

for (let r = 0; r < rounds; r++) for (const dist of r % 2 ? [...dists].reverse() : dists) await measure(dist);
const of = (dist: string, key: string) => cpu.get(dist)!.get(key) ?? 0;
const keys = [...new Set(dists.flatMap((d) => [...cpu.get(d)!.keys()]))]
  .filter((k) => dists.some((d) => of(d, k) >= 0.5))
  .sort((a, b) => of(dists[0], b) - of(dists[0], a));
const cells = (f: (d: string) => string) => dists.map((d) => f(d).padStart(18)).join("");
console.log(`CPU ms per move (${moves} moves x ${rounds} rounds)`.padEnd(40) + cells((d) => d.split("/").pop()!));
for (const k of keys) console.log(k.padEnd(40) + cells((d) => of(d, k).toFixed(1)));
const sum = (d: string) => [...cpu.get(d)!.values()].reduce((a, b) => a + b, 0);
console.log("sum".padEnd(40) + cells((d) => sum(d).toFixed(1)));
const wall = (d: string) => `${percentile(walls.get(d)!, 50).toFixed(0)}/${percentile(walls.get(d)!, 95).toFixed(0)}`;
console.log("wall ms, median/p95 (load-dependent)".padEnd(40) + cells(wall));
