// The size budget: the JavaScript the page needs before its first chart (the entry chunk and its
// static imports, per the build manifest), gzip-compressed, stays within size-budget.json.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(__dirname, "..");
const dist = join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8")) as { entryGzipKB: number };

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

const gzipKB = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

describe("bundle size", () => {
  it("keeps the JavaScript loaded before the first chart within the budget", () => {
    const manifestPath = join(dist, ".vite/manifest.json");
    expect(existsSync(manifestPath), "dist/.vite/manifest.json is missing: run `npx vite build` first").toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, ManifestChunk>;
    expect(manifest["index.html"]?.isEntry, "the manifest has no index.html entry").toBe(true);
    const before = [...staticClosure(manifest, "index.html")]
      .map((key) => manifest[key].file)
      .filter((f) => f.endsWith(".js"));
    const sizes = before.map((file) => ({ file, kb: gzipKB(file) }));
    const total = sizes.reduce((sum, s) => sum + s.kb, 0);
    const lazy = Object.values(manifest).filter((c) => c.file.endsWith(".js") && !before.includes(c.file));
    const lazyKB = lazy.reduce((sum, c) => sum + gzipKB(c.file), 0);
    const sandbox = existsSync(join(dist, "sandbox-entry.js")) ? gzipKB("sandbox-entry.js") : NaN;
    console.log(
      [
        `before the first chart: ${total.toFixed(1)} KB gzip (budget ${budget.entryGzipKB} KB)`,
        ...sizes.map((s) => `  ${s.file}: ${s.kb.toFixed(1)} KB`),
        `loaded when needed: ${lazy.length} chunks, ${lazyKB.toFixed(1)} KB gzip`,
        `chart sandbox script (per frame): ${sandbox.toFixed(1)} KB gzip`,
      ].join("\n"),
    );
    expect(total).toBeGreaterThan(0);
    expect(
      total,
      `entry JavaScript is ${total.toFixed(1)} KB gzip, over the ${budget.entryGzipKB} KB budget`,
    ).toBeLessThanOrEqual(budget.entryGzipKB);
  });
});
