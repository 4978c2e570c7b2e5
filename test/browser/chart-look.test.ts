// Charts look finished in the real app: an RFM-style heatmap fills its card (not ~120 x 100 px), follows
// the card's width when the window resizes, titles sit at the left (clear of a toolbar at the top right),
// text uses the theme's CJK-capable fonts, and hovering a mark shows a tooltip.
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();

const heatmap = {
  title: { text: "Customers by recency and frequency score", subtitle: "5 = most recent" },
  encoding: {
    x: { field: "f", type: "ordinal", title: "Frequency score" },
    y: { field: "r", type: "ordinal", title: "Recency score", sort: "descending" },
  },
  layer: [
    { mark: "rect", encoding: { color: { field: "customers", type: "quantitative", title: "Customers" } } },
    { mark: { type: "text", baseline: "middle" }, encoding: { text: { field: "customers", type: "quantitative" } } },
  ],
};

const NOTEBOOK = `---
notebook: 1
title: Chart look
---

\`\`\`sql grid
SELECT r.range + 1 AS r, f.range + 1 AS f, (r.range * 5 + f.range) * 1234 AS customers
FROM range(5) AS r, range(5) AS f
\`\`\`

\`\`\`chart heat data=grid
${JSON.stringify(heatmap)}
\`\`\`
`;

describe("chart look", () => {
  it("draws a heatmap that fills its card, re-lays on resize, with the theme's fonts, title and tooltips", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await openFromDisk(ob, "look.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    const frame = page.frameLocator('[data-cell="heat"] iframe[data-role="chart"]');
    const rects = frame.locator("svg .mark-rect.role-mark path");
    await expect.poll(() => rects.count(), { timeout: ENGINE_TIMEOUT }).toBe(25);
    const figure = page.locator('[data-cell="heat"] figure.chart');
    const box = async () =>
      frame
        .locator("svg")
        .first()
        .evaluate((svg) => {
          const r = svg.getBoundingClientRect();
          return { width: r.width, height: r.height };
        });
    const card = (await figure.boundingBox())!;
    expect(card.width).toBeGreaterThan(600);
    // Width follows the card (minus the frame's padding); a 5 x 5 heatmap gets a readable height.
    await expect.poll(async () => (await box()).width, { timeout: 20_000 }).toBeGreaterThan(card.width * 0.9);
    const drawn = await box();
    expect(drawn.width).toBeLessThanOrEqual(card.width + 1);
    expect(drawn.height).toBeGreaterThan(340);
    const iframe = (await page.locator('[data-cell="heat"] iframe[data-role="chart"]').boundingBox())!;
    expect(iframe.height).toBeGreaterThan(340);

    // The title starts at the left edge, well clear of the top-right corner.
    const title = frame.locator("svg .role-title-text text").first();
    const titleBox = await title.evaluate((t) => t.getBoundingClientRect().left);
    expect(titleBox).toBeLessThan(40);
    const font = await frame
      .locator("svg .role-axis-label text")
      .first()
      .evaluate((t) => getComputedStyle(t).fontFamily);
    expect(font).toContain("Noto Sans CJK SC");
    expect(font).toContain("PingFang SC");

    // Narrower window, narrower chart: the chart re-lays itself to the card.
    await page.setViewportSize({ width: 700, height: 1000 });
    const narrow = (await figure.boundingBox())!;
    expect(narrow.width).toBeLessThan(card.width - 100);
    await expect.poll(async () => (await box()).width, { timeout: 20_000 }).toBeLessThan(narrow.width + 1);
    expect((await box()).width).toBeGreaterThan(narrow.width * 0.9);

    // Tooltips are on: hovering a cell shows its count, formatted as the result tables format it.
    // The largest cell (24 x 1,234 customers) under the pointer: its number label sits over the rect.
    await frame.locator("svg .mark-text.role-mark text").filter({ hasText: "29,616" }).hover();
    const tooltip = frame.locator("#vg-tooltip-element");
    await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toContain("29,616");
  }, 180_000);
});
