// Where a visit's main-thread time goes (issue 15, items 1-2): Chromium's trace of the tour notebook opened on a
// first visit and then a repeat visit (one on-disk profile, served cacheably), cut at the app's start marks into
// windows (navigation -> readable, readable -> engine ready, engine ready -> fresh chart), each with the page's
// busy time by task kind and the JavaScript it ran by script and by function (sampled), self time.
// CLI: `npx tsx scripts/trace-first-visit.ts --dist DIR [--top N] [--only first|repeat]`.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { serveDirectory } from "../test/browser/harness";
import { isMain, parseArgs, withProfile } from "./bench-browser";
import { resultsKept } from "./bench-timeline";

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
];
const URL_PATH = "/?notebook=notebooks/customer-review.md";
const LIMIT = 300_000;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

interface ProfileNode {
  readonly id: number;
  readonly parent?: number;
  readonly callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
}

async function traced(page: Page, visit: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  await visit();
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  return events;
}

async function openAndWait(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName("clientbook:start:fresh-chart-drawn").length > 0,
    null,
    { timeout: LIMIT, polling: 100 },
  );
  await page.waitForTimeout(500);
}

/** Self time per sample of each thread's CPU profile: [ts, node] pairs with the nodes by id. */
function samples(events: readonly TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, ProfileNode>();
  const out: { ts: number; node: number }[] = [];
  const ids = new Set(events.filter((e) => e.name === "Profile" && e.pid === pid && e.tid === tid).map((e) => e.id));
  let ts = 0;
  for (const e of events) {
    if (e.name === "Profile" && e.pid === pid && e.tid === tid) ts = (e.args?.data as { startTime: number }).startTime;
    if (e.name !== "ProfileChunk" || e.pid !== pid || !ids.has(e.id)) continue;
    const data = e.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const s = data.cpuProfile?.samples ?? [];
    const d = data.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) {
      ts += d[i] ?? 0;
      out.push({ ts, node: s[i] });
    }
  }
  return { nodes, out };
}

const ms = (us: number) => Math.round(us / 1000);

// Source maps of a build made with `--sourcemap`, when there: names functions by their source file and line.
let mapsDir = "";
const maps = new Map<string, TraceMap | null>();
function where(file: string, line: number, column: number): string {
  if (!maps.has(file)) {
    const path = join(mapsDir, "assets", `${file}.map`);
    maps.set(file, mapsDir && existsSync(path) ? new TraceMap(readFileSync(path, "utf8")) : null);
  }
  const map = maps.get(file);
  if (!map) return `${file}:${line + 1}:${column + 1}`;
  const p = originalPositionFor(map, { line: line + 1, column });
  return p.source
    ? `${p.source.replace(/^(\.\.\/)+/, "")}:${p.line}${p.name ? ` (${p.name})` : ""}`
    : `${file}:${line + 1}`;
}

