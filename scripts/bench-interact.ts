// Interaction latency by stage (issues 12 and 15): in headless Chromium against a build of the app, over N
// generated orders (a sql cell, so no file is needed), times (a) a range input moved -> the chart fed by a
// query over all orders redrawn, and (b) a brush on a monthly chart -> the linked chart of the brushed orders
// by segment redrawn. Each stage is stamped where it shows (cell states in the page, messages and the drawn
// SVG inside the chart frames, all on one wall clock) and reported as median / p95.
//
// Alone: `npx tsx scripts/bench-interact.ts [--dist DIR | --no-build] [--rows N] [--moves N]` (default: a
// fresh build in .bench/dist, 1,000,000 rows, 30 moves and 30 brushes); `npm run bench` part `range`.
import { loadavg } from "node:os";
import type { Frame, Page } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import { percentile } from "./bench-table";
import { WORKER_TRIPS, workerTime, type RoundTrip } from "./worker-trips";

const fence = "```";
const BARS = ".mark-rect.role-mark:not(.brush_brush_bg):not(.brush_brush) path";

/** The orders the interactions run over: `rows` generated rows (DuckDB's hash of the row number). */
export const interactOrdersSql = (rows: number) =>
  `SELECT DATE '2023-01-01' + (hash(i, 4) % 912)::INTEGER AS order_date,\n` +
  `['Retail', 'Wholesale', 'Online', 'Partner', 'Public'][1 + (hash(i, 1) % 5)::INTEGER] AS segment,\n` +
  `(hash(i, 3) % 20)::INTEGER + 1 AS quantity, round((hash(i, 2) % 100000) / 100, 2) AS amount\n` +
  `FROM range(${Math.floor(rows)}) AS r(i)`;

/** The query the range input re-runs, over `orders`, with `minQty` as written in SQL (a value or `${min_qty}`). */
export const bySegmentSql = (minQty: string) =>
  `SELECT segment, sum(amount) AS revenue, 'q' || ${minQty} || 'q' AS t\n` +
  `FROM orders WHERE quantity >= ${minQty} GROUP BY segment`;

/** The notebook timed: orders, a range input, its chart, a brushed monthly chart and the chart linked to it. */
export function interactNotebook(rows: number): string {
  const labelled = (x: string, y: string) => ({
    layer: [
      { mark: "bar", encoding: { x: { field: x, type: "nominal" }, y: { field: y, type: "quantitative" } } },
      {
        mark: { type: "text", dy: -6 },
        encoding: { x: { field: x, type: "nominal" }, y: { field: y, type: "quantitative" }, text: { field: "t" } },
      },
    ],
  });
  const months = {
    mark: "bar",
    width: 900,
    params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
    encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
  };
  return [
    "---\nnotebook: 1\ntitle: Interaction\n---\n",
    `${fence}sql orders\n${interactOrdersSql(rows)}\n${fence}\n`,
    `${fence}input min_qty\n{ "type": "range", "min": 1, "max": 20, "step": 1, "value": 1 }\n${fence}\n`,
    `${fence}sql by_segment\n${bySegmentSql("${min_qty}")}\n${fence}\n`,
    `${fence}chart revenue data=by_segment\n${JSON.stringify(labelled("segment", "revenue"))}\n${fence}\n`,
    `${fence}chart months data=orders\n${JSON.stringify(months)}\n${fence}\n`,
    `${fence}sql picked\nSELECT segment, count(*) AS n, 'n' || sum(count(*)) OVER () || 'n' AS t FROM orders\n` +
      `WHERE order_date BETWEEN \${brush}[1]::DATE AND \${brush}[2]::DATE GROUP BY segment\n${fence}\n`,
    `${fence}chart linked data=picked\n${JSON.stringify(labelled("segment", "n"))}\n${fence}\n`,
  ].join("\n");
}

type Stamps = Record<string, number>;
/** A timed interaction's stamps. */
type Run = Stamps;
/** The DuckDB round trips made during each run. */
const tripsOf = new WeakMap<Run, RoundTrip[]>();
const withTrips = (run: Run, trips: RoundTrip[]) => (tripsOf.set(run, trips), run);

