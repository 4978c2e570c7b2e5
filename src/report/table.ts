// A result table in the report: the first N rows, numbers right-aligned and formatted alike per column
// (the same number of decimals down a column), dates as YYYY-MM-DD, nulls marked.
import type { ColumnInfo, ResultTable, Value } from "../table/result";
import { reportMessages, type ReportLanguage } from "../messages/report";
import { escapeHtml } from "./escape";

/** The most decimals a column of floating-point numbers is shown with. */
const MAX_DECIMALS = 2;

/** The HTML of the first `limit` rows of `table`, with a line saying how many rows there are. */
export function renderTable(table: ResultTable, totalRows: number, limit: number, lang: ReportLanguage): string {
  const m = reportMessages[lang];
  const shown = Math.min(limit, table.numRows);
  const formats = table.columns.map((c, i) => formatter(c, table.column(i).slice(0, shown), lang));
  const head = table.columns.map((c) => `<th${numeric(c) ? ' class="num"' : ""}>${escapeHtml(c.name)}</th>`).join("");
  const body: string[] = [];
  for (let r = 0; r < shown; r++) {
    const cells = table.columns.map((c, i) => {
      const value = table.column(i)[r];
      if (value === null || value === undefined) return `<td class="null">${escapeHtml(m.nullValue)}</td>`;
      return `<td${numeric(c) ? ' class="num"' : ""}>${escapeHtml(formats[i](value))}</td>`;
    });
    body.push(`<tr>${cells.join("")}</tr>`);
  }
  const note = totalRows === 0 ? m.noRows : shown < totalRows ? m.rowsShown(shown, totalRows) : m.rowCount(totalRows);
  const grid = table.columns.length
    ? `<table><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table>`
    : "";
  return `<div class="table">${grid}</div><p class="note">${escapeHtml(note)}</p>`;
}

function numeric(column: ColumnInfo): boolean {
  return column.kind === "number";
}

function formatter(column: ColumnInfo, values: readonly Value[], lang: ReportLanguage): (value: Value) => string {
  if (column.kind === "date")
    return (v) => (typeof v === "number" ? new Date(v).toISOString().slice(0, 10) : String(v));
  if (column.kind === "timestamp") {
    return (v) =>
      typeof v === "number"
        ? new Date(v)
            .toISOString()
            .replace("T", " ")
            .replace(/(\.000)?Z$/, "")
        : String(v);
  }
  if (column.kind !== "number") return (v) => String(v);
  const digits = decimalsOf(column.type, values);
  const format = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (v) => (typeof v === "number" ? format.format(v) : String(v));
}

/** A DECIMAL's own scale; otherwise as many decimals as the column's values need, at most MAX_DECIMALS. */
function decimalsOf(type: string, values: readonly Value[]): number {
  const scale = /^DECIMAL\(\d+,\s*(\d+)\)/i.exec(type);
  if (scale) return Math.min(Number(scale[1]), 4);
  let digits = 0;
  for (const v of values) {
    if (typeof v !== "number" || Number.isInteger(v) || !Number.isFinite(v)) continue;
    for (; digits < MAX_DECIMALS && Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) > 1e-9;) digits++;
    if (digits === MAX_DECIMALS) break;
  }
  return digits;
}
