// The locale module: picking a locale from language tags, catalogues that follow the current locale,
// subscribers, and the Intl formatting helpers in both locales.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMonth,
  formatNumber,
  getLocale,
  isLoaded,
  localized,
  pickLocale,
  plural,
  pluralOf,
  setLocale,
  subscribeLocale,
} from "../../src/messages/locale";
import { ui } from "../../src/messages/ui";
import { badJsonLine, emptyFile, loadFailed } from "../../src/messages/engine";
import { workshopText } from "../../src/messages/workshop";
import { storageText } from "../../src/messages/storage";
import { reportDialogMessages, uiReportLanguage } from "../../src/messages/report";
import { chartExportMessages } from "../../src/messages/charts";

import { loadLocale } from "../../src/messages/load-locale";

beforeAll(() => loadLocale("zh-CN"));
afterEach(() => setLocale("en"));

describe("locale", () => {
  it("picks zh-CN for any Chinese tag, English otherwise and by default", () => {
    expect(pickLocale(["zh-CN", "en"])).toBe("zh-CN");
    expect(pickLocale(["de-DE", "zh-TW"])).toBe("zh-CN");
    expect(pickLocale(["zh_CN.UTF-8"])).toBe("zh-CN");
    expect(pickLocale(["en-GB", "zh-CN"])).toBe("en");
    expect(pickLocale(["fr"])).toBe("en");
    expect(pickLocale([])).toBe("en");
  });

  it("switches catalogues, object and function exports alike, and tells subscribers", () => {
    const seen: string[] = [];
    const stop = subscribeLocale((l) => seen.push(l));
    expect(ui.runAll).toBe("Run all");
    expect(emptyFile("a.csv")).toBe("a.csv: empty file, there is nothing to load.");
    setLocale("zh-CN");
    expect(getLocale()).toBe("zh-CN");
    expect(ui.runAll).toBe("全部运行");
    expect(ui.status.error).toBe("出错");
    expect(emptyFile("a.csv")).toBe("a.csv：文件为空，没有可加载的内容。");
    stop();
    setLocale("en");
    expect(seen).toEqual(["zh-CN"]);
  });

  it("switches the workshop, storage, report-dialog and chart-export wording, and the report language", () => {
    expect(uiReportLanguage).toBe("en");
    expect(storageText.restoredData(1)).toBe("Its data table was kept in this browser and is loading.");
    expect(storageText.restoredData(1200)).toBe("Its 1,200 data tables were kept in this browser and are loading.");
    expect(storageText.restoredDataLoaded(2)).toBe("Its 2 data tables were kept in this browser and are loaded again.");
    expect(reportDialogMessages.chartsMissing(["a", "b"])).toContain("2 charts are missing");
    expect(reportDialogMessages.badRows("x")).toContain("from 1 to 100,000;");
    setLocale("zh-CN");
    expect(uiReportLanguage).toBe("zh-CN");
    expect(workshopText.erase).toBe("清除我的数据");
    expect(workshopText.eraseItems).toHaveLength(4);
    expect(storageText.restoredData(1200)).toBe("它的 1,200 张数据表已保存在此浏览器中，正在加载。");
    expect(storageText.restoredDataLoaded(1)).toBe("它的 1 张数据表已保存在此浏览器中，已重新加载。");
    expect(reportDialogMessages.chartsMissing(["a", "b"])).toBe(
      "报告已生成，但其中缺少 2 个图表（显示为未绘制）：a；b。",
    );
    expect(chartExportMessages.copy).toBe("复制 PNG");
    setLocale("en");
    expect(uiReportLanguage).toBe("en");
    expect(workshopText.erase).toBe("Erase my data");
  });

  it("loads the Chinese catalogues once, and they reach catalogues named before and after the load", () => {
    expect(isLoaded("zh-CN")).toBe(true);
    const late = localized({ runAll: "Run all" }, "ui");
    setLocale("zh-CN");
    expect(late.runAll).toBe("全部运行");
    expect(localized({ a: "A" }, "no such catalogue").a).toBe("A");
  });

  it("falls back to English where a locale has no catalogue", () => {
    const only = localized({ a: "A" }, {});
    setLocale("zh-CN");
    expect(only.a).toBe("A");
  });
});

