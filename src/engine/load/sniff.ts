// Dialect sniffing on a decoded sample: the delimiter (, ; tab |), a decimal comma in `;` files,
// whether the first row is a header, and rows whose field count differs from the header (DuckDB
// pads them; the user is told).
import { splitRecords, type SampleRecord } from "./records";

/** What the sample says about the CSV dialect. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly decimalComma: boolean;
  /** Whether the first row names the columns (see `detectHeader`); false means it is data. */
  readonly hasHeader: boolean;
  /** The first row as written: the header (before DuckDB renames duplicates and blanks) when `hasHeader`. */
  readonly header: readonly string[];
  /** Data rows in the sample with fewer fields than the header, and the first few of their lines. */
  readonly shortRows: { readonly count: number; readonly lines: readonly number[] };
}

const candidates = [",", ";", "\t", "|"];

/** Sniffs the delimiter and decimal separator from decoded text; `preferTab` for .tsv files. */
export function sniffDialect(text: string, complete: boolean, preferTab = false): CsvDialect {
  let best = { delimiter: preferTab ? "\t" : ",", score: -1, records: [] as SampleRecord[] };
  for (const delimiter of preferTab ? ["\t", ...candidates.filter((c) => c !== "\t")] : candidates) {
    const records = splitRecords(text, delimiter, complete, 200);
    const score = consistency(records);
    if (score > best.score) best = { delimiter, score, records };
  }
  const records = splitRecords(text, best.delimiter, complete);
  const header = records[0]?.fields ?? [];
  const short = records.slice(1).filter((r) => r.fields.length < header.length);
  return {
    delimiter: best.delimiter,
    decimalComma: best.delimiter === ";" && hasDecimalComma(records.slice(1)),
    hasHeader: detectHeader(records, best.delimiter),
    header,
    shortRows: { count: short.length, lines: short.slice(0, 5).map((r) => r.line) },
  };
}

// Rewards many fields per row that agree from row to row; one field per row scores zero.
function consistency(records: readonly SampleRecord[]): number {
  if (!records.length) return 0;
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let mode = 1;
  let modeRows = 0;
  for (const [fields, rows] of counts) if (rows > modeRows || (rows === modeRows && fields > mode)) [mode, modeRows] = [fields, rows];
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
 * Whenever the evidence is missing (a single record, no typed column, as in all-text exports, or
 * only empty first cells in typed columns) the first row is taken as a header, as before.
 * Known blind spot: a header made only of numbers or dates above typed columns (years as column
 * names over numeric cells, with no text-named typed column) is read as data.
 */
export function detectHeader(records: readonly SampleRecord[], delimiter: string): boolean {
  if (records.length < 2) return true;
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
const dateRe = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const booleanRe = /^(true|false)$/i;

function cellKind(cell: string, delimiter: string): CellKind {
  const v = cell.trim();
  if (!v) return "empty";
  if (numberRe.test(v) || (delimiter !== "," && commaNumberRe.test(v))) return "number";
  if (dateRe.test(v)) return "date";
  if (booleanRe.test(v)) return "boolean";
  return "text";
}
