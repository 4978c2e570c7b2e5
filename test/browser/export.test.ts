// Chart export and the browser's "Export report", in real Chromium against dist/ (one browser for every
// case, every request recorded): SVG, 2x PNG, clipboard PNG and CSV files that open, a sandbox that sends
// a forged file refused, and the example notebook's report opened with JavaScript off making no request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, dist, openFromDisk, clickAction } from "./app-fixture";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";

let server: StaticServer;
let ob: OpenBrowser;

beforeAll(async () => {
  server = await serveDirectory(dist);
  ob = await openBrowser();
  await ob.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
});

afterAll(async () => {
  // Nothing any case asked for left the app's origin.
  const off = ob?.offOrigin(server.origin) ?? ["no browser"];
  await ob?.close();
  await server?.close();
  expect(off).toEqual([]);
});

const NOTEBOOK = `---
notebook: 1
title: Export check
---

\`\`\`sql sales
SELECT * FROM (VALUES ('=north', 3), ('south', 5), ('east', 2), ('west', 7)) AS t(region, n)
\`\`\`

\`\`\`chart by_region data=sales
{"mark": "bar", "encoding": {"x": {"field": "region"}, "y": {"field": "n", "aggregate": "sum"}}}
\`\`\`
`;

/** The download the click on `selector` starts: its name and bytes. */
async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function openChart(page = ob.page): Promise<Page> {
  await page.goto(`${server.origin}/`);
  await openFromDisk({ ...ob, page }, "export-check.md", NOTEBOOK);
  await page.locator('[data-action="trust"]').click();
  const bars = page.frameLocator('[data-cell="by_region"] iframe[data-role="chart"]').locator("svg .mark-rect path");
  await expect.poll(() => bars.count(), { timeout: ENGINE_TIMEOUT }).toBe(4);
  // The fresh run's chart, not one kept from an earlier test's run in this context: its frame stays.
  await page.locator('[data-cell="by_region"][data-state="done"] figure[data-drawn="fresh"]').waitFor();
  return page;
}

describe("chart export", () => {
  it("downloads the chart as SVG, 2x PNG and CSV, and copies the PNG to the clipboard", async () => {
    const page = await openChart();
    const cell = '[data-cell="by_region"]';

    const svg = await download(page, `${cell} [data-action="export-svg"]`);
    expect(svg.name).toBe("by_region.svg");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.localName,
        bars: doc.querySelectorAll(".mark-rect path").length,
        scripts: doc.querySelectorAll("script, foreignObject").length,
        width: Number(doc.documentElement.getAttribute("width")),
      };
    }, svg.bytes.toString("utf8"));
    expect(parsed).toMatchObject({ error: 0, root: "svg", bars: 4, scripts: 0 });
    expect(parsed.width).toBeGreaterThan(50);

    const png = await download(page, `${cell} [data-action="export-png"]`);
    expect(png.name).toBe("by_region.png");
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, at bytes 16 and 20; the PNG is drawn at twice the SVG's size.
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);

    const csv = await download(page, `${cell} [data-action="export-chart-csv"]`);
    expect(csv.name).toBe("by_region.csv");
    // UTF-8 with a byte-order mark, so Excel on a Chinese or German Windows opens it without mojibake.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines.length).toBe(5);
    // The formula-looking region is defused with a leading quote, as in result-table CSV.
    expect(lines.slice(1).sort()).toContain("'=north,3");
    expect(lines.some((l) => l.startsWith("west,7"))).toBe(true);

    await page.locator(`${cell} [data-action="copy-png"]`).click();
    const note = page.locator(`${cell} [data-role="chart-export-note"]`);
    await expect
      .poll(() => note.textContent(), { timeout: 30_000 })
      .toBe("Copied the chart to the clipboard as a PNG image.");
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return [...new Uint8Array(await (await item.getType("image/png")).arrayBuffer()).subarray(0, 8)];
    });
    expect(copied).toEqual(PNG_SIGNATURE);
  }, 240_000);

  it("refuses a forged file, cleans script out of an SVG, says when copying is impossible", async () => {
    // A sandbox taken over by hostile code: the sandbox script itself starts with a listener that hears every
    // export request before the app's own and answers it with a file of its choosing, so the app's answer
    // never goes out. (Served as the script, not added by addInitScript: Playwright may inject that into the
    // process-isolated sandbox frame only after the frame's own script is listening.)
    const page = await ob.context.newPage();
    const hostile = `addEventListener("message", (event) => {
      const ask = event.data;
      if (ask?.type !== "clientbook:export") return;
      event.stopImmediatePropagation();
      const reply = ask.format === "png"
        ? { format: "png", png: new TextEncoder().encode("GIF89a not a png at all").buffer }
        : { format: "svg", svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>' };
      parent.postMessage({ type: "clientbook:export-file", request: ask.request, ...reply }, "*");
    });\n`;
    await page.route(/\/sandbox-entry\.js/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: hostile + (await response.text()) });
    });
    // And a browser without image copy (as Firefox was until recently).
    await page.addInitScript(() => delete (window as { ClipboardItem?: unknown }).ClipboardItem);
    await openChart(page);
    const cell = '[data-cell="by_region"]';
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.locator(`${cell} [data-action="export-png"]`).click();
    const note = page.locator(`${cell} [data-role="chart-export-note"]`);
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toContain("not a valid file");

    const svg = await download(page, `${cell} [data-action="export-svg"]`);
    const text = svg.bytes.toString("utf8");
    expect(text).toContain("<rect");
    expect(text).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(downloads).toEqual(["by_region.svg"]);

    await page.locator(`${cell} [data-action="copy-png"]`).click();
    expect(await note.textContent()).toContain("does not let the page put images on the clipboard");
    await page.close();
  }, 240_000);
});