/** Stamps each cell's state changes (wall clock) into `window.__stamps` of the page. */
async function watchCells(page: Page): Promise<void> {
  // Strings, not functions: tsx would wrap named helpers in a `__name` the page lacks.
  await page.evaluate(`(() => {
    const now = () => performance.timeOrigin + performance.now();
    window.__stamps = {};
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        const key = el.dataset.cell + ":" + el.dataset.state + (el.dataset.stale ? "-stale" : "");
        // The last change of each kind: a drag re-runs the readers on the way, the final run is what counts.
        window.__stamps[key] = now();
        if (r.attributeName === "data-state" && r.oldValue !== "running" && el.dataset.state === "running") {
          const starts = el.dataset.cell + ":starts";
          window.__stamps[starts] = (window.__stamps[starts] ?? 0) + 1;
        }
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ["data-state", "data-stale"],
    });
    window.addEventListener("message", (e) => {
      if (e.data?.type === "clientbook:selection") window.__stamps.selection = now();
    });
  })()`);
}

/** Stamps, inside a chart frame, the render message, the last pointer move and the SVG showing `marker`. */
export async function watchFrame(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    const now = () => performance.timeOrigin + performance.now();
    window.__stamps = {};
    window.__texts = [];
    // Capture: stamped before the sandbox's own listener draws (its microtasks run before later listeners).
    window.addEventListener("message", (e) => {
      const type = e.data?.type;
      if (type !== "clientbook:render") return;
      window.__stamps.received = now();
      window.__stamps.renders = (window.__stamps.renders ?? 0) + 1;
    }, true);
    // The brush's end: the release right after the last move (Chromium fakes moves after layout changes).
    window.addEventListener("pointerup", () => (window.__stamps.released ??= now()), true);
    // The drawn text as it changes, stamped here: a waiting poll from outside would add its own delay.
    const chart = document.getElementById("chart");
    window.__texts.push({ text: chart.querySelector("svg")?.textContent ?? "", at: now() });
    // A new SVG element means the chart was embedded again (a data-only update keeps the drawn one).
    window.__svg = chart.querySelector("svg");
    new MutationObserver(() => {
      const svg = chart.querySelector("svg");
      if (svg && svg !== window.__svg) {
        window.__svg = svg;
        window.__stamps.embeds = (window.__stamps.embeds ?? 0) + 1;
      }
      const text = svg?.textContent ?? "";
      if (text !== window.__texts.at(-1)?.text) window.__texts.push({ text, at: now() });
    }).observe(chart, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

export const reset = (target: Page | Frame) =>
  target.evaluate("window.__stamps = {}; window.__texts = []; if (window.__trips) window.__trips = [];");
const trips = (page: Page) => page.evaluate(() => [...(window as unknown as { __trips: RoundTrip[] }).__trips]);
const stamps = (target: Page | Frame) =>
  target.evaluate(() => ({ ...(window as unknown as { __stamps: Record<string, number> }).__stamps }));

/** When the frame's SVG last changed to the text it shows now (a drag may draw passing states first). */
const lastDrawn = (frame: Frame) =>
  frame.evaluate(() => {
    const texts = (window as unknown as { __texts: { text: string; at: number }[] }).__texts;
    return texts.at(-1)!;
  });

/** Waits until the frame's SVG text matches `marker` and differs from `before`; returns that text and when. */
export async function drawn(frame: Frame, marker: string, before: string): Promise<{ text: string; at: number }> {
  const handle = await frame.waitForFunction(
    ([source, prev]) =>
      (window as unknown as { __texts: { text: string; at: number }[] }).__texts.find(
        (t) => new RegExp(source).test(t.text) && t.text !== prev,
      ) ?? false,
    [marker, before] as const,
    { polling: 10, timeout: 120_000 },
  );
  return (await handle.jsonValue()) as { text: string; at: number };
}

export const chartFrame = async (page: Page, cell: string) => {
  const handle = await page.locator(`[data-cell="${cell}"] iframe[data-role="chart"]`).elementHandle();
  return (await handle!.contentFrame())!;
};

export const settle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-cell][data-state="running"], [data-cell][data-stale]'), {
    polling: 50,
    timeout: 120_000,
  });

/** A stage: `[label, from, to]` stamp names measured as to - from, or `[label, measure]` of a run. */
type Stage = [string, string, string] | [string, (run: Run) => number | undefined];

/** From the input to the first DuckDB request after it posted (`from: "start"`), or from the last answer heard to `to`. */
const posted =
  (to?: string) =>
  (r: Run): number | undefined => {
    const trips = (tripsOf.get(r) ?? []).filter((t) => t.from >= r.start && (to === undefined || t.to <= r[to]));
    if (!trips.length) return undefined;
    if (to === undefined) return Math.min(...trips.map((t) => t.from)) - r.start;
    return r[to] - Math.max(...trips.map((t) => t.to));
  };

