// Start-up (issue 15): the example notebook opened on first visits (three fresh Chromium profiles on disk, the
// median) and a repeat visit in the last profile, served cacheably: when it is readable (its cells shown), the
// engine ready and the first chart drawn, on the page's own clock from navigation; and the JavaScript (gzip)
// fetched before that first chart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { serveDirectory } from "../test/browser/harness";
import { withProfile } from "./bench-browser";
import type { Part } from "./bench-part";
import { kb, seconds, type Row } from "./bench-table";

/** One visit's times (ms from navigation). */
export interface Visit {
  readonly readable: number;
  readonly engine: number;
  readonly chart: number;
  /** When the first chart was drawn, in ms since the epoch (to cut the request log there). */
  readonly chartAt: number;
}

// In the shell only: the first cell shown, the engine ready, and the first chart frame's "drawn" size message.
export const METER = `if (window.top === window) {
  window.__visit = {};
  const stamp = (key) => (window.__visit[key] ??= performance.now());
  new MutationObserver(() => {
    if (document.querySelector("[data-cell]")) stamp("readable");
    if (document.body?.dataset.engine === "ready") stamp("engine");
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-engine"] });
  window.addEventListener("message", (e) => {
    if (e.data && e.data.type === "clientbook:size" && window.__visit.chart === undefined) {
      stamp("chart");
      window.__visit.chartAt = performance.timeOrigin + window.__visit.chart;
    }
  });
}`;

const URL_PATH = "/?notebook=notebooks/customer-review.md";

/** Opens `url` in `page` (METER installed) and waits until it is readable, its engine ready and a chart drawn. */
const visit = (page: Page, url: string) => measureVisit(page, () => page.goto(url));

/** As `visit`, for a page `navigate` opens (a link, a reload). */
export async function measureVisit(page: Page, navigate: () => Promise<unknown>): Promise<Visit> {
  await navigate();
  const handle = await page.waitForFunction(
    () => {
      const v = (window as unknown as { __visit?: Record<string, number> }).__visit;
      return v?.readable !== undefined && v.engine !== undefined && v.chart !== undefined ? v : false;
    },
    null,
    { timeout: 300_000, polling: 50 },
  );
  return (await handle.jsonValue()) as unknown as Visit;
}

/** A request the page made, and when (ms since the epoch, as the browser told it). */
interface Fetched {
  readonly url: string;
  readonly at: number;
}

/**
 * The JavaScript files requested before the first chart, grouped, with their gzip size (each file once). Cut at
 * the chart's own time, not when the bench saw it: chunks preloaded in idle time right after it are not counted.
 */
function javascript(dist: string, fetched: readonly Fetched[], chartAt: number): Record<string, number> {
  const groups: Record<string, number> = { main: 0, sandbox: 0, "duckdb worker": 0 };
  for (const url of new Set(fetched.filter((f) => f.at <= chartAt).map((f) => f.url))) {
    const path = decodeURIComponent(new URL(url).pathname);
    if (!/\.m?js$/.test(path)) continue;
    const group = /duckdb.*worker/.test(path) ? "duckdb worker" : /sandbox/.test(path) ? "sandbox" : "main";
    groups[group] += gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
  }
  return groups;
}

/** How many first visits the part times, each in a fresh profile: one is too few on a shared machine. */
const FIRST_VISITS = 3;

/** Times a first visit of the example notebook served from `dist` and, when `repeat`, a repeat visit after it. */
async function profileVisits(
  dist: string,
  repeat: boolean,
): Promise<{ first: Visit; repeat?: Visit; js: Record<string, number> }> {
  const server = await serveDirectory(dist, { cacheable: true });
  try {
    return await withProfile(server.origin, async ({ context, page }) => {
      await context.addInitScript(METER);
      let fetched: Fetched[] = [];
      // The service worker's offline copy is not what the page needed: its requests are left out.
      context.on(
        "request",
        (r) => void (r.serviceWorker() ? undefined : fetched.push({ url: r.url(), at: Date.now() })),
      );
      const first = await visit(page, `${server.origin}${URL_PATH}`);
      const js = javascript(dist, fetched, first.chartAt);
      if (!repeat) return { first, js };
      // Chromium keeps the compiled wasm once its optimizing compile is done in the background.
      await page.waitForTimeout(15_000);
      fetched = [];
      return { first, repeat: await visit(page, `${server.origin}${URL_PATH}`), js };
    });
  } finally {
    await server.close();
  }
}

/**
 * Times FIRST_VISITS first visits (a fresh profile each), a repeat visit after the last, and sums the JS of a
 * first visit: the first visits' median, not one visit that a busy moment of the machine can slow by half.
 */
export async function benchVisits(
  dist: string,
): Promise<{ first: Visit[]; repeat: Visit; js: Record<string, number> }> {
  const first: Visit[] = [];
  for (;;) {
    const last = first.length === FIRST_VISITS - 1;
    const visits = await profileVisits(dist, last);
    first.push(visits.first);
    if (visits.repeat) return { first, repeat: visits.repeat, js: visits.js };
  }
}

/** The median of each time of `visits` (an odd count). */
function medianVisit(visits: readonly Visit[]): Visit {
  const median = (key: keyof Visit) => [...visits.map((v) => v[key])].sort((a, b) => a - b)[visits.length >> 1];
  return { readable: median("readable"), engine: median("engine"), chart: median("chart"), chartAt: 0 };
}

/** The part: first visit readable / engine / chart, repeat visit chart, JavaScript before the first chart. */
export const visitsPart: Part = {
  name: "start",
  about: "first visit readable / engine ready / first chart, repeat visit first chart, JS gzip before it",
  async run(ctx) {
    const { first: firsts, repeat, js } = await benchVisits(ctx.dist());
    const first = medianVisit(firsts);
    ctx.log(
      `first visits (readable / engine / chart): ${firsts.map((v) => [v.readable, v.engine, v.chart].map(seconds).join(" / ")).join("; ")}`,
    );
    const total = Object.values(js).reduce((a, b) => a + b, 0);
    const rows: Row[] = [
      {
        measure: `first visit: readable / engine ready / first chart (median of ${firsts.length})`,
        clientbook: [first.readable, first.engine, first.chart].map(seconds).join(" / "),
        goal: "0.3 s / - / 2.5 s",
        ratios: [
          { value: first.readable, of: 300, label: "goal" },
          { value: first.chart, of: 2500, label: "goal" },
        ],
      },
      {
        measure: "repeat visit: first chart",
        clientbook: `${seconds(repeat.chart)} (readable ${seconds(repeat.readable)}, engine ${seconds(repeat.engine)})`,
        goal: "1.0 s",
        ratios: [{ value: repeat.chart, of: 1000, label: "goal" }],
      },
      {
        measure: "JavaScript before the first chart, gzip (wasm aside)",
        clientbook: `${kb(total)}: ${Object.entries(js)
          .map(([group, bytes]) => `${group} ${kb(bytes)}`)
          .join(" + ")}`,
        goal: "<= 400 KB",
        ratios: [{ value: total, of: 400 * 1024, label: "goal" }],
      },
    ];
    return rows;
  },
};
