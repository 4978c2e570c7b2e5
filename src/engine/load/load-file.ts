// The one load procedure both engines follow: plan from a sample, stage the bytes where DuckDB can
// read them (as-is or transcoded to UTF-8), create the table, profile it, collect warnings.
import { badParquet, fileTooBig, loadFailed, moneyColumns } from "../../messages/engine";
import type { DateOrder, FileSource, LoadOptions, LoadProgress, LoadReport, MemoryUse } from "../engine";
import { toEngineError } from "../errors";
import { profileTables, type Exec } from "../profile";
import { readCsvSql, retryFix, type CsvRetry } from "./csv-sql";
import { ambiguousDateWarnings, forceOrder, orderOf, sniffDateFormats, type DateFormats } from "./date-order";
import { checkFit } from "./fit";
import { planLoad, type LoadPlan } from "./plan";
import { typeMoneyColumns } from "./money";
import { loadWarnings } from "./report";
import { quoteIdent, quoteString } from "./sql";
import { timed } from "./timing";
import { utf8Chunks } from "./transcode";

/** A file made readable by DuckDB at `path`, removed again by `release`. */
export interface Staged {
  readonly path: string;
  release(): Promise<void>;
}

/** What an engine provides so the shared load procedure can run on it. */
export interface LoadBackend {
  readonly exec: Exec;
  /** DuckDB's memory in use and its limit, checked before a file is read. */
  memory(): Promise<MemoryUse>;
  /** Whether `stageFile` copies the whole file into the engine's memory (it counts against the budget). */
  readonly copiesFiles?: boolean;
  /** Makes the file's bytes readable at a path, without copying where the engine allows. */
  stageFile(source: FileSource, ext: string): Promise<Staged>;
  /** Makes a stream of UTF-8 bytes readable at a path. */
  stageUtf8(chunks: AsyncIterable<Uint8Array>, ext: string): Promise<Staged>;
  /** Creates `table` from a Parquet file. */
  loadParquet(source: FileSource, table: string, onProgress?: (p: LoadProgress) => void): Promise<void>;
  /** Creates `table` from a JSON-lines file (text in `plan.encoding`). */
  loadJsonLines(source: FileSource, plan: LoadPlan, table: string): Promise<void>;
  /** Reports how many bytes of the staged file at `path` have been read, until the returned function is called. */
  readonly watchProgress?: (path: string, listener: (bytesRead: number) => void) => () => void;
}

// DuckDB's CSV errors run to dozens of lines of options; the first paragraph says what went wrong.
const firstParagraph = (e: unknown) =>
  toEngineError(e, "")
    .message.split(/\n\s*\n/)[0]
    .trim();

