// Result tables as CSV text for copy and download. Text that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) is prefixed with ' so it stays text.
import type { ResultTable, Value, ValueKind } from "../table/result";

const FORMULA = /^[=+\-@\t\r]/;

/** Formats a value for display and export: dates as ISO text, everything else as written. */
export function formatValue(value: Value, kind: ValueKind): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && (kind === "date" || kind === "timestamp")) {
    const iso = new Date(value).toISOString();
    return kind === "date" ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  return String(value);
}

function field(text: string, isText: boolean): string {
  const safe = isText && FORMULA.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Serializes the whole table as RFC 4180 CSV, defusing spreadsheet formulas in text cells. */
export function tableToCsv(table: ResultTable): string {
  const lines = [table.columns.map((c) => field(c.name, true)).join(",")];
  const columns = table.columns.map((c, i) => ({ kind: c.kind, values: table.column(i) }));
  for (let r = 0; r < table.numRows; r++) {
    lines.push(columns.map((c) => field(formatValue(c.values[r], c.kind), typeof c.values[r] === "string")).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

// Excel opens a CSV in the system's ANSI code page (GBK on a Chinese Windows, Windows-1252 on a German one)
// unless the file starts with a UTF-8 byte-order mark; with it, 客户 and Müller open as written. Other
// spreadsheet programs and DuckDB read the mark as one, so every CSV download carries it.
const BOM = "\uFEFF";

/** The CSV download of `text`: UTF-8 with a byte-order mark (see above). */
export function csvBlob(text: string): Blob {
  return new Blob([BOM, text], { type: "text/csv;charset=utf-8" });
}

/** Offers CSV `text` as a file download named `fileName`, readable by Excel in any language. */
export function downloadCsv(text: string, fileName: string): void {
  downloadBlob(csvBlob(text), fileName);
}

/** Offers `text` as a file download named `fileName`. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
