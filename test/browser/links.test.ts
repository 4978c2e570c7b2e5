// Links out of a notebook (issue 10, item 2), in real Chromium: an external link opens only after the
// in-app confirm showing the full address with its query highlighted; on this site only a link to a
// shipped notebook is a link, and any other same-site address is inert text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { serveDirectory, type StaticServer } from "./harness";

const app = useApp();
// Another origin standing for the outside world: the one request the user confirms goes there.
let outside: StaticServer;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "clientbook-outside-"));
  writeFileSync(join(dir, "page.html"), "<!doctype html><title>outside</title><p>outside</p>");
  outside = await serveDirectory(dir);
});
afterAll(() => outside?.close());

const notebook = (outsideUrl: string) => `---
notebook: 1
title: Links
---

Out: [outside](${outsideUrl})

In: [tour](?notebook=notebooks/customer-review.md)

Refused: [extra](?notebook=notebooks/customer-review.md&ref=CANARY)
[unshipped](?notebook=notebooks/nope.md) [file](orders.csv?c=CANARY)
`;

describe("links in notebook prose", () => {
  it("leave the app only after an in-app confirm that shows the whole address and marks its query", async () => {
    const ob = await app.open();
    const { page, context } = ob;
    const native: string[] = [];
    page.on("dialog", (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    const address = `${outside.origin}/page.html?ref=CANARY&x=1#top`;
    await openFromDisk(ob, "links.md", notebook(address));
    const out = page.locator('.prose a[data-link="external"]');
    await out.waitFor();
    expect(await out.getAttribute("rel")).toBe("noopener noreferrer");

    const dialog = page.locator('[data-role="link-dialog"]');
    await out.click();
    await dialog.waitFor();
    expect(await dialog.locator('[data-role="link-address"]').textContent()).toBe(address);
    expect(await dialog.locator('[data-role="link-query"]').textContent()).toBe("?ref=CANARY&x=1");
    expect(await dialog.textContent()).toContain("leaves Clientbook");
    expect(await dialog.textContent()).toContain(outside.origin.replace("http://", ""));
    expect(await dialog.locator('[data-role="link-query-note"]').isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/clientbook-link-confirm.png" });
    await dialog.locator('[data-action="link-cancel"]').click();
    expect(await dialog.count()).toBe(0);

    // A middle click asks too, and Escape declines.
    await out.click({ button: "middle" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await page.waitForTimeout(300);
    expect(context.pages()).toHaveLength(1);
    expect(ob.requests.filter((u) => u.includes(outside.origin))).toEqual([]);

    // Confirmed: the address opens, whole, in a new tab.
    await out.click();
    const opened = context.waitForEvent("page");
    await dialog.locator('[data-action="link-open"]').click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(address);
    expect(native).toEqual([]);
    expect(page.url()).not.toContain(outside.origin);
    // The requests the user confirmed, and only those, went to the other origin; the rest stay checked.
    const requests = ob.requests as string[];
    const confirmed = requests.filter((u) => u.includes(outside.origin));
    expect(confirmed.length).toBeGreaterThan(0);
    const target = `${outside.origin}/page.html?ref=CANARY&x=1`;
    expect(confirmed.every((u) => u.replace(/^popup:/, "").startsWith(target))).toBe(true);
    requests.splice(0, requests.length, ...requests.filter((u) => !u.includes(outside.origin)));
  });

  it("keep only a link to a shipped notebook on this site; other same-site addresses are inert text", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "links.md", notebook("https://outside.example/"));
    const prose = page.locator(".prose", { hasText: "Refused:" });
    await prose.waitFor();
    const links = await prose.locator("a").evaluateAll((as) => as.map((a) => `${a.dataset.link} ${a.textContent}`));
    expect(links).toEqual(["external outside", "internal tour"]);
    const inert = await prose.locator('[data-role="inert"]').evaluateAll((s) => s.map((e) => e.textContent));
    expect(inert).toEqual(["extra", "unshipped", "file"]);
    expect(await prose.locator('[data-role="inert"]').first().getAttribute("title")).toMatch(/Not a link/);
    const tour = page.locator('.prose a[data-link="internal"]');
    expect(await tour.getAttribute("href")).toBe("?notebook=notebooks%2Fcustomer-review.md");
    // Inert text goes nowhere (a click on prose opens the cell's editor, as on any text).
    const before = page.url();
    await prose.getByText("extra").click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    await page.getByRole("button", { name: "Done" }).click();
    await tour.click();
    await page.waitForURL(/\?notebook=notebooks%2Fcustomer-review\.md$/);
    await expect.poll(() => page.locator('[data-role="title"]').textContent(), { timeout: 30_000 }).not.toBe("Links");
  });

  it("that open a notebook at start say why it could not be fetched, in the page's language", async () => {
    // The notebook is fetched before the language is set: its failure is worded after.
    for (const [locale, status] of [
      ["en-US", "the server answered 404"],
      ["zh-CN", "服务器返回 404"],
    ]) {
      const ob = await app.open("?notebook=notebooks/missing.md", locale);
      const problem = ob.page.locator('[data-role="notebook-error"]');
      await expect.poll(() => problem.textContent(), { timeout: 30_000 }).toContain("notebooks/missing.md");
      expect(await problem.textContent()).toContain(status);
      // The first context is checked and closed here; the last one by the fixture.
      if (locale === "en-US") {
        expect(ob.offOrigin(app.origin())).toEqual([]);
        await ob.close();
      }
    }
  });

  it("that open a notebook whose data file cannot be fetched say so in the page and in the cells reading it", async () => {
    const ob = await app.open();
    await ob.context.route("**/notebooks/orders.csv", (route) => route.fulfill({ status: 404, body: "" }));
    await ob.page.goto(`${app.origin()}/?notebook=notebooks/customer-review.md`);
    const problem = ob.page.locator('[data-role="load-error"]');
    await expect.poll(() => problem.textContent(), { timeout: ENGINE_TIMEOUT }).toContain("orders.csv");
    expect(await problem.textContent()).toContain("the server answered 404");
    const reader = ob.page.locator('[data-cell="monthly_revenue"] [data-role="cell-error"]');
    await expect
      .poll(() => reader.textContent().catch(() => ""), { timeout: ENGINE_TIMEOUT })
      .toContain("its file “orders.csv” could not be fetched from this site (the server answered 404)");
  });

  it("that open a notebook whose data file leaves its folder fetch nothing and say so in the page and its cells", async () => {
    const offsite = `---
notebook: 1
title: Off site
data:
  orders:
    file: https://evil.example/x.csv
  parent:
    file: ../../x.csv
---

\`\`\`sql n_orders
SELECT count(*) AS n FROM orders
\`\`\`

\`\`\`sql n_parent
SELECT count(*) AS n FROM parent
\`\`\`
`;
    for (const locale of ["en-US", "zh-CN"]) {
      const ob = await app.open("", locale);
      await ob.context.route("**/notebooks/_offsite.md", (route) =>
        route.fulfill({ status: 200, contentType: "text/markdown", body: offsite }),
      );
      await ob.page.goto(`${app.origin()}/?notebook=notebooks/_offsite.md`);
      const problems = ob.page.locator('[data-role="load-error"]');
      const words =
        locale === "en-US"
          ? { page: "was not fetched", cell: "is not in the notebook's folder on this site" }
          : { page: "未获取数据文件", cell: "不在本站点上此笔记本所在的文件夹中" };
      await expect.poll(() => problems.allInnerTexts(), { timeout: ENGINE_TIMEOUT }).toHaveLength(2);
      const texts = await problems.allInnerTexts();
      expect(texts.every((t) => t.includes(words.page))).toBe(true);
      expect(texts.join(" ")).toContain("https://evil.example/x.csv");
      expect(texts.join(" ")).toContain("../../x.csv");
      await ob.page.locator('[data-action="trust"]').click();
      for (const [name, file] of [
        ["n_orders", "https://evil.example/x.csv"],
        ["n_parent", "../../x.csv"],
      ]) {
        const error = ob.page.locator(`[data-cell="${name}"] [data-role="cell-error"]`);
        await expect.poll(() => error.textContent().catch(() => ""), { timeout: ENGINE_TIMEOUT }).toContain(words.cell);
        expect(await error.textContent()).toContain(file);
      }
      // Nothing was asked for: not the other site, not the path above the notebook's folder.
      expect(ob.requests.filter((u) => /evil\.example|\/x\.csv/.test(u))).toEqual([]);
      // The first context is checked and closed here; the last one by the fixture.
      if (locale === "en-US") {
        expect(ob.offOrigin(app.origin())).toEqual([]);
        await ob.close();
      }
    }
  });
});