/** Loads `source` into `table` through `backend` and reports what happened. */
export async function loadFile(
  backend: LoadBackend,
  source: FileSource,
  table: string,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const progress = (bytesRead: number, rows?: number) =>
    options.onProgress?.({ bytesRead, totalBytes: source.size, ...(rows === undefined ? {} : { rows }) });
  progress(0);
  let dates: DateOrderFound = { warnings: [] };
  let money: string[] = [];
  const plan = await timed("plan", () => planLoad(source, options));
  // Only the first megabyte has been read: a file that will not fit is refused before the rest is.
  const transcoded = plan.format === "csv" && !plan.duckdbEncoding;
  const use = await backend.memory();
  const tooBig = checkFit(
    source.size,
    { format: plan.format, transcoded, copied: backend.copiesFiles },
    use,
    options.memoryLimit,
  );
  if (tooBig) throw new Error(fileTooBig(source.name, plan.format, source.size, tooBig.needs, tooBig.free));
  if (plan.format === "parquet") {
    try {
      await timed("parquet", () => backend.loadParquet(source, table, options.onProgress));
    } catch (e) {
      throw new Error(badParquet(source.name, firstParagraph(e)), { cause: e });
    }
  } else if (plan.format === "jsonl") {
    try {
      await backend.loadJsonLines(source, plan, table);
    } catch (e) {
      throw new Error(loadFailed(source.name, firstParagraph(e)), { cause: e });
    }
  } else {
    const staged = await timed("stage", () =>
      plan.duckdbEncoding
        ? backend.stageFile(source, plan.ext)
        : backend.stageUtf8(
            utf8Chunks(source, plan.encoding!, plan.bom, (n) => progress(n)),
            "csv",
          ),
    );
    // Read as-is, the file's bytes are DuckDB's to report: its progress is a share of the file.
    // Transcoded text has already been reported while it was read.
    let last = 0;
    const unwatch =
      plan.duckdbEncoding && options.onProgress
        ? backend.watchProgress?.(staged.path, (read) => {
            const bytes = Math.min(read, source.size);
            if (bytes > last && bytes < source.size) progress((last = bytes));
          })
        : undefined;
    try {
      dates = await createFromCsv(backend, staged.path, plan, table, source.size, options.dateOrder);
      money = await timed("money", () => typeMoneyColumns(backend.exec, table));
    } catch (e) {
      throw new Error(loadFailed(source.name, firstParagraph(e)), { cause: e });
    } finally {
      unwatch?.();
      await staged.release();
    }
  }
  const [summary] = await timed("profile", () => profileTables(backend.exec, table));
  progress(source.size, summary.rows);
  return {
    table,
    file: source.name,
    format: plan.format,
    rows: summary.rows,
    columns: summary.columns,
    ...(plan.encoding ? { encoding: plan.encoding } : {}),
    ...(plan.dialect ? { delimiter: plan.dialect.delimiter } : {}),
    ...(dates.order ? { dateOrder: dates.order } : {}),
    warnings: [
      ...loadWarnings(
        plan,
        summary.columns.map((c) => c.name),
        source.name,
      ),
      ...dates.warnings,
      ...(money.length ? [moneyColumns(money)] : []),
    ],
  };
}

/** The day/month order a CSV's dates were read in, when chosen or undecided, and the warnings about it. */
interface DateOrderFound {
  readonly order?: DateOrder;
  readonly warnings: string[];
}

/** Creates `table` from the CSV at `path` and says in which day/month order its dates were read. */
async function createFromCsv(
  backend: LoadBackend,
  path: string,
  plan: LoadPlan,
  table: string,
  size: number,
  dateOrder?: DateOrder,
): Promise<DateOrderFound> {
  // Transcoded text is UTF-8; DuckDB reads BOM-marked UTF-16LE itself.
  const encoding = plan.duckdbEncoding ?? "utf-8";
  const read = (retry?: CsvRetry, dates?: DateFormats) => readCsvSql(path, plan.dialect!, encoding, size, retry, dates);
  // A chosen order rewrites the formats DuckDB sniffs, keeping their separators and year digits.
  const dates = dateOrder
    ? forceOrder(await timed("dates", () => sniffDateFormats(backend.exec, read())), dateOrder)
    : undefined;
  // The fast options first; slower ones only when DuckDB says the file needs them.
  let retry: CsvRetry | undefined = {};
  for (;;) {
    try {
      const sql = `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM ${read(retry, dates)}`;
      await timed("read_csv", () => backend.exec(sql));
      break;
    } catch (e) {
      retry = retryFix(e instanceof Error ? e.message : String(e), retry);
      if (!retry) throw e;
    }
  }
  if (dates) {
    const order = orderOf(dates.date) ?? orderOf(dates.timestamp);
    return order ? { order, warnings: [] } : { warnings: [] };
  }
  // DuckDB's guess is told, not changed: only when no value decides the order is there a warning.
  const sniffed = await timed("dates", () => sniffDateFormats(backend.exec, read(retry))).catch(() => undefined);
  if (!sniffed || !(sniffed.date || sniffed.timestamp)) return { warnings: [] };
  const warnings = await timed("dates", () => ambiguousDateWarnings(backend.exec, table, sniffed)).catch(() => []);
  const order = orderOf(sniffed.date) ?? orderOf(sniffed.timestamp);
  return warnings.length && order ? { order, warnings } : { warnings };
}

/** `CREATE TABLE` from a JSON-lines file for engines with DuckDB's JSON reader. */
export const jsonLinesSql = (path: string, table: string) =>
  `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_json(${quoteString(path)}, format='auto')`;
