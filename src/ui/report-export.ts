// "Export report" in the browser: the session's state after a run, every chart's SVG collected from
// its sandbox frame, rendered by report/ into one self-contained HTML file.
import { MAX_REPORT_ROWS, reportDialogMessages as m, type ReportLanguage } from "../messages/report";
import { reportCells } from "../report/from-session";
import { renderReport } from "../report/render";
import type { SessionState } from "../session/types";
import { collectChartSvgs } from "./chart-export";

/** What the user chose in the dialog. */
export interface ReportChoices {
  readonly rows: number;
  readonly showCode: boolean;
  readonly lang: ReportLanguage;
}

/** The rows-per-table field as a number, or the message saying why it is not one. */
export function parseReportRows(text: string): { rows: number } | { error: string } {
  const trimmed = text.trim();
  const rows = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(rows) || rows < 1 || rows > MAX_REPORT_ROWS)
    return { error: m.badRows(trimmed) };
  return { rows };
}

/** The report's file name beside the notebook's: `review.md` -> `review.report.html`. */
export function reportFileName(notebookFile: string): string {
  const base = notebookFile.replace(/\.(md|markdown)$/i, "") || "notebook";
  return `${base}.report.html`;
}

/** The report of `state` as HTML text, and the labels of charts that could not be collected (with why). */
export async function buildReport(
  state: SessionState,
  choices: ReportChoices,
): Promise<{ html: string; missing: string[] }> {
  const charts = state.cells.filter((c) => c.output?.type === "chart").map((c) => c.cell.id);
  const { svgs, failed } = await collectChartSvgs(charts);
  const missing = state.cells
    .map((c, i) => ({ id: c.cell.id, label: c.cell.name ?? `${c.cell.kind} #${i + 1}` }))
    .filter(({ id }) => failed.has(id))
    .map(({ id, label }) => `${label} (${failed.get(id)})`);
  const html = renderReport({
    title: state.notebook.frontMatter.title,
    date: new Date(),
    lang: choices.lang,
    showCode: choices.showCode,
    rows: choices.rows,
    cells: reportCells(state, svgs),
  });
  return { html, missing };
}
