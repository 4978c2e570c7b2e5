// The size budget: the JavaScript the page needs before its first chart, gzip-compressed, stays within
// size-budget.json. That is the entry chunk with its static imports (per the build manifest) plus the
// chart sandbox script (dist/sandbox-entry.js), which every chart frame runs; the code frame's script
// (dist/code-sandbox.js) waits for a ts cell or a Markdown value. The duckdb worker is printed
// but not counted: it is duckdb-wasm's own prebuilt code, it loads beside its 34 MB wasm (which dominates a
// first visit), and on a repeat visit charts draw from the last run before the engine starts. For the same
// reason the engine's client chunk (duckdb-wasm's JS and Apache Arrow), which main.ts fetches at start beside
// the entry, is printed but not counted. The worker a first visit runs (`eh`, pruned at build time by
// src/engine/wasm/glue-prune.ts) has a budget of its own, so a build that stops pruning it fails here.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(__dirname, "..");
const dist = join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8")) as {
  beforeFirstChartGzipKB: number;
  firstVisitWorkerGzipKB: number;
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The chunk keys `key` pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(manifest, next, seen);
  return seen;
}

/** The engine's client: fetched at start, but no kept chart waits for it. */
const ENGINE = "src/engine/wasm/wasm-engine.ts";

const gzipKB = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const line = (label: string, kb: number) => `  ${kb.toFixed(1).padStart(6)} KB  ${label}`;

describe("bundle size", () => {
  it("keeps the JavaScript loaded before the first chart within the budget", () => {
    const manifestPath = join(dist, ".vite/manifest.json");
    expect(existsSync(manifestPath), "dist/.vite/manifest.json is missing: run `npx vite build` first").toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, ManifestChunk>;
    expect(manifest["index.html"]?.isEntry, "the manifest has no index.html entry").toBe(true);
    expect(existsSync(join(dist, "sandbox-entry.js")), "dist/sandbox-entry.js is missing").toBe(true);
    const entry = [...staticClosure(manifest, "index.html")]
      .map((key) => manifest[key].file)
      .filter((f) => f.endsWith(".js"));
    const before = [...entry, "sandbox-entry.js"].map((file) => ({ file, kb: gzipKB(file) }));
    const total = before.reduce((sum, s) => sum + s.kb, 0);
    const lazy = Object.values(manifest).filter((c) => c.file.endsWith(".js") && !entry.includes(c.file));
    const lazyKB = lazy.reduce((sum, c) => sum + gzipKB(c.file), 0);
    const engine = [...staticClosure(manifest, ENGINE)]
      .map((key) => manifest[key].file)
      .filter((f) => !entry.includes(f));
    const workers = readdirSync(join(dist, "assets")).filter((f) => /^duckdb-browser-.*\.worker.*\.js$/.test(f));
    console.log(
      [
        `JavaScript before the first chart: ${total.toFixed(1)} KB gzip (budget ${budget.beforeFirstChartGzipKB} KB)`,
        ...before.map((s) => line(s.file, s.kb)),
        "not counted: the engine's client, fetched at start beside the entry (a first visit's charts wait for it):",
        ...engine.map((f) => line(f, gzipKB(f))),
        "not counted: the duckdb worker (one of these, by browser; a first visit waits for it):",
        ...workers.map((f) => line(`assets/${f}`, gzipKB(`assets/${f}`))),
        `loaded when needed: ${lazy.length} chunks, ${lazyKB.toFixed(1)} KB gzip, and the code sandbox script`,
        line("code-sandbox.js (the first ts cell or Markdown value starts it)", gzipKB("code-sandbox.js")),
      ].join("\n"),
    );
    expect(total).toBeGreaterThan(0);
    expect(
      total,
      `the JavaScript before the first chart is ${total.toFixed(1)} KB gzip, over the ` +
        `${budget.beforeFirstChartGzipKB} KB budget in size-budget.json`,
    ).toBeLessThanOrEqual(budget.beforeFirstChartGzipKB);
    const firstVisitWorker = workers.find((f) => f.startsWith("duckdb-browser-eh.worker"));
    expect(firstVisitWorker, "no duckdb-browser-eh worker in dist/assets").toBeDefined();
    const workerKB = gzipKB(`assets/${firstVisitWorker}`);
    expect(
      workerKB,
      `the duckdb worker of a first visit is ${workerKB.toFixed(1)} KB gzip, over the ` +
        `${budget.firstVisitWorkerGzipKB} KB budget in size-budget.json (is it still pruned?)`,
    ).toBeLessThanOrEqual(budget.firstVisitWorkerGzipKB);
  });
});
