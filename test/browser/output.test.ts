// Cell output in the browser: a 100,000-row result scrolls virtualized (rows below the first page read as
// they come into view) and exports safe CSV (every row); a hostile chart spec draws in the sandbox without
// actions, loads or links out.
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();

const BIG = `---
notebook: 1
title: Big result
---

\`\`\`sql big
SELECT range AS i, 'row ' || range AS label, '=HYPERLINK(1)' AS formula, -range AS neg FROM range(100000)
\`\`\`
`;

describe("result tables", () => {
  it("scroll through 100,000 rows with only the visible rows in the page, and export CSV with formulas defused", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "big.md", BIG);
    await page.locator('[data-action="trust"]').click();
    const table = page.locator('[data-cell="big"] [data-role="result-table"]');
    await table.waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await table.getAttribute("data-rows")).toBe("100000");
    expect(await table.locator(".grid-row").count()).toBeLessThan(60);
    await table.locator(".scroller").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => table.locator(".grid-row .rownum", { hasText: /^100000$/ }).count()).toBe(1);
    // The run read a first page; the rows at the bottom are read as they scroll into view.
    await expect.poll(() => table.locator(".grid-row .td", { hasText: /^row 99999$/ }).count()).toBe(1);
    expect(await table.locator(".grid-row").count()).toBeLessThan(60);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      table.locator('[data-action="download-csv"]').click(),
    ]);
    const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
    // A byte-order mark first, so that Excel reads the file as UTF-8.
    expect(lines[0]).toBe("\ufeffi,label,formula,neg");
    expect(lines[2]).toBe("1,row 1,'=HYPERLINK(1),-1");
    expect(lines.length).toBe(100002);
  });
});

const HOSTILE_CHART = `---
notebook: 1
title: Hostile chart
---

\`\`\`sql pts
SELECT 'https://evil.example.com/x.png' AS u, range AS v FROM range(5)
\`\`\`

\`\`\`chart pic data=pts
{
  "usermeta": {
    "embedOptions": {
      "actions": true,
      "editorUrl": "https://evil.example.com/editor",
      "renderer": "canvas",
      "config": { "background": "#ff0000" }
    }
  },
  "layer": [
    { "mark": "image", "encoding": { "url": { "field": "u" }, "x": { "field": "v", "type": "quantitative" } } },
    { "mark": "point", "encoding": { "href": { "field": "u" }, "x": { "field": "v", "type": "quantitative" } } }
  ]
}
\`\`\`
`;

describe("charts", () => {
  it("draw in the sandbox with the app's options alone: no actions menu, no loads and no links out", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "chart.md", HOSTILE_CHART);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="pic"][data-state="done"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const frame = page.frameLocator('[data-cell="pic"] iframe[data-role="chart"]');
    await frame.locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await frame.locator(".vega-actions, details").count()).toBe(0);
    // The spec's usermeta chooses nothing: the app's renderer (SVG) and theme draw it.
    expect(await frame.locator("canvas").count()).toBe(0);
    const background = await frame
      .locator("svg.marks")
      .first()
      .evaluate((svg) => getComputedStyle(svg).backgroundColor);
    expect(background).not.toBe("rgb(255, 0, 0)");
    const point = frame.locator(".mark-symbol path").first();
    await point.click({ force: true });
    await page.waitForTimeout(500);
    expect(page.url().startsWith(app.origin())).toBe(true);
    expect(ob.page.frames().every((f) => f.url().startsWith(app.origin()) || f.url().startsWith("about:"))).toBe(true);
    expect(await frame.locator("svg").count()).toBeGreaterThan(0);
  });
});
