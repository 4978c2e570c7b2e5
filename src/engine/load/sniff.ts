// Dialect sniffing on a decoded sample: the delimiter (, ; tab |), a decimal comma in `;` files,
// and rows whose field count differs from the header (DuckDB pads them; the user is told).
import { splitRecords, type SampleRecord } from "./records";

/** What the sample says about the CSV dialect. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly decimalComma: boolean;
  /** The header as written (before DuckDB renames duplicates and blanks). */
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
