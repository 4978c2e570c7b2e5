// Dialect sniffing on a decoded sample: the delimiter (, ; tab |), the quote (" or '), `#` comments,
// a decimal comma in `;` files, lines above the table to skip, whether the first row is a header, and
// rows whose field count differs from the header (DuckDB pads them; the user is told).
import { sniffEscape } from "./pieces";
import { splitRecords, type Quoting, type SampleRecord } from "./records";

/** What the sample says about the CSV dialect. */
export interface CsvDialect {
  readonly delimiter: string;
  /** The quote character: `"` unless the sample is quoted with `'`. */
  readonly quote: string;
  /** A backslash when the sample's quoted fields escape quotes with it (`\"`); absent: doubled quotes. */
  readonly escape?: string;
  /** `#` when the sample has comment lines (DuckDB then drops them, and the rest of a line after `#`). */
  readonly comment?: string;
  /** Lines before the first row (blank lines, a title, notes): DuckDB's `skip`. */
  readonly skip: number;
  /** The first of the skipped lines that held text (a title), for the warning. */
  readonly skipped?: string;
  readonly decimalComma: boolean;
  /** Whether the first row names the columns (see `detectHeader`); false means it is data. */
  readonly hasHeader: boolean;
  /** The first row as written: the header (before DuckDB renames duplicates and blanks) when `hasHeader`. */
  readonly header: readonly string[];
  /** The line of a quote that the whole file never closes (DuckDB would read the rest as one value). */
  readonly unclosedQuote?: number;
  /** Data rows in the sample with fewer fields than the header, and the first few of their lines. */
  readonly shortRows: { readonly count: number; readonly lines: readonly number[] };
}

const candidates = [",", ";", "\t", "|"];

// A title or note above a table is a few one-field lines; more than this is a one-column table.
const maxPreamble = 20;

