// The read_csv call for a planned file: every option explicit, because DuckDB's defaults read
// ragged rows as one column, decimal commas as text and long fields as errors.
import type { DateFormats } from "./date-order";
import type { CsvDialect } from "./sniff";
import { quoteString } from "./sql";

/** Options added when DuckDB refuses the first attempt (see `retryFix`). */
export interface CsvRetry {
  /** Scan the whole file for column types (a type change after the sampled rows). */
  readonly fullSample?: boolean;
  /** Read on one thread (DuckDB's parallel reader cannot pad rows when quoted fields hold newlines). */
  readonly serial?: boolean;
  /** Room for lines over DuckDB's usual 2 MB (a field of tens of megabytes). */
  readonly longLines?: boolean;
}

/** `read_csv(...)` for `path` with every option explicit. */
export function readCsvSql(
  path: string,
  dialect: CsvDialect,
  encoding: "utf-8" | "utf-16",
  size: number,
  retry: CsvRetry = {},
  dates: DateFormats = {},
  columns?: readonly { readonly name: string; readonly type: string }[],
): string {
  // First DuckDB's usual 2 MB lines in 4 MB buffers: the file is then read a few megabytes at a
  // time, which is what the browser's load progress counts. Longer lines get room for a field of
  // tens of megabytes, never more than the file needs. DuckDB sizes its read buffer at
  // 16 x max_line_size unless told (4 GiB at 256 MB: out of memory in wasm), so the buffer is set
  // too, just above the line limit and at least DuckDB's usual 32 MB.
  const maxLine = retry.longLines ? Math.max(2 << 20, Math.min(size + 1024, 32 << 20)) : 2 << 20;
  const buffer = retry.longLines ? Math.max(32 << 20, maxLine * 2) : 4 << 20;
  const options = [
    `delim=${quoteString(dialect.delimiter)}`,
    `header=${dialect.hasHeader}`,
    // Single quotes are said; DuckDB sniffs the escape of double-quoted files itself.
    dialect.quote !== '"' ? `quote=${quoteString(dialect.quote)}` : "",
    dialect.quote !== '"' || dialect.escape ? `escape=${quoteString(dialect.escape ?? dialect.quote)}` : "",
    dialect.comment ? `comment=${quoteString(dialect.comment)}` : "",
    dialect.skip > 0 ? `skip=${dialect.skip}` : "",
    "null_padding=true",
    `max_line_size=${maxLine}`,
    `buffer_size=${buffer}`,
    `encoding=${quoteString(encoding)}`,
    retry.fullSample ? "sample_size=-1" : "",
    retry.serial ? "parallel=false" : "",
    dialect.decimalComma ? "decimal_separator=','" : "",
    dates.date ? `dateformat=${quoteString(dates.date)}` : "",
    dates.timestamp ? `timestampformat=${quoteString(dates.timestamp)}` : "",
    // A later piece of a file read in pieces: the first piece's columns, not sniffed again.
    columns ? `columns={${columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(", ")}}` : "",
  ].filter(Boolean);
  return `read_csv(${quoteString(path)}, ${options.join(", ")})`;
}

/** The option that fixes a DuckDB read_csv error, or undefined when retrying would not help. */
export function retryFix(message: string, tried: CsvRetry): CsvRetry | undefined {
  // First: DuckDB's line-size error also lists the options it ran with, sample_size among them.
  if (!tried.longLines && /Maximum line size/i.test(message)) return { ...tried, longLines: true };
  if (!tried.serial && /parallel=false/.test(message)) return { ...tried, serial: true };
  if (!tried.fullSample && /Conversion Error|Could not convert|sample_size/i.test(message))
    return { ...tried, fullSample: true };
  return undefined;
}