describe("Intl helpers", () => {
  it("group counts and numbers per locale", () => {
    expect(formatCount(1234567, "en")).toBe("1,234,567");
    expect(formatCount(1234567, "zh-CN")).toBe("1,234,567");
    expect(formatNumber(1234.5678, 2, "en")).toBe("1,234.57");
    expect(formatNumber(0.5, 0, "zh-CN")).toBe("1");
  });

  it("use Intl.PluralRules for English plurals", () => {
    expect(pluralOf(1, "en")).toBe("one");
    expect(pluralOf(2, "en")).toBe("other");
    expect(pluralOf(1, "zh-CN")).toBe("other");
    expect(plural(1, "row", "rows")).toBe("row");
    expect(plural(0, "row", "rows")).toBe("rows");
    expect(ui.rows(1)).toBe("1 row");
    setLocale("zh-CN");
    expect(ui.rows(1)).toBe("1 行");
    expect(ui.rows(12345)).toBe("12,345 行");
  });

  it("format bytes, durations, dates and months per locale", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 ** 3, "zh-CN")).toBe("5.00 GB");
    expect(formatDuration(12.4, "en")).toBe("12 ms");
    expect(formatDuration(1500, "en")).toBe("1.5 s");
    expect(formatDuration(1500, "zh-CN")).toBe("1.5 秒");
    const day = new Date(Date.UTC(2024, 0, 5));
    expect(formatDate(day, "en")).toBe("Jan 5, 2024");
    expect(formatDate(day, "zh-CN")).toBe("2024年1月5日");
    expect(formatMonth(day, "en")).toBe("Jan 2024");
    expect(formatMonth(day, "zh-CN")).toBe("2024年1月");
    const moment = new Date(2024, 0, 5, 9, 3); // local time: "saved at" notes read the user's clock
    expect(formatDateTime(moment, "en")).toBe("Jan 5, 09:03");
    expect(formatDateTime(moment, "zh-CN")).toBe("1月5日 09:03");
  });

  it("set a reason that ends its own sentence inside another without a doubled stop", () => {
    const reason = "`data` must map tables to files, e.g. `orders: { file: orders.csv }`.";
    expect(ui.notebookError("a.md", reason)).toBe(
      "Could not open “a.md”: `data` must map tables to files, e.g. `orders: { file: orders.csv }`. " +
        "The current notebook is unchanged.",
    );
    expect(ui.linkFailed("b.md", "the server answered 404")).toBe(
      "Could not fetch the notebook “b.md”: the server answered 404.",
    );
    // A load error names the file once, though the engine's reason starts with it too.
    expect(ui.loadError("empty.csv", emptyFile("empty.csv"))).toBe(
      "Could not load “empty.csv”: empty file, there is nothing to load.",
    );
    expect(ui.loadError("a.csv", "b.csv: other")).toBe("Could not load “a.csv”: b.csv: other");
    // The engine's "could not be loaded" lead is not said twice.
    const jsonLine = loadFailed("bad.jsonl", badJsonLine(2, "Unexpected end of JSON input"));
    expect(ui.loadError("bad.jsonl", jsonLine)).toBe(
      "Could not load “bad.jsonl”: line 2 is not valid JSON (Unexpected end of JSON input).",
    );
    setLocale("zh-CN");
    expect(ui.notebookError("a.md", "文件头无效。")).toBe("无法打开“a.md”：文件头无效。当前笔记本保持不变。");
    expect(ui.loadError("empty.csv", emptyFile("empty.csv"))).toBe("无法加载“empty.csv”：文件为空，没有可加载的内容。");
    expect(ui.loadError("bad.jsonl", loadFailed("bad.jsonl", badJsonLine(2, "x")))).toBe(
      "无法加载“bad.jsonl”：第 2 行不是有效的 JSON（x）。",
    );
  });
});
