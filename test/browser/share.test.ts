// Bundles and share links in real Chromium (issue 13, items 2 and 4): a bundle saved from the example
// notebook opens in a fresh profile with identical results after the user's word; a share link opens as
// a foreign notebook with no data; damaged bundles and links are refused whole. One browser, a fresh
// context (profile) per case, every request recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { strFromU8, strToU8, unzipSync, unzlibSync, zipSync, zlibSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";
import { ENGINE_TIMEOUT, dist, clickAction } from "./app-fixture";

const EXAMPLE = resolve(__dirname, "../../notebooks/customer-review.md");
let server: StaticServer;
let shared: OpenBrowser;
let browser: Browser;
const contexts: { context: BrowserContext; requests: string[] }[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
  server = await serveDirectory(dist);
  shared = await openBrowser();
  browser = shared.browser;
  await shared.context.close();
});

afterAll(async () => {
  await shared?.close();
  await server?.close();
});

afterEach(async () => {
  // Every case: nothing its pages, frames or workers asked for left the origin.
  const off = contexts.flatMap((c) => c.requests.filter((url) => !isLocal(url)));
  await Promise.all(contexts.map((c) => c.context.close()));
  contexts.length = 0;
  expect(off).toEqual([]);
});

const isLocal = (url: string) =>
  ["data:", "blob:", "about:", "chrome-error:"].some((s) => url.startsWith(s)) || url.startsWith(server.origin + "/");

/** A new page in a fresh browser context (a fresh profile: no storage, no cache), with its requests recorded. */
async function fresh(): Promise<{ page: Page; requests: string[]; context: BrowserContext }> {
  // No service worker: its offline copy would fetch every sample file, and these tests check what was fetched.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const seen = new Set<unknown>();
  const record = (r: { url(): string }) => {
    if (seen.has(r)) return;
    seen.add(r);
    requests.push(r.url());
  };
  context.on("request", record);
  context.on("page", (p) => {
    p.on("request", record);
    p.on("worker", (w) => requests.push(w.url()));
  });
  contexts.push({ context, requests });
  return { page: await context.newPage(), requests, context };
}

/** Waits until every SQL and chart cell is done; returns each result table's row count and shown text. */
async function results(page: Page): Promise<Record<string, string>> {
  const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
  await expect.poll(() => computing.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  await expect
    .poll(async () => (await computing.evaluateAll((els) => els.map((e) => e.dataset.state))).join(","), {
      timeout: 120_000,
    })
    .toMatch(/^(done,)*done$/);
  return Object.fromEntries(
    await page
      .locator("[data-cell]")
      .evaluateAll((els) =>
        els.flatMap((e) =>
          [...e.querySelectorAll('[data-role="result-table"]')].map((t) => [
            (e as HTMLElement).dataset.cell,
            `${t.getAttribute("data-rows")}|${t.textContent}`,
          ]),
        ),
      ),
  );
}

/** Saves the open notebook with its data through the toolbar (after the client-data warning). */
async function saveBundle(page: Page): Promise<{ bytes: Buffer; name: string; ms: number }> {
  await clickAction(page, "save-bundle");
  const warning = page.locator('[data-role="bundle-warning"]');
  await warning.waitFor();
  expect(await warning.textContent()).toContain("client data");
  await page.screenshot({ path: "/tmp/clientbook-bundle-warning.png" });
  const start = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    warning.locator('[data-action="confirm-save-bundle"]').click(),
  ]);
  const ms = Date.now() - start;
  return { bytes: await readFile(await download.path()), name: download.suggestedFilename(), ms };
}

/** Opens `bytes` as `name` through the "Open notebook" control. */
const openFile = (page: Page, name: string, bytes: Buffer) =>
  page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name, mimeType: "application/zip", buffer: bytes });

