// Where a visit's start-up time goes (issue 15, items 1-2): the tour notebook opened on a first and a repeat
// visit in one Chromium profile on disk (served cacheably, its service worker allowed, as a user gets it), each
// laid out on the page's own clock from navigation: the app's start marks (src/ui/start-marks.ts), the load
// phases and the files fetched. CLI: `npx tsx scripts/bench-timeline.ts [--dist DIR | --no-build]`.
import { loadavg } from "node:os";
import type { Page } from "playwright-core";
import { serveDirectory } from "../test/browser/harness";
import { distFromArgs, isMain, parseArgs, withProfile } from "./bench-browser";

/** One thing that happened, in ms from navigation start (`end` for a span: a fetch or a measure). */
export interface Moment {
  readonly at: number;
  readonly end?: number;
  readonly what: string;
}

const URL_PATH = "/?notebook=notebooks/customer-review.md";
const LIMIT = 300_000;
// The files worth a line: the app's own scripts, the engine's, the sandbox's, the notebook and its data.
const WORTH = /\.(m?js|wasm|csv|md)$/;

/** The page's timeline so far: navigation, start marks, load measures and fetched files, sorted. */
function timeline(page: Page): Promise<Moment[]> {
  return page.evaluate((worth) => {
    const out: { at: number; end?: number; what: string }[] = [];
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (nav) {
      out.push({ at: nav.responseEnd, what: "page: html received" });
      out.push({ at: nav.domContentLoadedEventEnd, what: "page: DOMContentLoaded" });
    }
    for (const e of performance.getEntriesByType("mark"))
      if (e.name.startsWith("clientbook:")) out.push({ at: e.startTime, what: e.name.replace("clientbook:", "") });
    for (const e of performance.getEntriesByType("measure"))
      if (e.name.startsWith("clientbook:load:"))
        out.push({ at: e.startTime, end: e.startTime + e.duration, what: e.name.replace("clientbook:", "") });
    for (const e of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      const path = new URL(e.name).pathname;
      if (!new RegExp(worth).test(path)) continue;
      const cached = e.transferSize === 0 ? " (cache)" : "";
      out.push({ at: e.startTime, end: e.responseEnd, what: `fetch ${path.split("/").pop()}${cached}` });
    }
    return out.sort((a, b) => a.at - b.at);
  }, WORTH.source);
}

async function visit(page: Page, url: string): Promise<Moment[]> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName("clientbook:start:fresh-chart-drawn").length > 0,
    null,
    {
      timeout: LIMIT,
      polling: 100,
    },
  );
  // The cells after the first chart settle too (their own lines on the timeline).
  await page.waitForTimeout(3000);
  return timeline(page);
}

/** Whether the app's IndexedDB holds the last run's results (written a second after a run settles). */
export const resultsKept = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<boolean>((ok) => {
        const open = indexedDB.open("clientbook");
        open.onerror = () => ok(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("results")) return (db.close(), ok(false));
          const count = db.transaction("results").objectStore("results").count();
          count.onsuccess = () => (db.close(), ok(count.result > 0));
        };
      }),
  );

/** Times a first and a repeat visit of the tour notebook served from `dist`. */
export async function benchTimeline(dist: string): Promise<{ first: Moment[]; repeat: Moment[] }> {
  const server = await serveDirectory(dist, { cacheable: true });
  try {
    return await withProfile(server.origin, async ({ page }) => {
      const first = await visit(page, `${server.origin}${URL_PATH}`);
      const until = Date.now() + LIMIT;
      while (!(await resultsKept(page))) {
        if (Date.now() > until) throw new Error("the first visit's results were never kept");
        await page.waitForTimeout(500);
      }
      // Chromium keeps the compiled wasm once its optimizing compile is done in the background.
      await page.waitForTimeout(15_000);
      const repeat = await visit(page, `${server.origin}${URL_PATH}`);
      return { first, repeat };
    });
  } finally {
    await server.close();
  }
}

/** One visit's timeline as Markdown table rows. */
export function formatTimeline(title: string, moments: readonly Moment[]): string {
  const ms = (v: number) => `${Math.round(v)}`;
  return [
    `### ${title}`,
    "",
    "| ms | until | what |",
    "| ---: | ---: | --- |",
    ...moments.map((m) => `| ${ms(m.at)} | ${m.end === undefined ? "" : ms(m.end)} | ${m.what} |`),
  ].join("\n");
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const before = loadavg()[0].toFixed(2);
  benchTimeline(distFromArgs(args)).then(
    ({ first, repeat }) => {
      console.log(formatTimeline("first visit", first));
      console.log();
      console.log(formatTimeline("repeat visit", repeat));
      console.log(`\nload average (1 min) before / after: ${before} / ${loadavg()[0].toFixed(2)}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
