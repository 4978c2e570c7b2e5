// The self-contained HTML report: a notebook's prose, result tables and charts (as inline SVG) in one
// file that loads nothing and runs nothing (its CSP forbids both), for a client or a printer.
import type { ResultTable } from "../table/result";
import { reportMessages, type ReportLanguage } from "../messages/report";
import { escapeHtml } from "./escape";
import { renderReportMarkdown } from "./markdown";
import { REPORT_CSS } from "./style";
import { sanitizeSvg, SvgError } from "./svg";
import { renderTable } from "./table";

/** The policy that makes the report inert: no request of any kind, no script; inline styles only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** One part of the report, in notebook order. `label` is the cell's name (or kind and position). */
export type ReportCell =
  | { readonly kind: "markdown"; readonly text: string }
  | {
      readonly kind: "table";
      readonly label: string;
      readonly source?: string;
      readonly table: ResultTable;
      readonly totalRows: number;
    }
  /** `svg` is the chart as drawn by Vega's SVG renderer; absent when it could not be drawn. */
  | {
      readonly kind: "chart";
      readonly label: string;
      readonly source?: string;
      readonly svg?: string;
      readonly note?: string;
    }
  | { readonly kind: "value"; readonly label: string; readonly source?: string; readonly value: unknown }
  /** A fenced block the notebook keeps but never runs (shown only with the code). */
  | { readonly kind: "code"; readonly language: string; readonly source: string }
  | { readonly kind: "error"; readonly label: string; readonly source?: string; readonly message: string }
  | { readonly kind: "not-run"; readonly label: string; readonly source?: string };

/** What a report is made from. */
export interface ReportInput {
  readonly title?: string;
  /** When the results were computed; shown as YYYY-MM-DD. */
  readonly date: Date;
  readonly lang: ReportLanguage;
  /** Whether each cell's source is shown (in a closed <details>) and plain code blocks are kept. */
  readonly showCode: boolean;
  /** Rows shown per table. */
  readonly rows: number;
  readonly cells: readonly ReportCell[];
}

/** The report as one HTML document (UTF-8 text). */
export function renderReport(input: ReportInput): string {
  const m = reportMessages[input.lang];
  const title = input.title?.trim() || m.untitled;
  const date = input.date.toISOString().slice(0, 10);
  const body = input.cells.map((cell, i) => renderCell(cell, i, input)).filter((html) => html !== "");
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(input.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(m.generated(date))}</p><p>${escapeHtml(m.privacy)}</p></header>`,
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderCell(cell: ReportCell, index: number, input: ReportInput): string {
  const m = reportMessages[input.lang];
  if (cell.kind === "markdown") return `<section class="cell prose">${renderReportMarkdown(cell.text)}</section>`;
  if (cell.kind === "code") {
    if (!input.showCode) return "";
    return `<section class="cell code"><pre><code>${escapeHtml(cell.source)}</code></pre></section>`;
  }
  const heading = `<h2 class="cell-name">${escapeHtml(cell.label)}</h2>`;
  const source =
    input.showCode && cell.source !== undefined
      ? `<details class="source"><summary>${escapeHtml(m.sourceOf(cell.label))}</summary>` +
        `<pre><code>${escapeHtml(cell.source)}</code></pre></details>`
      : "";
  return `<section class="cell ${cell.kind}">${heading}${source}${cellBody(cell, index, input)}</section>`;
}

function cellBody(cell: Exclude<ReportCell, { kind: "markdown" | "code" }>, index: number, input: ReportInput): string {
  const m = reportMessages[input.lang];
  switch (cell.kind) {
    case "table":
      return renderTable(cell.table, cell.totalRows, input.rows, input.lang);
    case "chart":
      return (
        chartFigure(cell.svg, `c${index}-`, cell.note) ??
        `<p class="error">${escapeHtml(m.chartMissing(cell.label))}</p>`
      );
    case "value":
      return `<pre class="value">${escapeHtml(valueText(cell.value))}</pre>`;
    case "error":
      return `<p class="error">${escapeHtml(m.cellFailed(cell.label))}\n${escapeHtml(cell.message)}</p>`;
    case "not-run":
      return `<p class="note">${escapeHtml(m.notRun(cell.label))}</p>`;
  }
}

function chartFigure(svg: string | undefined, prefix: string, note: string | undefined): string | undefined {
  if (svg === undefined) return undefined;
  try {
    const caption = note ? `<figcaption class="note">${escapeHtml(note)}</figcaption>` : "";
    return `<figure>${sanitizeSvg(svg, prefix)}${caption}</figure>`;
  } catch (e) {
    if (e instanceof SvgError) return undefined;
    throw e;
  }
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value, null, 2) ?? String(value));
}
