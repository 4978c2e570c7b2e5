// Two builds of the app side by side (issue 15): the range input moved in each in turn, so both see the same
// machine load, timing input -> chart redrawn as bench-interact does. Old and new are compared move by move.
//
// `npx tsx scripts/bench-range-ab.ts --a DIR --b DIR [--rows N] [--moves N] [--drag]` (default 1,000,000 rows, 30
// moves each). `--drag`: each move is a drag of several steps (bench-interact's), timed from its last step.
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Frame, Page } from "playwright-core";
import { openNotebook, parseArgs, withApp } from "./bench-browser";
import { chartFrame, dragRange, dragValues, drawn, interactNotebook, moveRange, reset, settle } from "./bench-interact";
import { DRAG_STEPS, watchFrame } from "./bench-interact";
import { percentile } from "./bench-table";

interface Side {
  readonly page: Page;
  readonly frame: Frame;
  before: string;
  readonly totals: number[];
}

/** Opens the interaction notebook in `dist` and hands its page, ready, to `body`. */
const withNotebook = <T>(dist: string, rows: number, body: (page: Page) => Promise<T>) =>
  withApp(dist, { viewport: { width: 1280, height: 1600 } }, async ({ page }) => {
    await openNotebook(page, "interact.md", interactNotebook(rows));
    await page.locator('[data-cell="linked"][data-state="done"]').waitFor({ timeout: 600_000 });
    await settle(page);
    return body(page);
  });

async function side(page: Page): Promise<Side> {
  const frame = await chartFrame(page, "revenue");
  await watchFrame(frame);
  return { page, frame, before: (await drawn(frame, "q1q", "")).text, totals: [] };
}

/** Moves the range input of `s` through `values` (one: a move; more: a drag); records the last -> the chart showing it. */
async function move(s: Side, values: readonly number[]): Promise<void> {
  await reset(s.frame);
  const value = values.at(-1)!;
  const start = await (values.length > 1 ? dragRange(s.page, values) : moveRange(s.page, value));
  const seen = await drawn(s.frame, `q${value}q`, s.before);
  s.before = seen.text;
  s.totals.push(seen.at - start);
  await settle(s.page);
}

const args = parseArgs();
const [a, b] = [args.value("--a"), args.value("--b")];
if (!a || !b) throw new Error("give the two builds: --a DIR --b DIR");
const rows = args.number("--rows", 1_000_000);
const moves = args.number("--moves", 30);
const dragging = args.flag("--drag");
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");
const loadBefore = load();
await withNotebook(resolve(a), rows, (pageA) =>
  withNotebook(resolve(b), rows, async (pageB) => {
    const sides = [await side(pageA), await side(pageB)];
    let value = 1;
    for (let i = 0; i < moves; i++) {
      value = 1 + ((value - 1 + 7) % 20);
      // Which build goes first alternates, so neither always follows the other's run.
      const values = dragging ? dragValues(i) : [value];
      for (const s of i % 2 ? [...sides].reverse() : sides) await move(s, values);
    }
    const line = (name: string, t: number[]) =>
      `${name}: median ${percentile(t, 50).toFixed(0)} ms, p95 ${percentile(t, 95).toFixed(0)} ms, max ${Math.max(...t).toFixed(0)} ms`;
    const what = dragging ? `range dragged (${DRAG_STEPS} steps) -> last value drawn` : "range input -> chart redrawn";
    console.log(
      `${what}, ${rows.toLocaleString("en")} rows, ${moves} ${dragging ? "drags" : "moves"} each, interleaved`,
    );
    console.log(`load average before: ${loadBefore}, after: ${load()}`);
    console.log(line(`a ${a}`, sides[0].totals));
    console.log(line(`b ${b}`, sides[1].totals));
    const ratios = sides[1].totals.map((t, i) => t / sides[0].totals[i]);
    console.log(`b / a per move: median ${percentile(ratios, 50).toFixed(2)}`);
  }),
);