/** Drops `bytes` as a file named `name` on the page, as the user's file manager would. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ([fileName, b64]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName));
      for (const type of ["dragenter", "dragover", "drop"])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, bytes.toString("base64")] as const,
  );
}

async function openExample(page: Page): Promise<void> {
  await page.goto(`${server.origin}/?notebook=notebooks/customer-review.md`);
  await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
}

const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** The message shown for a refused bundle or link, once it appears. */
async function refusal(page: Page): Promise<string> {
  const box = page.locator('[data-role="notebook-error"]');
  await box.first().waitFor({ timeout: ENGINE_TIMEOUT });
  return (await box.first().textContent()) ?? "";
}

let saved: { bytes: Buffer; name: string } | undefined;

describe("a bundle (Save with data)", () => {
  it("saved from the example opens in a fresh profile as a foreign notebook with identical results", async () => {
    const first = await fresh();
    await openExample(first.page);
    const before = await results(first.page);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const bundle = await saveBundle(first.page);
    saved = bundle;
    expect(bundle.name).toBe("customer-review.clientbook.zip");
    const files = unzipSync(bundle.bytes);
    expect(Object.keys(files).sort()).toEqual(
      ["manifest.json", "notebook.md", "tables/customers.parquet", "tables/orders.parquet"].sort(),
    );
    expect(strFromU8(files["notebook.md"])).toBe(await readFile(EXAMPLE, "utf8"));
    console.log(`bundle customer-review: ${(bundle.bytes.length / 1024).toFixed(1)} KB, saved in ${bundle.ms} ms`);

    const { page, requests } = await fresh();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-role="welcome"]').waitFor();
    await openFile(page, bundle.name, bundle.bytes);
    await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-table="customers"]').waitFor({ timeout: 30_000 });
    // Foreign: the source shows and nothing has run before the user's word.
    await page.locator('[data-role="untrusted"]').waitFor();
    expect(await page.locator('[data-cell="monthly_revenue"]').getAttribute("data-state")).toBe("idle");
    expect(await page.locator('[data-role="declared-files"]').count()).toBe(0);
    // The tables came from the bundle, not from the site.
    expect(requests.filter((u) => /\.(csv|parquet)(\?|$)/.test(u))).toEqual([]);
    await page.locator('[data-action="trust"]').click();
    expect(await results(page)).toEqual(before);
  });

  it("of every other example notebook holds its notebook and all its declared tables (sizes and times logged)", async () => {
    for (const name of ["cdnow-clv", "live-inputs", "market-review"]) {
      const text = await readFile(resolve(__dirname, `../../notebooks/${name}.md`), "utf8");
      const declared = (text.split("\n---")[0].match(/^ {4}file: /gm) ?? []).length;
      expect(declared).toBeGreaterThan(0);
      const { page } = await fresh();
      await page.goto(`${server.origin}/?notebook=notebooks/${name}.md`);
      await expect.poll(() => page.locator("[data-table]").count(), { timeout: ENGINE_TIMEOUT }).toBe(declared);
      const bundle = await saveBundle(page);
      const files = unzipSync(bundle.bytes);
      const manifest = JSON.parse(strFromU8(files["manifest.json"])) as { tables: { rows: number }[] };
      expect(manifest.tables.length).toBe(declared);
      expect(strFromU8(files["notebook.md"])).toBe(text);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `bundle ${name}: ${(bundle.bytes.length / 1024).toFixed(1)} KB, ${rows} rows, saved in ${bundle.ms} ms`,
      );
      await page.context().close();
    }
  });

  it("a truncated bundle is refused with a clear message and loads nothing", async () => {
    const bytes = saved?.bytes ?? Buffer.alloc(0);
    expect(bytes.length).toBeGreaterThan(1000);
    const { page } = await fresh();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-role="welcome"]').waitFor();
    await openFile(page, "cut.clientbook.zip", bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusal(page)).toMatch(/cut\.clientbook\.zip: .*cut off.*nothing was loaded/);
    expect(await page.locator("[data-table]").count()).toBe(0);
    expect(await page.locator('[data-role="welcome"]').count()).toBe(1);
  });

  it("a tampered bundle dropped on the page is refused and the notebook already open stays as it was", async () => {
    const files = unzipSync(saved?.bytes ?? zipSync({}));
    const orders = files["tables/orders.parquet"];
    expect(orders.length).toBeGreaterThan(100);
    orders[Math.floor(orders.length / 2)] ^= 0xff;
    const tampered = Buffer.from(zipSync(files));
    const { page } = await fresh();
    await openExample(page);
    await page.locator('[data-table="orders"]').waitFor({ timeout: 30_000 });
    const title = await page.locator('[data-role="title"]').textContent();
    await dropFile(page, "changed.clientbook.zip", tampered);
    expect(await refusal(page)).toContain("tables/orders.parquet does not match its checksum");
    expect(await page.locator('[data-role="title"]').textContent()).toBe(title);
    expect(await page.locator("[data-table]").count()).toBe(2);
  });

  it("a bundle from a newer format version is refused, naming the version", async () => {
    const files = unzipSync(saved?.bytes ?? zipSync({}));
    const manifest = JSON.parse(strFromU8(files["manifest.json"])) as { version: number };
    manifest.version = 99;
    files["manifest.json"] = strToU8(JSON.stringify(manifest));
    const { page } = await fresh();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-role="welcome"]').waitFor();
    await openFile(page, "future.clientbook.zip", Buffer.from(zipSync(files)));
    expect(await refusal(page)).toContain("newer Clientbook (bundle format 99)");
    expect(await page.locator("[data-table]").count()).toBe(0);
  });
});