/** Sniffs the delimiter and decimal separator from decoded text; `preferTab` for .tsv files. */
export function sniffDialect(text: string, complete: boolean, preferTab = false): CsvDialect {
  // Single quotes are a candidate only in files without double quotes that open fields with them.
  const quotings: Quoting[] = [{ quote: '"' }];
  if (!text.includes('"') && /(^|[,;\t|])'/m.test(text)) quotings.push({ quote: "'" });
  // Comments are a candidate only when most lines starting with `#` are prose (no delimiter in them):
  // a `#` inside values, or opening rows of fields (order numbers like #1001,...), is data.
  const hashLines = text.match(/^[ \t]*#.*$/gm) ?? [];
  if (hashLines.length && hashLines.filter((l) => !/[,;\t|]/.test(l)).length * 2 >= hashLines.length) {
    quotings.push(...quotings.map((q) => ({ ...q, comment: "#" })));
  }
  const order = preferTab ? ["\t", ...candidates.filter((c) => c !== "\t")] : candidates;
  // A comma that only splits decimal-comma numbers is no delimiter: a one-column file then gets one
  // that does not occur in it.
  const usable = order.filter((d) => d !== "," || !splitsDecimals(splitRecords(text, d, complete, 200)));
  const fallback = usable.find((d) => !text.includes(d)) ?? usable[0] ?? order[0];
  let best = { delimiter: usable.includes(order[0]) ? order[0] : fallback, quoting: quotings[0], score: -1 };
  for (const delimiter of usable) {
    for (const quoting of quotings) {
      // Ties keep the earlier, plainer choice: a comma, a double quote, no comments.
      const score = consistency(splitRecords(text, delimiter, complete, 200, quoting));
      if (score > best.score && (score > 0 || delimiter === best.delimiter)) best = { delimiter, quoting, score };
    }
  }
  const all = splitRecords(text, best.delimiter, complete, 2000, best.quoting);
  const start = preambleLength(all);
  const records = all.slice(start);
  const header = records[0]?.fields ?? [];
  const short = records.slice(1).filter((r) => r.fields.length < header.length);
  // DuckDB skips comment lines itself (its `skip` would not count them).
  const skip = best.quoting.comment && start === 0 ? 0 : (records[0]?.line ?? 1) - 1;
  const quote = best.quoting.quote ?? '"';
  const escape = sniffEscape(text, quote);
  return {
    delimiter: best.delimiter,
    quote,
    ...(escape !== quote ? { escape } : {}),
    ...(best.quoting.comment ? { comment: best.quoting.comment } : {}),
    skip,
    ...(start > 0 ? { skipped: all[0].fields.join(best.delimiter).trim() } : {}),
    ...(all.unclosedQuote ? { unclosedQuote: all.unclosedQuote } : {}),
    decimalComma: best.delimiter === ";" && hasDecimalComma(records.slice(1)),
    hasHeader: detectHeader(records, best.delimiter),
    header,
    shortRows: { count: short.length, lines: short.slice(0, 5).map((r) => r.line) },
  };
}

// One-field lines above a table of two or more fields are a title or notes, not rows.
function preambleLength(records: readonly SampleRecord[]): number {
  let start = 0;
  while (start < records.length && start < maxPreamble && records[start].fields.length === 1) start++;
  if (start === 0 || start === records.length || start === maxPreamble) return 0;
  // Only above a table whose rows agree: ragged rows (commas in unquoted text) are no table.
  return consistency(records.slice(start)) >= 500 && modeOf(records.slice(start)) >= 2 ? start : 0;
}

// Comma-split rows that are all `digits,digits` among unsplit rows are one column of decimal-comma
// numbers (`3,3` alone is two columns, as DuckDB reads it).
function splitsDecimals(records: readonly SampleRecord[]): boolean {
  const split = records.filter((r) => r.fields.length > 1);
  const decimal = (r: SampleRecord) =>
    r.fields.length === 2 && /^\s*[-+]?\d+$/.test(r.fields[0]) && /^\d+\s*$/.test(r.fields[1]);
  return split.length > 0 && split.length < records.length && split.every(decimal);
}

function modeOf(records: readonly SampleRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let mode = 0;
  let modeRows = 0;
  for (const [fields, rows] of counts) {
    if (rows > modeRows || (rows === modeRows && fields > mode)) [mode, modeRows] = [fields, rows];
  }
  return mode;
}

// Rewards many fields per row that agree from row to row; one field per row scores zero.
function consistency(records: readonly SampleRecord[]): number {
  if (!records.length) return 0;
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let mode = 1;
  let modeRows = 0;
  for (const [fields, rows] of counts)
    if (rows > modeRows || (rows === modeRows && fields > mode)) [mode, modeRows] = [fields, rows];
  if (mode < 2) return 0;
  return (modeRows / records.length) * 1000 + Math.min(mode, 999) / 1000;
}

function hasDecimalComma(rows: readonly SampleRecord[]): boolean {
  let comma = 0;
  let dot = 0;
  for (const r of rows)
    for (const f of r.fields) {
      const v = f.trim();
      if (/^[-+]?\d+,\d+$/.test(v)) comma++;
      else if (/^[-+]?\d+\.\d+$/.test(v)) dot++;
    }
  return comma > 0 && dot === 0;
}

type CellKind = "empty" | "number" | "date" | "boolean" | "text";

/**
 * Whether the first record of the sample is a header, judged from the columns below it.
 *
 * A column is *typed* when at least 80% of its non-empty cells in the later sample rows are of one
 * kind: numbers (a decimal comma counts in `;` files), dates (ISO, d/m/y, d.m.y, optionally with a
 * time) or booleans. Then, over the typed columns only:
 * - a non-empty first-row cell that is plain text is a column name: the row is a header;
 * - otherwise, when at least one typed column's first-row cell is itself a number, date or boolean,
 *   the row is data (no header);
 * - empty first-row cells say nothing.
 * A lone record is data unless its cells are plain text (or empty), as DuckDB decides: a one-line file
 * of values keeps its row. Whenever the evidence is missing otherwise (no typed column, as in all-text
 * exports, or only empty first cells in typed columns) the first row is taken as a header.
 * Known blind spot: a header made only of numbers or dates above typed columns (years as column
 * names over numeric cells, with no text-named typed column) is read as data.
 */
export function detectHeader(records: readonly SampleRecord[], delimiter: string): boolean {
  if (records.length === 1) {
    const kinds = records[0].fields.map((f) => cellKind(f, delimiter));
    return kinds.includes("text") && kinds.every((k) => k === "text" || k === "empty");
  }
  if (records.length === 0) return true;
  const first = records[0].fields;
  const rest = records.slice(1);
  let dataVotes = 0;
  for (let c = 0; c < first.length; c++) {
    const type = columnType(rest, c, delimiter);
    if (!type) continue;
    const kind = cellKind(first[c], delimiter);
    if (kind === "empty") continue;
    if (kind === "text") return true;
    dataVotes++;
  }
  return dataVotes === 0;
}

// The kind shared by at least 80% of the non-empty cells of column `c`, or undefined for text.
function columnType(rows: readonly SampleRecord[], c: number, delimiter: string): CellKind | undefined {
  const counts = new Map<CellKind, number>();
  let filled = 0;
  for (const r of rows) {
    const kind = cellKind(r.fields[c] ?? "", delimiter);
    if (kind === "empty") continue;
    filled++;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  if (!filled) return undefined;
  for (const [kind, n] of counts) if (kind !== "text" && n / filled >= 0.8) return kind;
  return undefined;
}

const numberRe = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const commaNumberRe = /^[-+]?(\d+(,\d*)?|,\d+)$/;
const dateRe =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const booleanRe = /^(true|false)$/i;

function cellKind(cell: string, delimiter: string): CellKind {
  const v = cell.trim();
  if (!v) return "empty";
  // A number in single quotes ('567') in a double-quoted file is still a number to the reader.
  if (numberRe.test(v.replace(/^'(.+)'$/, "$1")) || (delimiter !== "," && commaNumberRe.test(v))) return "number";
  if (dateRe.test(v)) return "date";
  if (booleanRe.test(v)) return "boolean";
  return "text";
}
