// Keystroke -> re-run starts (issue 15): in headless Chromium against a build of the app, a key typed into a
// sql cell's editor (a digit, then Backspace, in turn: each changes the source) is timed on the page's clock
// from its keydown to the cell's data-state turning "running" (the debounce between typing and a run).
//
// Alone: `npx tsx scripts/bench-keystroke.ts [--dist DIR | --no-build] [--keys N]` (default 20 keys).
import type { Page } from "playwright-core";
import { distFromArgs, isMain, openNotebook, parseArgs, withApp } from "./bench-browser";
import type { Part } from "./bench-part";
import { medianP95, percentile } from "./bench-table";
import { codeOf } from "../test/browser/code";

const fence = "```";
const NOTEBOOK = `---\nnotebook: 1\ntitle: Keystrokes\n---\n\n${fence}sql typed\nSELECT 1 AS v, 1 AS w\n${fence}\n`;

// The last keydown, and the first "running" of the typed cell after it.
const METER = `(() => {
  window.__key = { down: 0, running: 0 };
  document.addEventListener("keydown", () => (window.__key = { down: performance.now(), running: 0 }), true);
  new MutationObserver(() => {
    const cell = document.querySelector('[data-cell="typed"]');
    if (cell?.dataset.state === "running" && window.__key.down && !window.__key.running)
      window.__key.running = performance.now();
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
})()`;

const done = (page: Page) => page.locator('[data-cell="typed"][data-state="done"]').waitFor({ timeout: 120_000 });

/** Types `keys` keys into the sql cell; returns each key's ms from keydown to the re-run starting. */
export async function benchKeystroke(dist: string, keys: number): Promise<number[]> {
  return withApp(dist, {}, async ({ page }) => {
    await openNotebook(page, "keys.md", NOTEBOOK);
    await done(page);
    await codeOf(page, "typed").click();
    await page.keyboard.press("End");
    await page.evaluate(METER);
    const times: number[] = [];
    for (let i = 0; i < keys; i++) {
      await page.keyboard.press(i % 2 ? "Backspace" : "1");
      const handle = await page.waitForFunction(
        () => {
          const k = (window as unknown as { __key: { down: number; running: number } }).__key;
          return k.running ? k.running - k.down : false;
        },
        null,
        { polling: 10, timeout: 120_000 },
      );
      times.push((await handle.jsonValue()) as number);
      await done(page);
    }
    return times;
  });
}

/** The part: keystroke -> re-run starts. */
export const keystrokePart: Part = {
  name: "keystroke",
  about: "keystroke in a sql cell -> its re-run starts (median, p95)",
  async run(ctx) {
    const times = await benchKeystroke(ctx.dist(), Math.min(ctx.repeat, 40));
    return [
      {
        measure: `keystroke -> re-run starts (${times.length} keys)`,
        clientbook: medianP95(times),
        goal: "150-300 ms",
        ratios: [{ value: percentile(times, 50), of: 300, label: "300 ms" }],
      },
    ];
  },
};

if (isMain(import.meta)) {
  const args = parseArgs();
  console.log(
    `keystroke -> re-run starts | ${medianP95(await benchKeystroke(distFromArgs(args), args.number("--keys", 20)))}`,
  );
}