/** The DuckDB worker's busy time (or its round trips, `count`) while a cell ran: from `running` to `done`. */
const inWorker =
  (cell: string, what: "ms" | "count" = "ms") =>
  (r: Run): number | undefined => {
    const from = r[`${cell}:running-stale`] ?? r[`${cell}:running`];
    const to = r[`${cell}:done`];
    const trips = tripsOf.get(r);
    return from === undefined || to === undefined || !trips ? undefined : workerTime(trips, from, to)[what];
  };

/**
 * A cell's round trips split by the worker's stamps (from its `running` to its `done`): `compute` the worker's time
 * in handlers, `to worker` from the first request posted to its handler starting, `to page` from the last answer
 * posted to the page hearing it.
 */
const workerSplit =
  (cell: string, what: "compute" | "to worker" | "to page") =>
  (r: Run): number | undefined => {
    const from = r[`${cell}:running-stale`] ?? r[`${cell}:running`];
    const to = r[`${cell}:done`];
    const trips = (tripsOf.get(r) ?? []).filter((t) => t.to > from && t.from < to && t.begun !== undefined);
    if (from === undefined || to === undefined || !trips.length) return undefined;
    if (what === "compute") return trips.reduce((sum, t) => sum + (t.answered! - t.begun!), 0);
    if (what === "to worker") return trips[0].begun! - trips[0].from;
    const last = trips.reduce((a, b) => (b.to > a.to ? b : a));
    return last.to - last.answered!;
  };

/**
 * Names each DuckDB round trip a cell's runs made (from its `running` to its `done`): one line per kind of trip
 * (request type and the start of its SQL), with how many a run made and their median time per run.
 */
function tripLines(cell: string, runs: Run[]): string[] {
  const perRun = runs.map((r) => {
    const from = r[`${cell}:running-stale`] ?? r[`${cell}:running`];
    const to = r[`${cell}:done`];
    const trips = tripsOf.get(r) ?? [];
    return from === undefined || to === undefined ? [] : trips.filter((t) => t.to > from && t.from < to);
  });
  const kinds = new Map<string, { order: number; counts: number[]; times: number[] }>();
  perRun.forEach((trips, run) => {
    trips.forEach((t, i) => {
      const key = t.sql === undefined ? t.type : `${t.type} ${t.sql}`;
      const kind = kinds.get(key) ?? { order: i, counts: runs.map(() => 0), times: runs.map(() => 0) };
      kind.counts[run]++;
      kind.times[run] += t.to - t.from;
      kinds.set(key, kind);
    });
  });
  const sorted = [...kinds].sort((a, b) => a[1].order - b[1].order);
  return [
    `  round trips of ${cell}, per run: how many (median), median ms of them`,
    ...sorted.map(([key, k]) => {
      const n = percentile(k.counts, 50);
      return `    ${String(n).padStart(3)} x  ${percentile(k.times, 50).toFixed(1).padStart(6)} ms  ${key}`;
    }),
  ];
}

/** One row per stage, each as its median and p95 over the runs. */
function summarize(title: string, runs: Run[], stages: Stage[]): string[] {
  return [
    title,
    ...stages.map((stage) => {
      const [label] = stage;
      const ms = (v: number) => (label.includes("(a count") ? v.toFixed(0) : `${v.toFixed(0)} ms`);
      // A stamp not seen makes NaN, which is left out.
      const measure = stage.length === 2 ? stage[1] : (r: Run) => r[stage[2]] - r[stage[1]];
      const values = runs.map(measure).filter((v): v is number => v !== undefined && Number.isFinite(v));
      if (!values.length) return `  ${label.padEnd(40)} (not seen)`;
      const p50 = percentile(values, 50);
      return `  ${label.padEnd(40)} median ${ms(p50).padStart(7)}  p95 ${ms(percentile(values, 95)).padStart(7)}`;
    }),
  ];
}

/** Sets the range input to `value` and dispatches its input event; resolves with when it did (wall clock). */
export const moveRange = (page: Page, value: number) =>
  page.locator('[data-cell="min_qty"] input[type="range"]').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    const t = performance.timeOrigin + performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return t;
  }, value);

