// Where a repeat visit's engine start goes, from Chromium's own trace: the one-thread build (service workers
// blocked, files from the HTTP cache) and the threaded one (`?threads=on`, served by the service worker, isolated). Per
// build: the wasm streaming compile, the module's instances (DuckDB's worker, then each thread Worker),
// the functions compiled lazily, and whether the compiled module came from Chromium's code cache.
//
// CLI: `npx tsx scripts/trace-engine-start.ts [--dist DIR] [--only eh|coi]` (build dist/ first).
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, recordedContext, serveDirectory } from "../test/browser/harness";
import { withThreads } from "../src/sw/isolation";

const CATEGORIES = ["v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-devtools.timeline"];
const LIMIT = 600_000;

interface TraceEvent {
  readonly name: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tid: number;
}

/** One traced repeat visit: the engine-ready time and the wasm steps (ms from the trace's first wasm event). */
export interface StartTrace {
  readonly bundle: string;
  readonly engineReadyMs: number;
  readonly compile: readonly [number, number];
  /** Each instance of the big module (over 100 ms): DuckDB's worker first, then the thread Workers. */
  readonly instances: readonly (readonly [number, number])[];
  readonly lazyCompiles: number;
  readonly lazyCompileMs: number;
  readonly codeCacheHits: number;
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
  return events;
}

function summarize(bundle: string, engineReadyMs: number, events: TraceEvent[]): StartTrace {
  const wasm = events.filter((e) => e.name.startsWith("wasm.") || e.name.startsWith("v8.wasm."));
  const t0 = Math.min(...wasm.map((e) => e.ts));
  const span = (e: TraceEvent) => [(e.ts - t0) / 1000, (e.ts + (e.dur ?? 0) - t0) / 1000] as const;
  const first = (name: string) => wasm.find((e) => e.name === name);
  const start = first("wasm.StartStreamingCompilation");
  const finish = first("wasm.FinishStreaming");
  const lazy = wasm.filter((e) => e.name === "wasm.CompileLazy" && e.dur !== undefined);
  return {
    bundle,
    engineReadyMs,
    compile: [start ? span(start)[0] : NaN, finish ? span(finish)[1] : NaN],
    instances: wasm
      .filter((e) => e.name === "wasm.SyncInstantiate" && (e.dur ?? 0) > 100_000)
      .map(span)
      .sort((a, b) => a[0] - b[0]),
    lazyCompiles: lazy.length,
    lazyCompileMs: lazy.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    codeCacheHits: wasm.filter((e) => e.name === "v8.wasm.moduleCacheHit").length,
  };
}

/** Visits the app once, then traces a repeat visit in the same context; `threaded`: via the service worker, `?threads=on`. */
export async function traceEngineStart(dist: string, threaded: boolean): Promise<StartTrace> {
  const server = await serveDirectory(dist, { cacheable: true });
  const browser = await launchChromium();
  try {
    const recorded = await recordedContext(browser, { serviceWorkers: threaded ? "allow" : "block" });
    const first = await recorded.newPage();
    const address = `${server.origin}/${threaded ? withThreads("") : ""}`;
    await first.goto(address);
    await first.waitForSelector(threaded ? "body[data-offline=ready]" : "body[data-engine=ready]", { timeout: LIMIT });
    // Time for the first visit's compiled code to reach the cache, were it to be kept.
    await first.waitForTimeout(5000);
    await first.close();
    const page = await recorded.newPage();
    let engineReadyMs = NaN;
    const events = await traced(page, async () => {
      await page.goto(address, { waitUntil: "commit" });
      await page.waitForSelector("body[data-engine=ready]", { timeout: LIMIT });
      engineReadyMs = await page.evaluate(() => performance.now());
    });
    const bundle = (await page.evaluate(() => document.body.dataset.engineBundle)) ?? "?";
    const off = recorded.offOrigin(server.origin);
    if (off.length) throw new Error(`requests left the origin: ${off.join(" ")}`);
    return summarize(bundle, engineReadyMs, events);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The traces as one Markdown table (seconds). */
export function formatStartTraces(traces: readonly StartTrace[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const range = ([a, b]: readonly [number, number]) => `${s(a)}-${s(b)}`;
  const row = (what: string, cell: (t: StartTrace) => string) => `| ${what} | ${traces.map(cell).join(" | ")} |`;
  return [
    `| s (from the first wasm event) | ${traces.map((t) => t.bundle).join(" | ")} |`,
    `| --- | ${traces.map(() => "---").join(" | ")} |`,
    row("streaming compile", (t) => range(t.compile)),
    row("DuckDB's worker instantiates", (t) => (t.instances[0] ? range(t.instances[0]) : "-")),
    row("thread Workers instantiate", (t) => t.instances.slice(1).map(range).join(", ") || "-"),
    row("lazy compiles (count, CPU s)", (t) => `${t.lazyCompiles}, ${s(t.lazyCompileMs)}`),
    row("compiled module from the code cache", (t) => (t.codeCacheHits ? "yes" : "no")),
    row("engine ready (from navigation)", (t) => s(t.engineReadyMs)),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const dist = resolve(value("--dist") ?? resolve(import.meta.dirname, "../dist"));
  const only = value("--only");
  const before = loadavg()[0].toFixed(1);
  const traces: StartTrace[] = [];
  if (only !== "coi") traces.push(await traceEngineStart(dist, false));
  if (only !== "eh") traces.push(await traceEngineStart(dist, true));
  console.log(formatStartTraces(traces));
  console.log(`load average (1 min) before / after: ${before} / ${loadavg()[0].toFixed(1)}`);
}
