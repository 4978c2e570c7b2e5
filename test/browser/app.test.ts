// The built app in real Chromium: the example notebook runs with its table and chart, files load
// through the picker, errors stay on their cell, foreign notebooks wait for the user's word, and
// no request ever leaves the page's origin.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";

const dist = resolve(__dirname, "../../dist");
const ENGINE_TIMEOUT = 90_000;

let server: StaticServer;
let b: OpenBrowser | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
  server = await serveDirectory(dist);
});

afterEach(async () => {
  // Every test: nothing the page, its frames or its workers asked for left the origin.
  if (b) {
    const off = b.offOrigin(server.origin);
    await b.close();
    b = undefined;
    expect(off).toEqual([]);
  }
});

afterAll(async () => {
  await server?.close();
});

async function open(query = ""): Promise<OpenBrowser> {
  b = await openBrowser();
  const errors: string[] = [];
  b.page.on("pageerror", (e) => errors.push(String(e)));
  await b.page.goto(`${server.origin}/${query}`);
  return b;
}

const notebookFile = (name: string, text: string) => ({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });

async function openFromDisk(ob: OpenBrowser, name: string, text: string): Promise<void> {
  await ob.page.locator('input[data-action="open-notebook"]').setInputFiles(notebookFile(name, text));
}

describe("the example notebook (?notebook=notebooks/customer-review.md)", () => {
  it("runs every cell, shows result tables with their row counts and draws charts", async () => {
    const { page } = await open("?notebook=notebooks/customer-review.md");
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
    await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect
      .poll(async () => (await computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every((s) => s === "done"), { timeout: 60_000 })
      .toBe(true);
    expect(await page.locator('[data-cell="revenue_deciles"] [data-role="result-table"]').getAttribute("data-rows")).toBe("10");
    expect(await page.locator('[data-cell="top_customers"] [data-role="result-table"]').getAttribute("data-rows")).toBe("20");
    expect(await page.locator('[data-table="customers"]').getAttribute("data-rows")).toMatch(/^[1-9]\d*$/);
    const chart = page.frameLocator('[data-cell="revenue_trend"] iframe[data-role="chart"]');
    await chart.locator("svg").first().waitFor({ timeout: 30_000 });
    expect(await chart.locator("svg .mark-rect path").count()).toBeGreaterThan(10);
    await page.screenshot({ path: "/tmp/clientbook-example.png", fullPage: false });
    await page.locator('[data-cell="top_customers"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/clientbook-example-2.png" });
  });
});

describe("loading files", () => {
  it("loads a CSV through the file input into the data panel with its columns", async () => {
    const { page } = await open();
    await page.locator('[data-role="welcome"]').waitFor();
    const csv = "customer,region,amount\nAcme,North,120.5\nBeta,South,\nGamma,North,99\n";
    await page.locator('input[data-action="load-files"]').setInputFiles({ name: "Client list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const table = page.locator('[data-table][data-rows="3"]');
    await table.waitFor({ timeout: ENGINE_TIMEOUT });
    for (const column of ["customer", "region", "amount"]) await expect.poll(() => table.locator(`[data-column="${column}"]`).count()).toBe(1);
    await expect.poll(() => table.locator('[data-column="amount"] .num').textContent()).toBe("1");
    await page.screenshot({ path: "/tmp/clientbook-loaded-csv.png" });
  });

  it("names the file and the reason when a file cannot be read, and keeps loaded tables", async () => {
    const { page } = await open();
    await page.locator('input[data-action="load-files"]').setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
    await page.locator('[data-table][data-rows="1"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('input[data-action="load-files"]').setInputFiles({ name: "broken.parquet", mimeType: "application/octet-stream", buffer: Buffer.from("PAR1 this is not parquet") });
    const error = page.locator('[data-role="load-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("broken.parquet");
    expect(await page.locator('[data-table][data-rows="1"]').count()).toBe(1);
  });
});

const TWO_CELLS = `---
notebook: 1
title: Error test
---

# Errors stay on their cell

\`\`\`sql good
SELECT 42 AS answer
\`\`\`

\`\`\`sql bad
SELECT no_such_column FROM good
\`\`\`

\`\`\`sql after
SELECT answer + 1 AS next FROM good
\`\`\`

\`\`\`python
print("kept, shown, not run")
\`\`\`
`;

describe("notebooks opened from disk", () => {
  it("do not run until the user trusts them, then run; a SQL error shows DuckDB's message on its cell only", async () => {
    const ob = await open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "errors.md", TWO_CELLS);
    await page.locator('[data-cell="good"]').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-cell="good"]').getAttribute("data-state")).toBe("idle");
    expect(await page.locator('[data-role="result-table"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-untrusted.png" });

    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="after"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-cell="bad"][data-state="error"]').waitFor();
    expect(await page.locator('[data-cell="good"]').getAttribute("data-state")).toBe("done");
    expect(await page.locator('[data-cell="bad"] [data-role="cell-error"]').textContent()).toMatch(/no_such_column/);
    expect(await page.locator('[data-cell="after"] [data-role="result-table"]').getAttribute("data-rows")).toBe("1");
    expect(await page.locator('[data-kind="code"] [data-role="not-run"]').count()).toBe(1);
    expect(await page.locator('[data-action="trust"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-errors.png" });
  });

  it("a broken notebook file shows a clear message and the current notebook stays", async () => {
    const ob = await open();
    const { page } = ob;
    await openFromDisk(ob, "errors.md", TWO_CELLS);
    await page.locator('[data-cell="good"]').waitFor();
    await openFromDisk(ob, "broken.md", "---\nnotebook: 1\ntitle: [unclosed\n---\n\n# Hi\n");
    const message = page.locator('[data-role="notebook-error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("broken.md");
    expect(await page.locator('[data-role="title"]').textContent()).toBe("Error test");
    expect(await page.locator('[data-cell="good"]').count()).toBe(1);
  });

  it("sanitizes Markdown: no scripts, no event handlers, no outside images", async () => {
    const ob = await open();
    const { page } = ob;
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const text = `---
notebook: 1
title: Hostile
---

# Hello <script>window.__pwned = 1</script>

<img src="x" onerror="window.__pwned = 2"> <img src="https://tracker.example.com/p.gif">
<a href="javascript:alert(1)">click</a> <iframe src="https://example.com"></iframe>
<div style="position:fixed" id="x" onclick="alert(1)">styled</div>
`;
    await openFromDisk(ob, "hostile.md", text);
    const prose = page.locator(".prose").first();
    await prose.waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator(".prose script, .prose iframe, .prose [onerror], .prose [onclick], .prose [style], .prose [id]").count()).toBe(0);
    expect(await page.locator('.prose img[src^="http"], .prose img[src="x"]').count()).toBe(0);
    expect(await page.locator('.prose a[href^="javascript"]').count()).toBe(0);
    expect(await prose.textContent()).toContain("Hello");
    expect(dialogs).toBe(0);
  });
});

describe("links", () => {
  it("refuse a notebook on another site", async () => {
    const { page } = await open("?notebook=" + encodeURIComponent("https://evil.example.com/x.md"));
    const message = page.locator('[data-role="notebook-error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("evil.example.com");
    expect(await page.locator('[data-role="welcome"]').count()).toBe(1);
  });
});
