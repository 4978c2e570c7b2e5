// Two builds' first paint side by side (issue 15, item 1): per run and build, a fresh on-disk Chromium profile
// opens the tour notebook and is closed once it is readable (its first cell shown, on the page's own clock from
// navigation) with the start marks reached by then; builds alternate which goes first. Cheaper than
// bench-visits-ab.ts (no engine, no chart), so enough runs fit to see a change of tens of ms on a busy machine.
// CLI: `npx tsx scripts/bench-readable-ab.ts --a DIR --b DIR [--runs N]`; prints medians and every run.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { serveDirectory } from "../test/browser/harness";
import { isMain, parseArgs, withProfile } from "./bench-browser";
import { METER } from "./bench-visits";

const URL_PATH = "/?notebook=notebooks/customer-review.md";
const MARKS = ["shell-mounted", "notebook-fetched", "notebook-parsed", "first-cell-rendered"] as const;
const KEYS = ["readable", ...MARKS, "mounted -> readable"] as const;
type Times = Record<(typeof KEYS)[number], number>;

/** One first visit of the build served from `dist`, until readable. */
async function firstPaint(dist: string): Promise<Times> {
  const server = await serveDirectory(dist, { cacheable: true });
  try {
    return await withProfile(server.origin, async ({ context, page }) => {
      await context.addInitScript(METER);
      await page.goto(`${server.origin}${URL_PATH}`);
      await page.waitForFunction(
        () => performance.getEntriesByName("clientbook:start:first-cell-rendered").length > 0,
        null,
        { timeout: 120_000, polling: 50 },
      );
      // No named functions inside: tsx would wrap them in a helper the page does not have.
      return page.evaluate((marks) => {
        const visit = (window as unknown as { __visit: { readable: number } }).__visit;
        const times: Record<string, number> = { readable: visit.readable };
        for (const m of marks) times[m] = performance.getEntriesByName(`clientbook:start:${m}`)[0]?.startTime ?? -1;
        times["mounted -> readable"] = visit.readable - times["shell-mounted"];
        return times as Times;
      }, MARKS);
    });
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

if (isMain(import.meta)) {
  const args = parseArgs();
  const builds = { a: resolve(args.value("--a") ?? "dist"), b: resolve(args.value("--b") ?? "dist") };
  const runs = args.number("--runs", 9);
  const results: Record<"a" | "b", Times[]> = { a: [], b: [] };
  const loads: number[] = [loadavg()[0]];
  void (async () => {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? (["b", "a"] as const) : (["a", "b"] as const))
        results[which].push(await firstPaint(builds[which]));
      loads.push(loadavg()[0]);
    }
    console.log(`a = ${builds.a}\nb = ${builds.b}\n`);
    console.log("| first visit, ms from navigation | a median | b median | b / a | a runs | b runs |");
    console.log("| --- | ---: | ---: | ---: | --- | --- |");
    for (const key of KEYS) {
      const a = results.a.map((r) => Math.round(r[key]));
      const b = results.b.map((r) => Math.round(r[key]));
      const ratio = (median(b) / median(a)).toFixed(2);
      console.log(`| ${key} | ${median(a)} | ${median(b)} | ${ratio} | ${a.join(", ")} | ${b.join(", ")} |`);
    }
    console.log(`\nload average (1 min) over the runs: ${loads.map((l) => l.toFixed(1)).join(", ")}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