describe("a share link (Copy share link)", () => {
  it("holds the notebook text only and opens in a fresh profile as a foreign notebook asking for data", async () => {
    const first = await fresh();
    await first.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await openExample(first.page);
    await first.page.locator('[data-table="orders"]').waitFor({ timeout: 30_000 });
    await clickAction(first.page, "copy-share-link");
    const field = first.page.locator('[data-role="share-link"]');
    await field.waitFor();
    const link = await field.inputValue();
    await first.page.screenshot({ path: "/tmp/clientbook-share-link.png" });
    expect(await first.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // In the fragment only (no query, no path): and the notebook's text, byte for byte, nothing else.
    expect(link.startsWith(`${server.origin}/#nb=`)).toBe(true);
    const payload = link.slice(link.indexOf("#nb=") + 4);
    expect(strFromU8(unzlibSync(Buffer.from(payload, "base64url")))).toBe(await readFile(EXAMPLE, "utf8"));
    console.log(`share link customer-review: ${link.length} characters`);

    const { page, requests } = await fresh();
    await page.goto(link);
    await page.locator('[data-role="untrusted"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-cell="monthly_revenue"]').waitFor();
    const declared = page.locator('[data-role="declared-files"] [data-declared]');
    expect(await declared.evaluateAll((els) => els.map((e) => e.getAttribute("data-declared")))).toEqual([
      "customers",
      "orders",
    ]);
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    expect(await page.locator('[data-cell="monthly_revenue"]').getAttribute("data-state")).toBe("idle");
    expect(await page.locator("[data-table]").count()).toBe(0);
    expect(requests.filter((u) => /\.(csv|parquet|md)(\?|$)/.test(u) || u.includes("nb="))).toEqual([]);
  });

  it("a colleague binds their own file with other column names and maps it once", async () => {
    const notebook = [
      "---",
      "notebook: 1",
      "title: Revenue per customer",
      "data:",
      "  orders:",
      "    file: orders.csv",
      "    roles: { customer_id: customer_id, amount: amount }",
      "---",
      "",
      "```sql per_customer",
      "SELECT customer_id, sum(amount) AS total FROM orders GROUP BY 1 ORDER BY 1",
      "```",
      "",
    ].join("\n");
    const { page } = await fresh();
    await page.goto(`${server.origin}/#nb=${base64Url(zlibSync(strToU8(notebook), { level: 9 }))}`);
    await page.locator('[data-role="untrusted"]').waitFor({ timeout: ENGINE_TIMEOUT });
    const csv = "Kunde,Betrag,Region\nK1,10.5,Nord\nK2,4,Süd\nK1,1.5,Nord\n";
    await page
      .locator('[data-declared="orders"] input[data-action="load-declared"]')
      .setInputFiles({ name: "Bestellungen.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const mapping = page.locator('[data-role="column-mapping"][data-table-mapping="orders"]');
    await mapping.waitFor({ timeout: ENGINE_TIMEOUT });
    const apply = mapping.locator('[data-action="map-columns"]');
    expect(await apply.isDisabled()).toBe(true);
    await mapping.locator('select[data-expected="customer_id"]').selectOption("Kunde");
    await mapping.locator('select[data-expected="amount"]').selectOption("Betrag");
    await page.screenshot({ path: "/tmp/clientbook-column-mapping.png" });
    await apply.click();
    await mapping.waitFor({ state: "detached" });
    await page.locator('[data-table="orders"] [data-column="customer_id"]').waitFor();
    await page.locator('[data-action="trust"]').click();
    const result = page.locator('[data-cell="per_customer"][data-state="done"] [data-role="result-table"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute("data-rows")).toBe("2");
    expect(await result.textContent()).toMatch(/K1.*12.*K2.*4/s);
  });

  it("a link pasted into an open tab opens there, and a reload keeps the opened notebook", async () => {
    const { page } = await fresh();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-role="welcome"]').waitFor();
    const text = await readFile(EXAMPLE, "utf8");
    const hash = `#nb=${base64Url(zlibSync(strToU8(text), { level: 9 }))}`;
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.locator('[data-role="untrusted"]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-cell="monthly_revenue"]').waitFor();
    // The fragment goes once the notebook is kept in this browser: a reload restores the kept copy.
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe("");
    await page.reload();
    await page.locator('[data-cell="monthly_revenue"]').waitFor({ timeout: ENGINE_TIMEOUT });
    expect(await page.locator('[data-role="untrusted"]').count()).toBe(1);
  });

  it("a link cut in the middle says so and opens nothing", async () => {
    const text = await readFile(EXAMPLE, "utf8");
    const payload = base64Url(zlibSync(strToU8(text), { level: 9 }));
    const { page } = await fresh();
    await page.goto(`${server.origin}/#nb=${payload.slice(0, Math.floor(payload.length / 2))}`);
    expect(await refusal(page)).toContain("incomplete");
    expect(await page.locator('[data-role="welcome"]').count()).toBe(1);
    expect(await page.locator("[data-cell]").count()).toBe(0);
  });

  it("a fragment that decompresses to something other than a notebook is refused", async () => {
    const { page } = await fresh();
    const binary = new Uint8Array(512).map((_, i) => (i * 37) % 256);
    await page.goto(`${server.origin}/#nb=${base64Url(zlibSync(binary))}`);
    expect(await refusal(page)).toContain("does not hold notebook text");
    const badFrontMatter = "---\nnotebook: 1\ndata: [orders.csv]\n---\n\n# Not quite\n";
    await page.goto(`${server.origin}/?x#nb=${base64Url(zlibSync(strToU8(badFrontMatter)))}`);
    expect(await refusal(page)).toContain("not a Clientbook notebook");
    expect(await page.locator("[data-cell]").count()).toBe(0);
  });

  it("a notebook too long for a link says so and offers the file instead", async () => {
    const { page } = await fresh();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-role="welcome"]').waitFor();
    // Random hex does not compress below half its size: 120,000 characters make a link of about 80,000.
    const noise = (
      randomBytes(60_000)
        .toString("hex")
        .match(/.{1,100}/g) ?? []
    ).join("\n");
    const long = `---\nnotebook: 1\ntitle: Long\n---\n\n\`\`\`sql big\nSELECT 1\n-- ${noise.replace(/\n/g, "\n-- ")}\n\`\`\`\n`;
    await page
      .locator('input[data-action="open-notebook"]')
      .setInputFiles({ name: "long.md", mimeType: "text/markdown", buffer: Buffer.from(long) });
    await page.locator('[data-cell="big"]').waitFor({ timeout: 30_000 });
    await clickAction(page, "copy-share-link");
    const error = page.locator('[data-role="share-link-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/too long for a share link .*links stop at 60,000/);
    await page.screenshot({ path: "/tmp/clientbook-share-too-long.png" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="share-save-file"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("long.md");
    expect(await readFile(await download.path(), "utf8")).toBe(long);
  });
});
