// The one load procedure both engines follow: plan from a sample, stage the bytes where DuckDB can
// read them (as-is or transcoded to UTF-8), create the table, profile it, collect warnings.
import { badParquet, fileTooBig, loadFailed, moneyColumns, parquetCutShort } from "../../messages/engine";
import type { FileSource, LoadOptions, LoadReport } from "../engine";
import { toEngineError } from "../errors";
import { profileTables } from "../profile";
import type { LoadBackend } from "./backend";
import { createFromPieces } from "./csv-pieces";
import { createFromCsv, type DateOrderFound } from "./csv-table";
import { checkFit, memoryFree, pieceSize } from "./fit";
import { plannedLoad } from "./plan-ahead";
import { typeMoneyColumns } from "./money";
import { recordPieces } from "./pieces";
import { loadWarnings } from "./report";
import { quoteIdent, quoteString } from "./sql";
import { timed } from "./timing";
import { byteChunks, utf8Chunks } from "./transcode";

export type { LoadBackend, Staged } from "./backend";

// The Parquet reader's (hyparquet's, DuckDB's) common complaint in the user's words, its own text kept after it.
const parquetReason = (raw: string) =>
  /footer != PAR1|file is too short|metadata length \d+ exceeds|No magic bytes found/.test(raw)
    ? parquetCutShort(raw)
    : raw;

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
  const plan = await timed("plan", () => plannedLoad(source, options));
  // Only the first megabyte has been read: a file that will not fit is refused before the rest is.
  const transcoded = plan.format === "csv" && !plan.duckdbEncoding;
  const use = await timed("fit", () => backend.memory());
  // Where the engine would copy the whole text into its memory, a big CSV goes in pieces instead.
  const piece =
    plan.format === "csv" && (transcoded || backend.copiesFiles)
      ? pieceSize(source.size, memoryFree(use, options.memoryLimit), backend.pieceBytes)
      : undefined;
  const tooBig = checkFit(
    source.size,
    { format: plan.format, transcoded, copied: backend.copiesFiles, piece },
    use,
    options.memoryLimit,
  );
  if (tooBig) throw new Error(fileTooBig(source.name, plan.format, source.size, tooBig.needs, tooBig.free));
  if (plan.format === "parquet") {
    try {
      await timed("parquet", () => backend.loadParquet(source, table, options.onProgress));
    } catch (e) {
      throw new Error(badParquet(source.name, parquetReason(firstParagraph(e))), { cause: e });
    }
  } else if (plan.format === "jsonl") {
    try {
      await backend.loadJsonLines(source, plan, table);
    } catch (e) {
      throw new Error(loadFailed(source.name, firstParagraph(e)), { cause: e });
    }
  } else if (piece) {
    // Text is reported as it is read: DuckDB is at most one piece behind.
    const text =
      plan.encoding === "utf-8"
        ? byteChunks(source, plan.bom, (n) => progress(n))
        : utf8Chunks(source, plan.encoding!, plan.bom, (n) => progress(n));
    const { quote, escape, comment } = plan.dialect!;
    const pieces = recordPieces(text, piece, { quote, escape: escape ?? quote, comment });
    try {
      dates = await createFromPieces(backend, pieces, plan, table, options.dateOrder);
      money = await timed("money", () => typeMoneyColumns(backend.exec, table));
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

/** `CREATE TABLE` from a JSON-lines file for engines with DuckDB's JSON reader. */
export const jsonLinesSql = (path: string, table: string) =>
  `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_json(${quoteString(path)}, format='auto')`;