function report(title: string, events: TraceEvent[], top: number): string {
  const lines: string[] = [`## ${title}`];
  const marks = events.filter((e) => e.name.startsWith("clientbook:start:"));
  if (!marks.length) return `${title}: no marks`;
  const pid = marks[0].pid;
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid && e.args?.name === "CrRendererMain",
  )!.tid;
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === pid && e.tid === main);
  const at = (name: string) => marks.find((e) => e.name === `clientbook:start:${name}`)?.ts;
  const t0 = nav?.ts ?? marks[0].ts;
  lines.push(
    "marks (ms from navigation): " +
      marks
        .filter((e) => e.ph !== "e")
        .map((e) => `${e.name.replace("clientbook:start:", "")} ${ms(e.ts - t0)}`)
        .join(", "),
  );
  const readable = at("first-cell-rendered")!;
  const windows: [string, number, number][] = [
    ["navigation -> first cell rendered", t0, readable],
    ["first cell rendered -> engine ready", readable, at("engine-ready")!],
    ["engine ready -> fresh chart drawn", at("engine-ready")!, at("fresh-chart-drawn")!],
  ];
  const prof = samples(events, pid, main);
  for (const [name, from, to] of windows) {
    lines.push("", `### ${name}: ${ms(to - from)} ms`);
    // Top-level tasks on the page's main thread, and their direct children by kind.
    const tasks = events.filter(
      (e) =>
        e.pid === pid &&
        e.tid === main &&
        e.ph === "X" &&
        e.name === "RunTask" &&
        e.ts < to &&
        e.ts + (e.dur ?? 0) > from,
    );
    const busy = tasks.reduce((s, e) => s + Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts), 0);
    const kinds = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== pid || e.tid !== main || e.ph !== "X" || e.name === "RunTask") continue;
      if (e.ts >= to || e.ts + (e.dur ?? 0) <= from) continue;
      const parent = tasks.find((t) => t.ts <= e.ts && t.ts + (t.dur ?? 0) >= e.ts + (e.dur ?? 0));
      if (!parent) continue;
      // Only the task's direct children: skip an event inside another non-task event.
      const inner = events.some(
        (o) =>
          o !== e &&
          o.pid === pid &&
          o.tid === main &&
          o.ph === "X" &&
          o.name !== "RunTask" &&
          o.ts <= e.ts &&
          o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) &&
          (o.dur ?? 0) > (e.dur ?? 0) &&
          o.ts >= parent.ts,
      );
      if (inner) continue;
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0));
    }
    // Thread time (CPU) of the tasks inside the window: what a busy machine's waits do not inflate.
    const cpu = tasks
      .filter((t) => t.ts >= from && t.ts < to)
      .reduce((sum, t) => sum + ((t as { tdur?: number }).tdur ?? 0), 0);
    lines.push(`main thread CPU ${ms(cpu)} ms (tasks started inside)`);
    lines.push(
      `main thread busy ${ms(busy)} ms in ${tasks.length} tasks; longest: ${tasks
        .map((t) => t.dur ?? 0)
        .sort((a, b) => b - a)
        .slice(0, 6)
        .map(ms)
        .join(", ")} ms`,
    );
    lines.push(
      "by kind: " +
        [...kinds]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .filter(([, v]) => v >= 2000)
          .map(([k, v]) => `${k} ${ms(v)}`)
          .join(", "),
    );
    // JavaScript self time by script and by function.
    const byUrl = new Map<string, number>();
    const byFn = new Map<string, number>();
    const total = new Map<string, number>();
    const label = (n: ProfileNode) => {
      const f = n.callFrame;
      const url = f.url ? f.url.split("/").pop()! : f.functionName.startsWith("(") ? f.functionName : "(native)";
      return `${f.functionName || "(anon)"} ${where(url, f.lineNumber ?? 0, f.columnNumber ?? 0)}`;
    };
    const inWindow = prof.out.filter((s) => s.ts >= from && s.ts < to);
    for (let i = 0; i < inWindow.length; i++) {
      const s = inWindow[i];
      const next = inWindow[i + 1]?.ts ?? to;
      const dt = Math.min(next - s.ts, 10_000);
      const node = prof.nodes.get(s.node);
      if (!node) continue;
      const f = node.callFrame;
      if (f.functionName === "(idle)") continue;
      const url = f.url ? f.url.split("/").pop()! : f.functionName.startsWith("(") ? f.functionName : "(native)";
      byUrl.set(url, (byUrl.get(url) ?? 0) + dt);
      const fn = label(node);
      byFn.set(fn, (byFn.get(fn) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = node; n; n = n.parent ? prof.nodes.get(n.parent) : undefined) {
        const l = label(n);
        if (seen.has(l) || l.startsWith("(root)")) continue;
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + dt);
      }
    }
    const list = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `  ${String(ms(v)).padStart(5)} ${k}`);
    lines.push(
      "JS self time by script:",
      ...list(byUrl, 10),
      "by function:",
      ...list(byFn, top),
      "by function, with callees:",
      ...list(total, top),
    );
    // Each task over 10 ms: when, how long, its biggest children and the JS functions (with callees) inside it.
    for (const t of tasks.filter((t) => (t.dur ?? 0) > 10_000)) {
      const end = t.ts + (t.dur ?? 0);
      const kids = events
        .filter(
          (e) =>
            e.pid === pid && e.tid === main && e.ph === "X" && e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map(
          (e) =>
            `${e.name}${
              e.args?.data && (e.args.data as { url?: string }).url
                ? `(${String((e.args.data as { url?: string }).url)
                    .split("/")
                    .pop()})`
                : ""
            } ${ms(e.dur ?? 0)}`,
        );
      const inside = new Map<string, number>();
      const ss = prof.out.filter((x) => x.ts >= t.ts && x.ts < end);
      for (let i = 0; i < ss.length; i++) {
        const dt = Math.min((ss[i + 1]?.ts ?? end) - ss[i].ts, 10_000);
        const seen = new Set<string>();
        for (let n = prof.nodes.get(ss[i].node); n; n = n.parent ? prof.nodes.get(n.parent) : undefined) {
          const l = label(n);
          if (seen.has(l) || /^\((root|program)\)/.test(l) || /node_modules\/svelte/.test(l)) continue;
          seen.add(l);
          inside.set(l, (inside.get(l) ?? 0) + dt);
        }
      }
      lines.push(
        `task at ${ms(t.ts - t0)} for ${ms(t.dur ?? 0)} ms: ${kids.join(", ")}`,
        ...[...inside]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14)
          .filter(([, v]) => v >= 3000)
          .map(([k, v]) => `      ${String(ms(v)).padStart(4)} ${k}`),
      );
    }
    lines.push(
      "long tasks (ms from navigation, ms): " +
        tasks
          .filter((t) => (t.dur ?? 0) > 40_000)
          .map((t) => `${ms(t.ts - t0)}+${ms(t.dur ?? 0)}`)
          .join(", "),
    );
  }
  return lines.join("\n");
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const dist = resolve(args.value("--dist") ?? "dist");
  mapsDir = dist;
  const top = args.number("--top", 25);
  const only = args.value("--only");
  const before = loadavg()[0].toFixed(2);
  (async () => {
    const server = await serveDirectory(dist, { cacheable: true });
    try {
      await withProfile(server.origin, async ({ page }) => {
        const url = `${server.origin}${URL_PATH}`;
        const first = await traced(page, () => openAndWait(page, url));
        const save = args.value("--save");
        if (save) (await import("node:fs")).writeFileSync(`${save}-first.json`, JSON.stringify(first));
        if (only !== "repeat") console.log(report("first visit", first, top));
        if (only === "first") return;
        while (!(await resultsKept(page))) await page.waitForTimeout(500);
        await page.waitForTimeout(10_000);
        const repeat = await traced(page, () => openAndWait(page, url));
        if (save) (await import("node:fs")).writeFileSync(`${save}-repeat.json`, JSON.stringify(repeat));
        console.log("\n" + report("repeat visit", repeat, top));
      });
    } finally {
      await server.close();
    }
    console.log(`\nload average (1 min) before / after: ${before} / ${loadavg()[0].toFixed(2)}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
