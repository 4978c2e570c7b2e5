// Two builds side by side (issue 15, items 1-2): per run and build, a fresh on-disk Chromium profile opens the
// tour notebook (first visit), then again in a new tab (repeat visit), then reloads that tab (same-tab reload);
// each timed on the page's own clock: readable, engine ready, first chart. Builds alternate which goes first.
// CLI: `npx tsx scripts/bench-visits-ab.ts --a DIR --b DIR [--runs N] [--reload-wait MS]`; prints medians and every run.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { serveDirectory } from "../test/browser/harness";
import { isMain, parseArgs, withProfile } from "./bench-browser";
import { resultsKept } from "./bench-timeline";
import { measureVisit, METER, type Visit } from "./bench-visits";

const URL_PATH = "/?notebook=notebooks/customer-review.md";
const KINDS = ["first visit", "repeat, new tab", "same-tab reload"] as const;
type Kind = (typeof KINDS)[number];

/** A visit's times, and when its entry script was requested (ms from navigation). */
type Times = Visit & { readonly script: number };

async function measured(page: Page, navigate: () => Promise<unknown>): Promise<Times> {
  const times = await measureVisit(page, navigate);
  // When the entry script was asked for: on a same-tab reload, after the old page's teardown.
  const script = await page.evaluate(
    () =>
      performance.getEntriesByType("resource").find((e) => /\/assets\/main-[^/]*\.js$/.test(e.name))?.startTime ?? -1,
  );
  return { ...times, script };
}

/** One build's three visits in a fresh profile. */
async function visits(dist: string, reloadWait: number): Promise<Record<Kind, Times>> {
  const server = await serveDirectory(dist, { cacheable: true });
  try {
    return await withProfile(server.origin, async ({ context }) => {
      await context.addInitScript(METER);
      const url = `${server.origin}${URL_PATH}`;
      let page = context.pages()[0] ?? (await context.newPage());
      const first = await measured(page, () => page.goto(url));
      while (!(await resultsKept(page))) await page.waitForTimeout(300);
      // Chromium keeps the compiled wasm once its optimizing compile is done in the background.
      await page.waitForTimeout(8000);
      const fresh = await context.newPage();
      await page.close();
      page = fresh;
      const repeat = await measured(page, () => page.goto(url));
      await page.waitForTimeout(reloadWait);
      const reload = await measured(page, () => page.reload());
      return { "first visit": first, "repeat, new tab": repeat, "same-tab reload": reload };
    });
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const s = (ms: number) => (ms / 1000).toFixed(2);

if (isMain(import.meta)) {
  const args = parseArgs();
  const builds = { a: resolve(args.value("--a") ?? "dist"), b: resolve(args.value("--b") ?? "dist") };
  const runs = args.number("--runs", 3);
  // How long the repeat visit's tab stays before the reload (0: while its fresh run is still going).
  const reloadWait = Number(args.value("--reload-wait") ?? 3000);
  const results: Record<"a" | "b", Record<Kind, Times>[]> = { a: [], b: [] };
  const loads: number[] = [loadavg()[0]];
  void (async () => {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? (["b", "a"] as const) : (["a", "b"] as const)) {
        results[which].push(await visits(builds[which], reloadWait));
        loads.push(loadavg()[0]);
      }
    }
    console.log(`a = ${builds.a}\nb = ${builds.b}\n`);
    console.log("| visit | measure | a median | b median | b / a | a runs | b runs |");
    console.log("| --- | --- | ---: | ---: | ---: | --- | --- |");
    for (const kind of KINDS)
      for (const key of ["script", "readable", "engine", "chart"] as const) {
        const a = results.a.map((r) => r[kind][key]);
        const b = results.b.map((r) => r[kind][key]);
        const ratio = (median(b) / median(a)).toFixed(2);
        const all = (v: number[]) => v.map(s).join(", ");
        console.log(`| ${kind} | ${key} | ${s(median(a))} | ${s(median(b))} | ${ratio} | ${all(a)} | ${all(b)} |`);
      }
    console.log(`\nload average (1 min) over the runs: ${loads.map((l) => l.toFixed(1)).join(", ")}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