/** Moves the range input `count` times, stamping each stage to the revenue chart redrawn. */
async function rangeRuns(page: Page, count: number): Promise<Run[]> {
  const frame = await chartFrame(page, "revenue");
  await watchFrame(frame);
  let before = (await drawn(frame, "q1q", "")).text;
  const runs: Run[] = [];
  let value = 1;
  for (let i = 0; i < count; i++) {
    value = 1 + ((value - 1 + 7) % 20);
    await Promise.all([reset(page), reset(frame)]);
    const start = await moveRange(page, value);
    const seen = await drawn(frame, `q${value}q`, before);
    before = seen.text;
    await settle(page);
    const run = { zero: 0, start, ...(await stamps(page)), ...(await stamps(frame)), drawn: seen.at };
    runs.push(withTrips(run, await trips(page)));
  }
  return runs;
}

/** Steps of one timed drag of the range input, and the ms between them (about one per frame, as a hand drags). */
export const DRAG_STEPS = 5;
const DRAG_STEP_MS = 16;

/** The values of drag `i`: DRAG_STEPS different values, each a move the chart shows. */
export const dragValues = (i: number) => Array.from({ length: DRAG_STEPS }, (_, k) => 1 + ((i * 3 + k * 2) % 19));

/** Drags the range input through `values` (DRAG_STEP_MS apart, dispatched in the page); resolves with the last step's time. */
export const dragRange = (page: Page, values: readonly number[]) =>
  page.locator('[data-cell="min_qty"] input[type="range"]').evaluate(
    // No named functions inside: tsx would wrap them in a `__name` the page lacks.
    async (el, [steps, gap]) => {
      const input = el as HTMLInputElement;
      for (let k = 0; k < steps.length; k++) {
        if (k) await new Promise((resolve) => setTimeout(resolve, gap));
        input.value = String(steps[k]);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      return performance.timeOrigin + performance.now();
    },
    [values, DRAG_STEP_MS] as const,
  );

/**
 * Drags the range input `count` times (DRAG_STEPS values, DRAG_STEP_MS apart, dispatched in the page), timing from
 * the last step to the chart showing its value: what a user sees when the query is slower than the hand.
 */
async function rangeDrags(page: Page, count: number): Promise<Run[]> {
  const frame = await chartFrame(page, "revenue");
  await watchFrame(frame);
  await settle(page);
  let before = (await lastDrawn(frame)).text;
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) {
    const values = dragValues(i);
    const last = values.at(-1)!;
    await Promise.all([reset(page), reset(frame)]);
    const start = await dragRange(page, values);
    const seen = await drawn(frame, `q${last}q`, before);
    before = seen.text;
    await settle(page);
    const run = { zero: 0, start, ...(await stamps(page)), ...(await stamps(frame)), drawn: seen.at };
    const made = await trips(page);
    runs.push(withTrips({ ...run, creates: made.filter((t) => t.type === "RUN_PREPARED").length }, made));
  }
  return runs;
}

/** Drags `count` brushes over the monthly chart, stamping each stage to the linked chart redrawn. */
async function brushRuns(page: Page, count: number): Promise<Run[]> {
  const months = await chartFrame(page, "months");
  const linked = await chartFrame(page, "linked");
  await months.locator(BARS).first().waitFor({ timeout: 60_000 });
  await Promise.all([watchFrame(months), watchFrame(linked)]);
  let before = (await drawn(linked, "n\\d+n", "")).text;
  await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) {
    const bars = months.locator(BARS);
    const a = (await bars.nth(1 + (i % 7)).boundingBox())!;
    const b = (await bars.nth(12 + (i % 11)).boundingBox())!;
    const y = a.y + a.height / 2;
    await Promise.all([reset(page), reset(months), reset(linked)]);
    await page.mouse.move(a.x - 2, y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, y, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, y);
    await page.mouse.up();
    await drawn(linked, "n\\d+n", before);
    await settle(page);
    // The last render may still be drawing in the frame; its stamp is taken there, so waiting costs nothing.
    await page.waitForTimeout(500);
    const seen = await lastDrawn(linked);
    before = seen.text;
    const m = await stamps(months);
    const run = { zero: 0, start: m.released, ...(await stamps(page)), ...(await stamps(linked)), drawn: seen.at };
    const made = await trips(page);
    runs.push(withTrips({ ...run, creates: made.filter((t) => t.type === "RUN_PREPARED").length }, made));
  }
  return runs;
}

/** The report's lines, and each move's and brush's total ms (input -> drawn, release -> drawn). */
export interface Interaction {
  readonly lines: string[];
  readonly rangeTotals: number[];
  readonly brushTotals: number[];
}

const totals = (runs: Stamps[]) =>
  runs.filter((r) => r.start !== undefined && r.drawn !== undefined).map((r) => r.drawn - r.start);

