// Chart-frame start (frame inserted -> its `ready` message) on a first and a repeat visit of the
// example notebook, the app served by a plain cacheable static server with its service worker on.
// Alone: `npx tsx scripts/bench-sandbox.ts [--dist DIR | --no-build]`; `npm run bench` part `sandbox`.
import type { Page } from "playwright-core";
import { distFromArgs, isMain, parseArgs, withApp } from "./bench-browser";
import { median } from "./bench-table";

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

async function visit(page: Page, url: string): Promise<number[]> {
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

/** Each chart frame's start (ms, created -> ready) on a first and a repeat visit of the example notebook. */
export async function benchSandbox(dist: string): Promise<{ first: number[]; repeat: number[] }> {
  const options = { cacheable: true, path: null, serviceWorkers: "allow", init: METER } as const;
  return withApp(dist, options, async ({ page, origin }) => {
    const url = `${origin}/?notebook=notebooks/customer-review.md`;
    const first = await visit(page, url);
    await page.waitForSelector("body[data-offline=ready]", { timeout: 300_000 });
    return { first, repeat: await visit(page, url) };
  });
}

if (isMain(import.meta)) {
  const { first, repeat } = await benchSandbox(distFromArgs(parseArgs()));
  console.log(
    `chart frame created -> ready, ms: first visit median ${median(first)} [${first.join(", ")}]; ` +
      `repeat visit median ${median(repeat)} [${repeat.join(", ")}]`,
  );
}
