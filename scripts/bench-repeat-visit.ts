// Repeat-visit speed (issue 15, items 1-2): a first visit to the tour notebook, then repeat visits in the same
// browser profile (its HTTP cache and IndexedDB, the app's last results in it), each timed from navigation to
// readable prose, the first chart drawn (the kept one on a repeat visit), the engine ready and the first fresh
// chart. Served like a plain static host with caching; service workers blocked (the offline copy's 40 MB
// background fetch would be timed too). CLI: `npx tsx scripts/bench-repeat-visit.ts [--visits N] [--dist DIR]`.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, recordedContext, serveDirectory } from "../test/browser/harness";

/** The times of one visit, in ms from navigation start (undefined: not seen within the limit). */
export interface VisitTimes {
  readonly readable: number;
  readonly firstChart: number;
  readonly engineReady: number;
  readonly freshChart: number;
  /** Whether the first chart was drawn from the last run's kept results. */
  readonly fromLastRun: boolean;
}

/** What `benchRepeatVisit` measured. */
export interface RepeatVisitNumbers {
  readonly first: VisitTimes;
  readonly repeats: readonly VisitTimes[];
  /** The 1-minute load average before and after the runs. */
  readonly load: readonly [number, number];
  /** Off-origin requests seen (must be none). */
  readonly offOrigin: readonly string[];
}

const NOTEBOOK = "?notebook=notebooks/customer-review.md";
const LIMIT = 180_000;

async function visit(page: Page, url: string): Promise<VisitTimes> {
  const t0 = Date.now();
  const at = async (wait: Promise<unknown>) => (await wait, Date.now() - t0);
  const readable = at(page.locator(".markdown-body").first().waitFor({ timeout: LIMIT }));
  const kept = page.locator('[data-role="last-run-output"] iframe[data-role="chart"]').first();
  const firstChart = at(
    page.frameLocator('iframe[data-role="chart"]').first().locator("svg").first().waitFor({
      timeout: LIMIT,
    }),
  );
  const engineReady = at(page.locator("body[data-engine=ready]").waitFor({ timeout: LIMIT }));
  // A chart cell keeps its frame from the kept chart to the fresh one: the frame says which one it drew last.
  const fresh = page.locator('[data-state="done"] figure[data-drawn="fresh"]').first();
  const freshChart = at(fresh.waitFor({ timeout: LIMIT }));
  await page.goto(url);
  const times = {
    readable: await readable,
    firstChart: await firstChart,
    fromLastRun: (await kept.count()) > 0,
    engineReady: await engineReady,
    freshChart: await freshChart,
  };
  return times;
}

/** Visits the tour notebook once, then `visits` times again in the same profile; returns the times. */
export async function benchRepeatVisit(dist: string, { visits = 3 } = {}): Promise<RepeatVisitNumbers> {
  const before = loadavg()[0];
  const server = await serveDirectory(dist, { cacheable: true });
  const browser = await launchChromium();
  try {
    const ctx = await recordedContext(browser);
    const url = `${server.origin}/${NOTEBOOK}`;
    let page = await ctx.newPage();
    const first = await visit(page, url);
    // The run settles, then its results are written (a second after): wait until they are in IndexedDB.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((ok) => {
          const open = indexedDB.open("clientbook");
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains("results")) return (db.close(), ok(false));
            const count = db.transaction("results").objectStore("results").count();
            count.onsuccess = () => (db.close(), ok(count.result > 0));
          };
          open.onerror = () => ok(false);
        }),
      undefined,
      { timeout: LIMIT, polling: 500 },
    );
    await page.waitForTimeout(3000);
    const repeats: VisitTimes[] = [];
    for (let i = 0; i < visits; i++) {
      await page.close();
      page = await ctx.newPage();
      repeats.push(await visit(page, url));
      await page.waitForTimeout(2000);
    }
    return { first, repeats, load: [before, loadavg()[0]], offOrigin: ctx.offOrigin(server.origin) };
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The numbers as table rows: what, first visit, repeat visits (median and all). */
export function formatRepeatVisit(n: RepeatVisitNumbers): string {
  const rows = (["readable", "firstChart", "engineReady", "freshChart"] as const).map((key) => {
    const all = n.repeats.map((r) => r[key]);
    return `| ${key} | ${n.first[key]} ms | ${median(all)} ms (${all.join(", ")}) |`;
  });
  return [
    "| measure | first visit | repeat visit, median (each) |",
    "| --- | --- | --- |",
    ...rows,
    `| first chart from the last run | ${n.first.fromLastRun} | ${n.repeats.map((r) => r.fromLastRun).join(", ")} |`,
    `load average (1 min) before / after: ${n.load.map((l) => l.toFixed(2)).join(" / ")}; ` +
      `off-origin requests: ${n.offOrigin.length}`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const visits = Number(args[args.indexOf("--visits") + 1]) || 3;
  const dist = args.includes("--dist")
    ? resolve(args[args.indexOf("--dist") + 1])
    : resolve(import.meta.dirname, "../dist");
  benchRepeatVisit(dist, { visits }).then(
    (n) => console.log(formatRepeatVisit(n)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