/** Runs both interactions against the app in `dist`; returns the report's lines and the totals. */
export async function benchInteract(dist: string, rows: number, count: number): Promise<Interaction> {
  return withApp(dist, { viewport: { width: 1280, height: 1600 }, init: WORKER_TRIPS }, async ({ page }) => {
    await openNotebook(page, "interact.md", interactNotebook(rows));
    await page.locator('[data-cell="linked"][data-state="done"]').waitFor({ timeout: 600_000 });
    await settle(page);
    await watchCells(page);
    const load = () =>
      loadavg()
        .map((v) => v.toFixed(2))
        .join(" ");
    const loadBefore = load();
    const range = await rangeRuns(page, count);
    const drags = await rangeDrags(page, Math.max(5, Math.round(count / 3)));
    const brush = await brushRuns(page, count);
    const n = rows.toLocaleString("en");
    const lines = [
      `load average before: ${loadBefore}, after: ${load()}`,
      ...summarize(`range input -> chart redrawn (${n} rows, ${count} moves)`, range, [
        ["input -> by_segment running", "start", "by_segment:running-stale"],
        ["input -> first query posted to DuckDB", posted()],
        ["by_segment running -> done", "by_segment:running-stale", "by_segment:done"],
        ["  of which in the DuckDB worker", inWorker("by_segment")],
        ["  DuckDB round trips (a count)", inWorker("by_segment", "count")],
        ["  request posted -> worker starts it", workerSplit("by_segment", "to worker")],
        ["  worker computing (its handlers)", workerSplit("by_segment", "compute")],
        ["  last answer posted -> page hears it", workerSplit("by_segment", "to page")],
        ["by_segment done -> revenue done", "by_segment:done", "revenue:done"],
        ["  revenue running -> done", "revenue:running-stale", "revenue:done"],
        ["  of which in the DuckDB worker", inWorker("revenue")],
        ["  DuckDB round trips (a count)", inWorker("revenue", "count")],
        ["revenue done -> frame has data", "revenue:done", "received"],
        ["last answer heard -> frame has data", posted("received")],
        ["runs of by_segment started (a count)", (r) => r["by_segment:starts"]],
        ["renders per move (a count)", "zero", "renders"],
        ["charts embedded anew per move (a count)", (r) => r.embeds ?? 0],
        ["frame has data -> drawn", "received", "drawn"],
        ["total: input -> drawn", "start", "drawn"],
      ]),
      ...tripLines("by_segment", range),
      ...tripLines("revenue", range),
      ...summarize(`range dragged (${DRAG_STEPS} steps ${DRAG_STEP_MS} ms apart) -> last value drawn`, drags, [
        ["prepared runs per drag (a count)", (r) => r.creates],
        ["total: last step -> drawn", "start", "drawn"],
      ]),
      ...summarize(`brush -> linked chart redrawn (${n} rows, ${count} brushes)`, brush, [
        ["release -> last selection posted", "start", "selection"],
        ["selection -> picked running", "selection", "picked:running-stale"],
        ["picked running -> done", "picked:running-stale", "picked:done"],
        ["  of which in the DuckDB worker", inWorker("picked")],
        ["  DuckDB round trips (a count)", inWorker("picked", "count")],
        ["  request posted -> worker starts it", workerSplit("picked", "to worker")],
        ["  worker computing (its handlers)", workerSplit("picked", "compute")],
        ["  last answer posted -> page hears it", workerSplit("picked", "to page")],
        ["picked done -> linked done", "picked:done", "linked:done"],
        ["  linked running -> done", "linked:running-stale", "linked:done"],
        ["  of which in the DuckDB worker", inWorker("linked")],
        ["runs of picked started (a count)", (r) => r["picked:starts"]],
        ["prepared runs per brush (a count)", (r) => r.creates],
        ["linked done -> frame has data", "linked:done", "received"],
        ["renders per brush (a count)", "zero", "renders"],
        ["charts embedded anew per brush (a count)", (r) => r.embeds ?? 0],
        ["frame has data -> drawn", "received", "drawn"],
        ["total: release -> drawn", "start", "drawn"],
      ]),
      ...tripLines("picked", brush),
      ...tripLines("linked", brush),
    ];
    return { lines, rangeTotals: totals(range), brushTotals: totals(brush) };
  });
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const result = await benchInteract(distFromArgs(args), args.number("--rows", 1_000_000), args.number("--moves", 30));
  console.log(result.lines.join("\n"));
}
