// Every message the engine shows a user: load failures, load warnings, cancelled and closed queries.
// Load errors name the file; warnings are one sentence each and name the columns or lines concerned.

/** The file has no bytes (or only a byte-order mark). */
export const emptyFile = (file: string) => `${file}: empty file, there is nothing to load.`;

/** The file is binary although its name says text. */
export const notTextFile = (file: string) =>
  `${file}: not a text file. It looks like binary data; save it as CSV, Parquet or JSON lines and try again.`;

/** The extension is not one we can load. */
export const unsupportedFormat = (file: string) =>
  `${file}: unsupported file type. Load CSV/TSV (.csv, .tsv, .txt), Parquet (.parquet) or JSON lines (.jsonl, .ndjson).`;

/** A Parquet file that is cut short or otherwise unreadable. */
export const badParquet = (file: string, reason: string) =>
  `${file}: not a readable Parquet file (truncated or damaged): ${reason}`;

/** An encoding label the browser does not know. */
export const unknownEncoding = (label: string) => `Unknown text encoding "${label}".`;

/** A quote is opened and never closed, so the rest of the file would be one value. */
export const unclosedQuote = (file: string, line: number) =>
  `${file}: the quote opened on line ${line} is never closed, so everything after it would be one value. ` +
  "Close the quote and load the file again.";

/** DuckDB refused the file; its own message follows. */
export const loadFailed = (file: string, reason: string) => `${file}: could not be loaded: ${reason}`;

/** A JSON-lines file with a line that is not JSON (the load error names the file). */
export const badJsonLine = (line: number, reason: string) => `line ${line} is not valid JSON (${reason}).`;

/** Header cells with the same name were renamed by DuckDB. */
export const duplicateColumn = (name: string, renamed: string) =>
  `Column "${name}" appears more than once; the repeat is named "${renamed}".`;

/** A header cell was blank and DuckDB made up a name. */
export const blankColumn = (position: number, renamed: string) =>
  `Column ${position} has no name in the header; it is named "${renamed}".`;

/** Rows with fewer fields than the header were padded with empty values. */
export const shortRows = (count: number, lines: readonly number[], expected: number) =>
  `${count} row${count === 1 ? "" : "s"} had fewer than ${expected} fields and ${count === 1 ? "was" : "were"} padded with empty values (line${lines.length === 1 ? "" : "s"} ${lines.join(", ")}${count > lines.length ? ", ..." : ""}).`;

/** Rows with more fields than the header produced extra, generated columns. */
export const longRows = (columns: readonly string[]) =>
  `Some rows have more fields than the header; the extra values are in column${columns.length === 1 ? "" : "s"} ${columns.map((c) => `"${c}"`).join(", ")}.`;

/** The first row looked like data, so it was kept as a row and DuckDB named the columns. */
export const noHeader = (file: string, columns: readonly string[]) =>
  `${file}: no header row found; columns are named ${columns.slice(0, 2).join(", ")}${columns.length > 2 ? ", …" : ""}`;

/** Lines above the table (a title, notes) were skipped; `first` is the first of them that held text. */
export const skippedLines = (count: number, first: string) =>
  `The first ${count === 1 ? "line was" : `${count} lines were`} skipped as a title or notes above the table ` +
  `("${first.length > 60 ? `${first.slice(0, 60)}…` : first}").`;

/** Comment lines starting with # were left out. */
export const commentLines = () => `Lines starting with # were read as comments and left out.`;

/** The file was decoded from a legacy encoding. */
export const decodedFrom = (encoding: string) =>
  `Decoded from ${encoding}; change the encoding if the text looks wrong.`;

/** Numbers used a decimal comma. */
export const decimalComma = () => `Numbers use a decimal comma (1,5) and were read as decimals.`;

/** A query was cancelled by the user. */
export const queryCancelled = () => `The query was cancelled.`;

/** The engine was used after close(). */
export const engineClosed = () => `The database has been closed.`;

/** Notebook SQL tried a statement that writes, exports or imports files, or loads code. */
export const statementRefused = (keyword: string) =>
  `${keyword.toUpperCase()} is not allowed here: notebook SQL cannot write, export or import files, attach ` +
  `databases or load extensions. Results stay in the app; use the download buttons to save them.`;

/** Notebook SQL held more than one statement (DuckDB would run them all, unchecked). */
export const oneStatement = () =>
  `Run one SQL statement at a time: this text holds several ` +
  `(a PIVOT without an IN list counts as two: list the values).`;

/** A statement opening with a comment inside a comment (lexers disagree where such a comment ends). */
export const nestedComment = () =>
  `A comment inside a comment at the start of a statement is not allowed: remove the inner /*.`;

/** The worker that decodes Parquet files could not start or stopped. */
export const parquetWorkerFailed = (detail: string) =>
  `The Parquet reader stopped: ${detail || "its worker could not start"}.`;
