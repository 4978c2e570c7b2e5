// Wording of the exported HTML report, in every language a report can be written in, and of the app's
// "Export report" dialog in the current locale.
import { formatCount, getLocale, localized, plural, subscribeLocale } from "./locale";

/** The languages a report can be written in. */
export type ReportLanguage = "en" | "zh-CN";

/** The sentences of a report in one language. */
export interface ReportMessages {
  readonly untitled: string;
  readonly generated: (date: string) => string;
  readonly privacy: string;
  readonly rowsShown: (shown: number, total: number) => string;
  readonly rowCount: (total: number) => string;
  readonly noRows: string;
  readonly cellFailed: (label: string) => string;
  readonly notRun: (label: string) => string;
  readonly chartMissing: (label: string) => string;
  readonly sourceOf: (label: string) => string;
  readonly nullValue: string;
}

const en: ReportMessages = {
  untitled: "Untitled notebook",
  generated: (date) => `Report generated on ${date} with Clientbook.`,
  privacy: "This file contains results computed from client data. Share it only with those who may see them.",
  rowsShown: (shown, total) => `First ${shown.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows.`,
  rowCount: (total) => `${total.toLocaleString("en-US")} row${total === 1 ? "" : "s"}.`,
  noRows: "No rows.",
  cellFailed: (label) => `${label} failed:`,
  notRun: (label) => `${label} has no result (it did not run).`,
  chartMissing: (label) => `The chart ${label} could not be drawn.`,
  sourceOf: (label) => `Source of ${label}`,
  nullValue: "null",
};

const zhCN: ReportMessages = {
  untitled: "未命名笔记本",
  generated: (date) => `报告由 Clientbook 于 ${date} 生成。`,
  privacy: "本文件包含根据客户数据计算的结果，仅可分享给有权查看的人。",
  rowsShown: (shown, total) => `显示前 ${shown.toLocaleString("zh-CN")} 行，共 ${total.toLocaleString("zh-CN")} 行。`,
  rowCount: (total) => `共 ${total.toLocaleString("zh-CN")} 行。`,
  noRows: "没有数据行。",
  cellFailed: (label) => `${label} 运行失败：`,
  notRun: (label) => `${label} 没有结果（未运行）。`,
  chartMissing: (label) => `图表 ${label} 无法绘制。`,
  sourceOf: (label) => `${label} 的源代码`,
  nullValue: "空",
};

/** Report sentences by language. */
export const reportMessages: Readonly<Record<ReportLanguage, ReportMessages>> = { en, "zh-CN": zhCN };

/** The language the app's UI is written in; a report made in the browser follows it. */
export let uiReportLanguage: ReportLanguage = getLocale();
subscribeLocale((locale) => (uiReportLanguage = locale));

/** The largest number of rows per table a report made in the browser may show. */
export const MAX_REPORT_ROWS = 100_000;

const dialogEn = {
  open: "Export report",
  openTitle: "Write one self-contained HTML file with the prose, result tables and charts (no script, loads nothing)",
  title: "Export report",
  body:
    "The report is one HTML file that anyone can open, even offline with JavaScript off. It contains results " +
    "computed from client data: share it only with those who may see them.",
  rows: "Rows per table",
  showCode: "Show each cell's code",
  write: "Write report",
  cancel: "Cancel",
  writing: "Collecting the charts…",
  badRows: (text: string) =>
    `Rows per table must be a whole number from 1 to ${formatCount(MAX_REPORT_ROWS)}; “${text}” is not.`,
  chartsMissing: (labels: readonly string[]) =>
    "The report was written, but " +
    `${plural(labels.length, "one chart is", `${formatCount(labels.length)} charts are`)} missing from it ` +
    `(shown as not drawn): ${labels.join("; ")}.`,
  failed: (reason: string) => `The report could not be written: ${reason}`,
};

/** Wording of the "Export report" control and its dialog in the app, in the current locale. */
export const reportDialogMessages = localized(dialogEn, "reportDialogMessages");
