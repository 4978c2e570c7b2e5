// The "Export report" dialog's choices: rows per table checked, the file name; the report itself is
// built by report-build.ts, loaded only when a report is written.
import { MAX_REPORT_ROWS, reportDialogMessages as m, type ReportLanguage } from "../messages/report";

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
