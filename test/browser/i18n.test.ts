// The UI in Simplified Chinese and in English: a page whose browser language is zh-CN or en-US shows the
// welcome screen, example notebook, data panel, gallery and a SQL error with no text of the other
// catalogue, and the toolbar's language switch re-renders in place, keeping the notebook and tables.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { registeredCatalogues } from "../../src/messages/locale";
import "../../src/messages/ui";
import "../../src/messages/session";
import "../../src/messages/engine";
import "../../src/messages/compile";
import "../../src/messages/code";
import "../../src/messages/charts";
import { chartFrameText } from "../../src/messages/chart-frame";
import "../../src/messages/notebook";
import "../../src/messages/gallery";
import "../../src/messages/recipes"; // role labels and the data panel's notes
import { loadLocale } from "../../src/messages/load-locale";

// The Chinese texts the page must show are read from the catalogues, loaded here as the app loads them.
await loadLocale("zh-CN");

const app = useApp();

/** English texts whose Chinese counterpart differs, multi-word so that no data value or DuckDB word matches. */
function distinctiveEnglish(): string[] {
  const out: string[] = [];
  const walk = (en: unknown, zh: unknown): void => {
    if (typeof en === "string") {
      if (en !== zh && / /.test(en) && en.length >= 8) out.push(en);
    } else if (typeof en === "object" && en !== null && typeof zh === "object" && zh !== null) {
      for (const key of Object.keys(en)) walk((en as never)[key], (zh as never)[key]);
    }
  };
  for (const { en, others } of registeredCatalogues) walk(en, others["zh-CN"]);
  return out;
}

/** The page's visible text, the language switch's option names left out. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("select[data-action=switch-language], script, style").forEach((e) => e.remove());
    document.body.append(clone);
    clone.style.cssText = "position:absolute;left:-99999px;top:0;width:1280px";
    const text = clone.innerText;
    clone.remove();
    return text;
  });

/** Strings of the wrong catalogue on the page: any Han character in English, distinctive English in Chinese. */
async function foreign(page: Page, locale: "en" | "zh-CN"): Promise<string[]> {
  const text = await visibleText(page);
  if (locale === "en") return text.match(/[\u4e00-\u9fff]+/g) ?? [];
  return distinctiveEnglish().filter((s) => text.includes(s));
}

const cellIds = (page: Page) =>
  page.locator("[data-cell]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));

const NOTEBOOK = [
  "---",
  "notebook: 1",
  "title: i18n",
  "---",
  "",
  "```sql counted",
  "SELECT count(*) AS n FROM clients",
  "```",
  "",
  "```sql broken",
  "SELECT * FROM no_such_table",
  "```",
  "",
  // A map: the chart frame itself refuses it, in the page's language.
  "```chart map data=counted",
  '{"mark": "geoshape", "projection": {"type": "mercator"}}',
  "```",
  "",
  // Not plain data: the code Worker refuses it, in the page's language.
  "```ts huge",
  "return { n: 10n };",
  "```",
  "",
].join("\n");

async function walkScreens(locale: "en" | "zh-CN", browserLocale: string, shot: string): Promise<void> {
  const { page } = await app.open("?notebook=notebooks/customer-review.md", browserLocale);
  await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  expect(await page.locator("[data-action=switch-language]").inputValue()).toBe(locale);
  const cells = page.locator("[data-cell][data-kind=sql]");
  await expect.poll(() => cells.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  await expect
    .poll(async () => (await cells.evaluateAll((els) => els.map((e) => e.dataset.state))).every((s) => s === "done"), {
      timeout: 90_000,
    })
    .toBe(true);
  expect(await foreign(page, locale)).toEqual([]);
  await page.screenshot({ path: `/tmp/i18n-${shot}-example.png` });

  await page.locator("[data-action=open-gallery]").click();
  await page.locator("[data-role=gallery]").waitFor();
  expect(await foreign(page, locale)).toEqual([]);
  await page.screenshot({ path: `/tmp/i18n-${shot}-gallery.png` });
  await page.keyboard.press("Escape");

  // A notebook from disk: untrusted until the user says so; one cell reads a loaded table, one fails.
  await openFromDisk({ page } as never, "i18n.md", NOTEBOOK);
  await page.locator("[data-action=load-files]").setInputFiles({
    name: "clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("id,name,revenue\n1,Acme,1234.5\n2,Globex,98765.25\n"),
  });
  await page.locator('[data-table="clients"]').waitFor({ timeout: 30_000 });
  await page.locator("[data-action=trust]").click();
  await page.locator('[data-cell="broken"] [data-role=cell-error]').waitFor({ timeout: 30_000 });
  await page.locator('[data-cell="counted"][data-state=done]').waitFor({ timeout: 30_000 });
  expect(await foreign(page, locale)).toEqual([]);
  const error = await page.locator('[data-cell="broken"] [data-role=cell-error]').innerText();
  expect(error).toContain("no_such_table");
  // The chart frame's own text (inside the frame and sent back to the cell) is in the page's language too.
  const refused = chartFrameText(locale).projectionMissing();
  const frameError = page.frameLocator('[data-cell="map"] iframe').locator("p.error");
  await expect.poll(() => frameError.innerText().catch(() => ""), { timeout: 30_000 }).toBe(refused);
  expect(await page.locator('[data-cell="map"] [data-role=chart-error]').innerText()).toContain(refused);
  const huge = page.locator('[data-cell="huge"] [data-role=cell-error]');
  await huge.waitFor({ timeout: 60_000 });
  expect(await huge.innerText()).toContain(locale === "en" ? "(a BigInt)" : "（BigInt 值）");
  await page.screenshot({ path: `/tmp/i18n-${shot}-error.png`, fullPage: true });

  // Switch language: no reload, same cells and table, the other catalogue's words now.
  const before = await cellIds(page);
  expect(before).toEqual(expect.arrayContaining(["counted", "broken"]));
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const other = locale === "en" ? "zh-CN" : "en";
  await page.locator("[data-action=switch-language]").selectOption(other);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  expect(await cellIds(page)).toEqual(before);
  expect(await page.locator('[data-table="clients"]').getAttribute("data-rows")).toBe("2");
  expect(await page.locator('[data-cell="counted"] [data-role=result-table]').count()).toBe(1);
  expect(await page.locator("[data-action=run-all]").innerText()).toBe(other === "en" ? "Run all" : "全部运行");
  await page.screenshot({ path: `/tmp/i18n-${shot}-switched.png`, fullPage: true });
  // Remembered: a reload comes back in the chosen language.
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
}

describe("the UI language", () => {
  it("follows a zh-CN browser: every screen in Chinese, and switches to English in place", async () => {
    await walkScreens("zh-CN", "zh-CN", "zh");
  }, 300_000);

  it("follows an en-US browser: every screen in English, and switches to Chinese in place", async () => {
    await walkScreens("en", "en-US", "en");
  }, 300_000);

  for (const [browserLocale, locale, title] of [
    ["zh-CN", "zh-CN", "欢迎使用 Clientbook"],
    ["en-US", "en", "Welcome to Clientbook"],
  ] as const) {
    it(`shows the welcome screen to a ${browserLocale} browser in its language`, async () => {
      const { page } = await app.open("", browserLocale);
      await page.getByText(title).waitFor();
      expect(await foreign(page, locale)).toEqual([]);
      await page.screenshot({ path: `/tmp/i18n-${locale}-welcome.png` });
    }, 120_000);
  }
});
