// A table from one staged CSV: read_csv with the fast options first and slower ones only when DuckDB
// asks for them, then the day/month order its dates were read in and the warnings about it.
import type { DateOrder } from "../engine";
import type { Exec } from "../profile";
import type { LoadBackend } from "./backend";
import { readCsvSql, retryFix, type CsvRetry } from "./csv-sql";
import {
  ambiguousDateWarnings,
  forceOrder,
  mayReadBothWays,
  orderOf,
  sniffDateFormats,
  type DateFormats,
} from "./date-order";
import type { LoadPlan } from "./plan";
import { quoteIdent } from "./sql";
import { timed } from "./timing";

/** The day/month order a CSV's dates were read in, when chosen or undecided, and the warnings about it. */
export interface DateOrderFound {
  readonly order?: DateOrder;
  readonly warnings: string[];
}

/** Creates `table` from the CSV at `path` and says in which day/month order its dates were read. */
export async function createFromCsv(
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
  const retry = await createCsvTable(backend.exec, table, (r) => read(r, dates));
  if (dates) return forcedOrder(dates);
  // Where every date column has a day above 12, no date reads both ways: no second sniff is needed.
  if (!(await timed("dates", () => mayReadBothWays(backend.exec, table)).catch(() => true))) return { warnings: [] };
  const sniffed = await timed("dates", () => sniffDateFormats(backend.exec, read(retry))).catch(() => undefined);
  return guessedOrder(backend.exec, table, sniffed);
}

/** `CREATE OR REPLACE TABLE` over `read(retry)`, retried as DuckDB's errors ask; returns the options used. */
export async function createCsvTable(exec: Exec, table: string, read: (retry: CsvRetry) => string): Promise<CsvRetry> {
  // The fast options first; slower ones only when DuckDB says the file needs them.
  let retry: CsvRetry | undefined = {};
  for (;;) {
    try {
      const sql = `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM ${read(retry)}`;
      await timed("read_csv", () => exec(sql));
      return retry;
    } catch (e) {
      retry = retryFix(e instanceof Error ? e.message : String(e), retry);
      if (!retry) throw e;
    }
  }
}

/** The order a chosen order's `forced` formats read dates in. */
export function forcedOrder(forced: DateFormats): DateOrderFound {
  const order = orderOf(forced.date) ?? orderOf(forced.timestamp);
  return order ? { order, warnings: [] } : { warnings: [] };
}

/** DuckDB's guess (the `sniffed` formats) told, not changed: a warning per column whose every date reads both ways. */
export async function guessedOrder(exec: Exec, table: string, sniffed?: DateFormats): Promise<DateOrderFound> {
  if (!sniffed || !(sniffed.date || sniffed.timestamp)) return { warnings: [] };
  const warnings = await timed("dates", () => ambiguousDateWarnings(exec, table, sniffed)).catch(() => []);
  const order = orderOf(sniffed.date) ?? orderOf(sniffed.timestamp);
  return warnings.length && order ? { order, warnings } : { warnings };
}
