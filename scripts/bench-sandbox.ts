// Chart-frame start (frame inserted -> its `ready` message) on a first and a repeat visit of the
// example notebook, the app served by a plain cacheable static server with its service worker on.
// Usage: npx tsx scripts/bench-sandbox.ts [dist-dir ...] (default dist/); prints one line per build.
import { resolve } from "node:path";
import { launchChromium, recordedContext, serveDirectory } from "../test/browser/harness";

// In the shell only: when each chart frame is inserted, and when it first says `ready`.
const METER = `if (window.top === window) {
  window.__frames = [];
  const seen = new Map();
  new MutationObserver(() => {
    for (const f of document.querySelectorAll('iframe[data-role="chart"]')) {
      if (!seen.has(f.contentWindow)) {
        const entry = { created: performance.now(), ready: 0 };
        seen.set(f.contentWindow, entry);
        window.__frames.push(entry);
      }
    }
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener("message", (e) => {
    const entry = seen.get(e.source);
    if (entry && !entry.ready && e.data && e.data.type === "clientbook:ready") entry.ready = performance.now();
  });
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function visit(page: import("playwright-core").Page, url: string): Promise<number[]> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const frames = (window as unknown as { __frames: { ready: number }[] }).__frames;
      return frames.length >= 3 && frames.every((f) => f.ready > 0);
    },
    null,
    { timeout: 240_000, polling: 200 },
  );
  type Entry = { created: number; ready: number };
  const frames = await page.evaluate(() => (window as unknown as { __frames: Entry[] }).__frames);
  return frames.map((f) => Math.round(f.ready - f.created));
}

for (const dir of process.argv.slice(2).length ? process.argv.slice(2) : ["dist"]) {
  const server = await serveDirectory(resolve(dir), { cacheable: true });
  const browser = await launchChromium();
  try {
    const { context } = await recordedContext(browser, { serviceWorkers: "allow" });
    await context.addInitScript(METER);
    const page = await context.newPage();
    const url = `${server.origin}/?notebook=notebooks/customer-review.md`;
    const first = await visit(page, url);
    await page.waitForSelector("body[data-offline=ready]", { timeout: 300_000 });
    const repeat = await visit(page, url);
    console.log(
      `${dir}: chart frame created -> ready, ms: first visit median ${median(first)} [${first.join(", ")}]; ` +
        `repeat visit median ${median(repeat)} [${repeat.join(", ")}]`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
