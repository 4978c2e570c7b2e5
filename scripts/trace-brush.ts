// Where a brush's time goes, brush by brush (issue 15's p95 tail): the bench-brush notebook and drags, with each
// stage stamped on one wall clock (release in the frame, selection heard by the page, the reader's queries in
// DuckDB's worker, the reader done, its table's text changed) and the page's long tasks; prints one line per brush.
//
// `npx tsx scripts/trace-brush.ts [--dist DIR | --no-build] [--rows N] [--brushes N] [--slow MS] [--summary]` (defaults
// as bench-brush; `--slow`: also list the round trips and long tasks of brushes slower than MS, default 100, and of
// those that shared DuckDB's worker with other work; `--summary`: the last line only).
import type { Page } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import { BARS, brushNotebook, dragBrush } from "./bench-brush";
import { percentile } from "./bench-table";
import { WORKER_TRIPS, type RoundTrip } from "./worker-trips";

/** Stamps (wall clock) in the page: selections heard, the reader's states, its text, long tasks. */
const PAGE_STAMPS = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.__b = { selection: [], states: [], text: [], long: [], warm: [] };
  new MutationObserver(() => window.__b.warm.push([document.body.dataset.engineWarmUp, now()])).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-engine-warm-up"],
  });
  window.addEventListener("message", (e) => {
    if (e.data?.type === "clientbook:selection") window.__b.selection.push(now());
  }, true);
  const cell = () => document.querySelector('[data-cell="picked"]');
  new MutationObserver(() => {
    const c = cell();
    const text = c?.querySelector(".grid-row .td")?.textContent ?? null;
    const state = (c?.dataset.state ?? "") + (c?.hasAttribute("data-stale") ? "-stale" : "");
    if (state !== window.__b.lastState) window.__b.states.push([state, now()]);
    if (text !== window.__b.lastText) window.__b.text.push(now());
    window.__b.lastState = state;
    window.__b.lastText = text;
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__b.long.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: "longtask" });
})()`;

/** Stamps in the chart frame: the release and its long tasks. */
const FRAME_STAMPS = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.__b = { up: [], move: [], long: [] };
  window.addEventListener("pointerup", () => window.__b.up.push(now()), true);
  window.addEventListener("pointermove", () => window.__b.move.push(now()), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__b.long.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: "longtask" });
})()`;

interface PageStamps {
  selection: number[];
  states: [string, number][];
  text: number[];
  long: [number, number][];
  warm: [string, number][];
}

const reset =
  "window.__b && Object.keys(window.__b).forEach((k) => Array.isArray(window.__b[k]) && (window.__b[k] = []));";

/** One brush's stages, ms from its release (frame clock). */
export interface BrushTrace {
  /** As bench-brush times it: from the last move sent (Node) to the reader's new text seen by a poll. */
  readonly total: number;
  /** In the page: from the release (frame) to the reader's new text (page), no driver or poll in it. */
  readonly inPage: number;
  /** Whether DuckDB's worker was busy with anything but this brush's own queries during it (the warm-up). */
  readonly shared: boolean;
  readonly line: string;
  readonly detail: string;
}

const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(0));

