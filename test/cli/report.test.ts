// `notebook report`: the sample notebook to one HTML file, opened in real Chromium with JavaScript off.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { openBrowser } from "../browser/harness";
import { root, runCli, spawnCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "clientbook-report-"));

/** Runs the command line in this process (see run-cli.ts). */
const cli = (...args: string[]) => runCli({}, ...args);

const notebook = "notebooks/customer-review.md";
const chartCells = [...readFileSync(resolve(root, notebook), "utf8").matchAll(/^```chart (\w+)/gm)].map((m) => m[1]);

describe("notebook report <file> --out report.html", () => {
  const out = join(tmp, "customer-review.html");
  // The real entry point, as a process: Vega draws the charts in Node under tsx as `npm run notebook` runs it.
  const data = "orders=public/notebooks/orders.csv";
  const run = spawnCli({}, "report", notebook, "--data", data, "--out", out, "--rows", "5");

  it("writes the report and says where", async () => {
    const result = await run;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote report .*customer-review\.html \([\d,]+ bytes, [\d,]+ ms\)/);
    console.log(`report of ${notebook}: ${statSync(out).size} bytes; ${result.stdout.trim().split("\n").at(-1)}`);
  });

  it("holds an <svg> for every chart cell, no script and no URL but SVG namespaces", async () => {
    await run;
    const html = readFileSync(out, "utf8");
    expect(chartCells.length).toBeGreaterThan(0);
    for (const name of chartCells) {
      expect(html).toMatch(new RegExp(`<section class="cell chart"><h2 class="cell-name">${name}</h2><figure><svg`));
    }
    expect(html.match(/<svg/g)).toHaveLength(chartCells.length);
    expect(html).not.toMatch(/<script/i);
    const urls = [...html.matchAll(/(\S*)(https?:\/\/[^"'\s<>]*)/g)];
    expect(urls.length).toBeGreaterThan(0);
    for (const [, before, url] of urls) expect([before, url]).toEqual([expect.stringMatching(/^xmlns(:\w+)?="$/), url]);
    // --rows 5: no table shows more than 5 rows; the code is hidden by default.
    for (const body of html.match(/<tbody>.*?<\/tbody>/g) ?? [])
      expect((body.match(/<tr>/g) ?? []).length).toBeLessThanOrEqual(5);
    expect(html).not.toContain("SELECT");
  });

  it("opens in Chromium with JavaScript disabled, showing its charts and making no request", async () => {
    await run;
    const { browser, close } = await openBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      context.on("request", (r) => requests.push(r.url()));
      const page = await context.newPage();
      const url = pathToFileURL(out).href;
      await page.goto(url, { waitUntil: "load" });
      const svgs = page.locator("figure > svg");
      expect(await svgs.count()).toBe(chartCells.length);
      for (let i = 0; i < chartCells.length; i++) {
        const box = await svgs.nth(i).boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(100);
      }
      expect(await page.locator("svg path, svg rect").count()).toBeGreaterThan(20);
      expect(await page.locator("header h1").textContent()).toBeTruthy();
      expect(await page.locator("table").count()).toBeGreaterThan(0);
      // Only the report itself: no image, font, style sheet or anything else is fetched.
      expect(requests).toEqual([url]);
    } finally {
      await close();
    }
  });

  it("writes zh-CN with the code shown", async () => {
    const zh = join(tmp, "zh.html");
    const result = await cli("report", notebook, "--out", zh, "--lang", "zh-CN", "--code", "show");
    expect(result.code).toBe(0);
    const html = readFileSync(zh, "utf8");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/报告由 Clientbook 于 \d{4}-\d\d-\d\d 生成/);
    expect(html).toContain("SELECT");
  });

  it("draws the charts of a zh-CN report in Chinese: 2024年1月 month labels and amounts in 万", async () => {
    const source = join(tmp, "monthly.md");
    const data =
      "SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS day, 1000 + i % 500 AS amount FROM range(5000) t(i)";
    const spec = {
      mark: "bar",
      encoding: { x: { field: "day", timeUnit: "yearmonth" }, y: { aggregate: "sum", field: "amount" } },
    };
    const text = "---\nnotebook: 1\n---\n\n```sql sales\n" + data + "\n```\n\n```chart monthly data=sales\n";
    writeFileSync(source, text + JSON.stringify(spec) + "\n```\n");
    const zh = join(tmp, "monthly-zh.html");
    const result = await cli("report", source, "--out", zh, "--lang", "zh-CN");
    expect(result.stderr).toBe("");
    const svg = readFileSync(zh, "utf8").match(/<svg.*?<\/svg>/s)?.[0] ?? "";
    expect(svg).toContain(">2024年1月</text>");
    expect(svg).toContain(">2024年12月</text>");
    expect(svg).toMatch(/>\d+(\.\d+)?万<\/text>/);
    const en = join(tmp, "monthly-en.html");
    expect((await cli("report", source, "--out", en, "--lang", "en")).code).toBe(0);
    const enSvg = readFileSync(en, "utf8").match(/<svg.*?<\/svg>/s)?.[0] ?? "";
    expect(enSvg).toContain(">Jan 2024</text>");
    expect(enSvg).not.toMatch(/年|万/);
  }, 240_000);

  it("refuses bad options with a clear message", async () => {
    expect(await cli("report", notebook)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--out <report\.html>/),
    });
    const lang = await cli("report", notebook, "--out", join(tmp, "x.html"), "--lang", "fr");
    expect(lang).toMatchObject({ code: 2, stderr: expect.stringMatching(/--lang takes en or zh-CN, not "fr"/) });
    const rows = await cli("report", notebook, "--out", join(tmp, "x.html"), "--rows", "many");
    expect(rows).toMatchObject({ code: 2, stderr: expect.stringMatching(/--rows takes a whole number/) });
  });
});
