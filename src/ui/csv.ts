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

/** Offers `text` as a file download named `fileName`. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