async function traceOne(page: Page, i: number): Promise<BrushTrace> {
  const handle = await page.locator('[data-cell="months"] iframe[data-role="chart"]').elementHandle();
  const frame = (await handle!.contentFrame())!;
  const before = await page.locator('[data-cell="picked"] .grid-row .td').first().textContent();
  await page.evaluate(reset + " window.__trips.length = 0;");
  await frame.evaluate(reset);
  const t0 = await dragBrush(page, frame, 1 + (i % 7), 12 + (i % 11));
  const wall0 = performance.timeOrigin + t0;
  const upReturned = performance.timeOrigin + performance.now();
  await page.waitForFunction(
    (prev) => {
      const cell = document.querySelector('[data-cell="picked"]');
      const text = cell?.querySelector(".grid-row .td")?.textContent ?? null;
      return cell?.getAttribute("data-state") === "done" && !cell.hasAttribute("data-stale") && text !== prev;
    },
    before,
    { polling: "raf", timeout: 120_000 },
  );
  const total = performance.now() - t0;
  const seen = performance.timeOrigin + performance.now();
  const p = (await page.evaluate("window.__b")) as PageStamps;
  const fr = (await frame.evaluate("window.__b")) as { up: number[]; move: number[]; long: [number, number][] };
  const trips = (await page.evaluate("window.__trips")) as RoundTrip[];
  const up = fr.up[0];
  const rel = (t: number | undefined) => (t === undefined ? undefined : t - up);
  const queries = trips.filter((t) => t.sql);
  const running = p.states.find(([s]) => s.startsWith("running"))?.[1];
  const done = p.states.filter(([s]) => s === "done").at(-1)?.[1];
  const compute = trips.reduce((s, t) => s + ((t.answered ?? 0) - (t.begun ?? 0)), 0);
  const inPage = (p.text.at(-1) ?? NaN) - up;
  // The brush's own round trips are posted after its release, one statement each: anything posted earlier, or a
  // pending query's (the warm-up's start, polls, cancel, fetch), was other work. A warm-up try skipped posts nothing.
  const own = (t: RoundTrip) => t.from >= up && (t.type === "RUN_PREPARED" || t.type === "RUN_QUERY");
  const shared = trips.some((t) => !own(t));
  // Every stage in ms from the release: the driver's last move (t0) and its return, the page's selection, the
  // reader's run, its first query posted and last answer heard, done, the new text, and the poll that saw it.
  const stages: [string, number | undefined][] = [
    ["t0", wall0],
    ["last-move", fr.move.at(-1)],
    ["up-returned", upReturned],
    ["sel", p.selection[0]],
    ["run", running],
    ["q1-post", queries[0]?.from],
    ["q-last-heard", queries.at(-1)?.to],
    ["done", done],
    ["text", p.text.at(-1)],
    ["seen", seen],
  ];
  const warm = p.warm.map(([w, t]) => `${w}@${f(rel(t))}`).join(" ") || "-";
  const longs = (l: [number, number][]) => l.map(([, d]) => f(d)).join("+") || "0";
  const line = [
    `${String(i).padStart(3)} total ${f(total).padStart(4)}`,
    stages.map(([name, t]) => `${name} ${f(rel(t))}`).join(" "),
    `trips ${trips.length} worker ${f(compute)} warm-up ${warm}`,
    `long tasks page ${longs(p.long)} frame ${longs(fr.long)}`,
  ].join(" | ");
  const detail = [
    ...trips.map(
      (t) =>
        `      trip ${t.type} ${t.sql ?? ""} posted ${f(rel(t.from))} begun ${f(rel(t.begun))} ` +
        `answered ${f(rel(t.answered))} heard ${f(rel(t.to))}`,
    ),
    ...p.long.map(([s, d]) => `      long task page at ${f(rel(s))} for ${f(d)}`),
    ...fr.long.map(([s, d]) => `      long task frame at ${f(rel(s))} for ${f(d)}`),
    `      states ${p.states.map(([s, t]) => `${s}@${f(rel(t))}`).join(" ")}`,
  ].join("\n");
  return { total, inPage, shared, line, detail };
}

/** Traces `count` brushes over `rows` orders against the app in `dist`. */
export async function traceBrush(dist: string, rows: number, count: number): Promise<BrushTrace[]> {
  return withApp(dist, { init: WORKER_TRIPS }, async ({ page }) => {
    await openNotebook(page, "brush.md", brushNotebook(rows));
    await page.locator('[data-cell="picked"][data-state="done"]').waitFor({ timeout: 600_000 });
    const handle = await page.locator('[data-cell="months"] iframe[data-role="chart"]').elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.locator(BARS).first().waitFor({ timeout: 60_000 });
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    await page.evaluate(PAGE_STAMPS);
    await frame.evaluate(FRAME_STAMPS);
    const traces: BrushTrace[] = [];
    for (let i = 0; i < count; i++) traces.push(await traceOne(page, i));
    return traces;
  });
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const slow = args.number("--slow", 100);
  const traces = await traceBrush(distFromArgs(args), args.number("--rows", 1_000_000), args.number("--brushes", 30));
  if (!args.flag("--summary"))
    for (const t of traces) console.log(t.line + (t.total > slow || t.shared ? `\n${t.detail}` : ""));
  const stats = (label: string, v: number[]) =>
    `${label} median ${f(percentile(v, 50))} p95 ${f(percentile(v, 95))} max ${f(Math.max(...v))} ` +
    `over100 ${v.filter((x) => x > 100).length}`;
  const shared = traces.filter((t) => t.shared);
  const totals = traces.map((t) => t.total);
  const inPage = traces.map((t) => t.inPage);
  // The brushes that shared DuckDB's worker, each as in-page/bench ms.
  const sharedList = shared.map((t) => `${f(t.inPage)}/${f(t.total)}`).join(" ");
  const alone = traces.filter((t) => !t.shared).map((t) => t.inPage);
  console.log(
    [
      stats("bench", totals),
      stats("in-page", inPage),
      stats("in-page alone", alone),
      `shared ${shared.length} (${sharedList})`,
    ].join(" | "),
  );
}
