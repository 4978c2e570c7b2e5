// Every message the engine shows a user: load failures, load warnings, cancelled and closed queries.
// Load errors name the file; warnings are one sentence each and name the columns or lines concerned.
import { LOAD_LEADS } from "./load-lead";
import { formatBytes, localizedFunctions, plural } from "./locale";

const en = {
  /** The file has no bytes (or only a byte-order mark). */
  emptyFile: (file: string) => `${file}: empty file, there is nothing to load.`,

  /** The file is binary although its name says text. */
  notTextFile: (file: string) =>
    `${file}: not a text file. It looks like binary data; save it as CSV, Parquet or JSON lines and try again.`,

  /** The extension is not one we can load. */
  unsupportedFormat: (file: string) =>
    `${file}: unsupported file type. Load CSV/TSV (.csv, .tsv, .txt), Parquet (.parquet) or JSON lines (.jsonl, .ndjson).`,

  /** A Parquet file that is cut short or otherwise unreadable. */
  badParquet: (file: string, reason: string) =>
    `${file}: not a readable Parquet file (truncated or damaged): ${reason}`,

  /** A file whose load would need more memory than is free: refused before it is read, with what helps. */
  fileTooBig: (file: string, format: "csv" | "parquet" | "jsonl", size: number, needs: number, free: number) =>
    `${file} (${formatBytes(size)}) was not loaded: it would need about ${formatBytes(needs)} of memory and ` +
    `${formatBytes(free)} is free here. Nothing was read and your tables are as they were. To load it, remove ` +
    `tables you no longer need, or save a copy with fewer columns or rows` +
    `${format === "parquet" ? "" : " (as Parquet it also loads faster)"}, or run the notebook on this ` +
    `computer with the command line, which can use all its memory: npm run notebook -- run <notebook.md> ` +
    `--data <table>=<file>.`,

  /** An encoding label the browser does not know. */
  unknownEncoding: (label: string) => `Unknown text encoding "${label}".`,

  /** A quote is opened and never closed, so the rest of the file would be one value. */
  unclosedQuote: (file: string, line: number) =>
    `${file}: the quote opened on line ${line} is never closed, so everything after it would be one value. ` +
    "Close the quote and load the file again.",

  /** DuckDB refused the file; its own message follows. */
  loadFailed: (file: string, reason: string) => `${file}: ${LOAD_LEADS.en}: ${reason}`,

  /** A JSON-lines file with a line that is not JSON (the load error names the file). */
  badJsonLine: (line: number, reason: string) => `line ${line} is not valid JSON (${reason}).`,

  /** Header cells with the same name were renamed by DuckDB. */
  duplicateColumn: (name: string, renamed: string) =>
    `Column "${name}" appears more than once; the repeat is named "${renamed}".`,

  /** A header cell was blank and DuckDB made up a name. */
  blankColumn: (position: number, renamed: string) =>
    `Column ${position} has no name in the header; it is named "${renamed}".`,

  /** Rows with fewer fields than the header were padded with empty values. */
  shortRows: (count: number, lines: readonly number[], expected: number) =>
    `${count} row${plural(count, "", "s")} had fewer than ${expected} fields and ${plural(count, "was", "were")} padded with empty values (line${plural(lines.length, "", "s")} ${lines.join(", ")}${count > lines.length ? ", ..." : ""}).`,

  /** Rows with more fields than the header produced extra, generated columns. */
  longRows: (columns: readonly string[]) =>
    `Some rows have more fields than the header; the extra values are in column${plural(columns.length, "", "s")} ${columns.map((c) => `"${c}"`).join(", ")}.`,

  /** The first row looked like data, so it was kept as a row and DuckDB named the columns. */
  noHeader: (file: string, columns: readonly string[]) =>
    `${file}: no header row found; columns are named ${columns.slice(0, 2).join(", ")}${columns.length > 2 ? ", …" : ""}`,

  /** Lines above the table (a title, notes) were skipped; `first` is the first of them that held text. */
  skippedLines: (count: number, first: string) =>
    `The first ${plural(count, "line was", `${count} lines were`)} skipped as a title or notes above the table ` +
    `("${first.length > 60 ? `${first.slice(0, 60)}…` : first}").`,

  /** Comment lines starting with # were left out. */
  commentLines: () => `Lines starting with # were read as comments and left out.`,

  /** The file was decoded from a legacy encoding. */
  decodedFrom: (encoding: string) => `Decoded from ${encoding}; change the encoding if the text looks wrong.`,

  /** Every date of a column reads as day/month and as month/day; `order` is the one DuckDB assumed. */
  ambiguousDates: (column: string, order: "dmy" | "mdy", written: string, read: string, other: string) =>
    `Column "${column}": every date reads both day first and month first; it was read as ` +
    `${order === "dmy" ? "day/month/year" : "month/day/year"} ("${written}" became ${read}, ` +
    `${order === "dmy" ? "month first" : "day first"} it would be ${other}). ` +
    `If that is wrong, reload with dates ${order === "dmy" ? "month first (mdy)" : "day first (dmy)"}.`,

  /** Numbers used a decimal comma. */
  decimalComma: () => `Numbers use a decimal comma (1,5) and were read as decimals.`,

  /** Text columns of yuan amounts (`¥1,234.00`, `1,234.00元`) were read as numbers. */
  moneyColumns: (columns: readonly string[]) =>
    `Amounts written with ¥ or 元 and thousands separators were read as numbers: ` +
    `${columns.map((c) => `"${c}"`).join(", ")}.`,

  /** A query was cancelled by the user. */
  queryCancelled: () => `The query was cancelled.`,

  /** The engine was used after close(). */
  engineClosed: () => `The database has been closed.`,

  /** Notebook SQL tried a statement that writes, exports or imports files, or loads code. */
  statementRefused: (keyword: string) =>
    `${keyword.toUpperCase()} is not allowed here: notebook SQL cannot write, export or import files, attach ` +
    `databases or load extensions. Results stay in the app; use the download buttons to save them.`,

  /** Notebook SQL held more than one statement (DuckDB would run them all, unchecked). */
  oneStatement: () =>
    `Run one SQL statement at a time: this text holds several ` +
    `(a PIVOT without an IN list counts as two: list the values).`,

  /** A statement opening with a comment inside a comment (lexers disagree where such a comment ends). */
  nestedComment: () => `A comment inside a comment at the start of a statement is not allowed: remove the inner /*.`,

  /** Why a Parquet file is unreadable; `raw`: the reader's own text, when it said it. */
  parquetNoSignature: () => "it does not start with the Parquet signature PAR1: it is not a Parquet file",
  parquetCutShort: (raw?: string) =>
    `the file ends before its Parquet footer (PAR1): it was probably cut short${raw ? ` (${raw})` : ""}`,

  /** The worker that decodes Parquet files could not start or stopped. */
  parquetWorkerFailed: (detail: string) => `The Parquet reader stopped: ${detail || "its worker could not start"}.`,
};

/** The English engine messages' shape: the zh-CN catalogue is checked against it (zh-CN/catalogues.ts). */
export type EngineCatalogue = typeof en;

/** The engine's messages, each in the current locale (see `en` for what each one says). */
export const {
  emptyFile,
  notTextFile,
  unsupportedFormat,
  badParquet,
  fileTooBig,
  unknownEncoding,
  unclosedQuote,
  loadFailed,
  badJsonLine,
  duplicateColumn,
  blankColumn,
  shortRows,
  longRows,
  noHeader,
  skippedLines,
  commentLines,
  decodedFrom,
  decimalComma,
  moneyColumns,
  ambiguousDates,
  queryCancelled,
  engineClosed,
  statementRefused,
  oneStatement,
  nestedComment,
  parquetWorkerFailed,
  parquetNoSignature,
  parquetCutShort,
} = localizedFunctions(en, "engine");