describe("Export report in the browser", () => {
  it("writes the example notebook's report, which shows its charts and tables with JavaScript off", async () => {
    const { page } = ob;
    await page.goto(`${server.origin}/?notebook=notebooks/customer-review.md`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
    await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect
      .poll(
        async () => (await computing.evaluateAll((els) => els.map((e) => e.dataset.state))).every((s) => s === "done"),
        {
          timeout: 120_000,
        },
      )
      .toBe(true);
    const charts = await page.locator('[data-cell][data-kind="chart"]').count();
    expect(charts).toBe(3);
    for (const name of ["revenue_trend", "top_customers_chart", "industry_region_chart"]) {
      const marks = page.frameLocator(`[data-cell="${name}"] iframe[data-role="chart"]`).locator("svg .role-mark");
      await expect.poll(() => marks.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    }

    await clickAction(page, "export-report");
    const dialog = page.locator('[data-role="export-report-dialog"]');
    await dialog.waitFor();
    // A bad row count is named; the dialog stays open with the user's choices.
    await dialog.locator('[data-field="report-rows"]').fill("lots");
    await dialog.locator('[data-field="report-code"]').check();
    await dialog.locator('[data-action="report-write"]').click();
    expect(await dialog.locator('[data-role="report-error"]').textContent()).toContain("“lots”");
    expect(await dialog.locator('[data-field="report-code"]').isChecked()).toBe(true);

    await dialog.locator('[data-field="report-rows"]').fill("5");
    const started = Date.now();
    const report = await download(page, '[data-role="export-report-dialog"] [data-action="report-write"]');
    const ms = Date.now() - started;
    console.log(`report of customer-review.md: ${report.bytes.length} bytes in ${ms} ms (click to file)`);
    expect(report.name).toBe("customer-review.report.html");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator('[data-role="notebook-error"]').count()).toBe(0);

    const html = report.bytes.toString("utf8");
    expect(html).not.toMatch(/<script|<iframe|<link|<img|src=|javascript:/i);

    // A fresh context with JavaScript off opens the file from disk; every request is recorded.
    const context = await ob.browser.newContext({ javaScriptEnabled: false });
    const requests: string[] = [];
    context.on("request", (r) => requests.push(r.url()));
    try {
      const reader = await context.newPage();
      const path = "/tmp/clientbook-export-report.html";
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path, report.bytes);
      await reader.goto(`file://${path}`);
      expect(await reader.locator("header h1").textContent()).toBe("Customer review, H1 2025");
      expect(await reader.locator("figure > svg").count()).toBe(3);
      expect(await reader.locator("figure svg .mark-rect path, figure svg .mark-line path").count()).toBeGreaterThan(
        10,
      );
      expect(await reader.locator("table").count()).toBeGreaterThanOrEqual(5);
      // Five rows per table were asked for; the row note says so where a result has more.
      const bodies = await reader.locator("table tbody").evaluateAll((els) => els.map((e) => e.children.length));
      expect(Math.max(...bodies)).toBe(5);
      expect(await reader.locator("details.source").count()).toBeGreaterThan(5);
      expect(requests).toEqual([`file://${path}`]);
    } finally {
      await context.close();
    }
  }, 400_000);

  it("writes the report with a chart Vega cannot draw left out, and says which one and why", async () => {
    const { page } = ob;
    await page.goto(`${server.origin}/`);
    const broken = NOTEBOOK.replace('"mark": "bar",', '"mark": "bar", "transform": [{"filter": "datum.n >"}],');
    await openFromDisk(ob, "broken-chart.md", broken);
    await page.locator('[data-action="trust"]').click();
    const cell = '[data-cell="by_region"]';
    await page.locator(`${cell} [data-role="chart-error"]`).waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator(`${cell} [data-action="export-svg"]`).click();
    const note = page.locator(`${cell} [data-role="chart-export-note"]`);
    await expect
      .poll(() => note.textContent(), { timeout: 30_000 })
      .toBe("The chart could not be exported: no chart is drawn.");

    await clickAction(page, "export-report");
    const report = await download(page, '[data-role="export-report-dialog"] [data-action="report-write"]');
    expect(report.name).toBe("broken-chart.report.html");
    const html = report.bytes.toString("utf8");
    expect(html).toContain("The chart by_region could not be drawn.");
    expect(html).toContain("<td>=north</td>");
    expect(await page.locator('[data-role="notebook-error"]').textContent()).toContain(
      "one chart is missing from it (shown as not drawn): by_region (no chart is drawn)",
    );
  }, 240_000);
});
