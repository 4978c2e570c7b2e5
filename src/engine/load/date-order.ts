// Day/month order of slash, dot or dash dates in a CSV: the formats DuckDB's sniffer picked, the
// formats a chosen order forces, and a warning for each column whose every date reads both ways.
import { ambiguousDates } from "../../messages/engine";
import type { DateOrder } from "../engine";
import type { Exec } from "../profile";
import { quoteIdent, quoteString } from "./sql";

/** DuckDB's `dateformat` and `timestampformat` for a CSV (absent: ISO or no dates). */
export interface DateFormats {
  readonly date?: string;
  readonly timestamp?: string;
}

/** The formats DuckDB's sniffer picks for the `read_csv(...)` call `readSql`. */
export async function sniffDateFormats(exec: Exec, readSql: string): Promise<DateFormats> {
  const sniff = readSql.replace(/^read_csv\(/, "sniff_csv(");
  const row = (await exec(`SELECT DateFormat AS d, TimestampFormat AS t FROM ${sniff}`)).rows()[0] ?? {};
  return {
    ...(typeof row.d === "string" && row.d ? { date: row.d } : {}),
    ...(typeof row.t === "string" && row.t ? { timestamp: row.t } : {}),
  };
}

const dayMonth = /^(%-?)([dm])(\D+%-?)([dm])/;

/** The order of a format that starts with day and month (`%d/%m/%Y`), else undefined. */
export function orderOf(format: string | undefined): DateOrder | undefined {
  const m = format ? dayMonth.exec(format) : null;
  return m && m[2] !== m[4] ? (m[2] === "d" ? "dmy" : "mdy") : undefined;
}

const reorder = (format: string | undefined, order: DateOrder) =>
  format && orderOf(format) && orderOf(format) !== order ? format.replace(dayMonth, "$1$4$3$2") : format;

/** The sniffed formats with day and month put in `order` (year-first and ISO formats unchanged). */
export function forceOrder(formats: DateFormats, order: DateOrder): DateFormats {
  const date = reorder(formats.date, order);
  const timestamp = reorder(formats.timestamp, order);
  return { ...(date ? { date } : {}), ...(timestamp ? { timestamp } : {}) };
}

const isDateType = (type: string) => type === "DATE" || /^TIMESTAMP/.test(type);

/**
 * Whether some DATE/TIMESTAMP column of `table` has no day above 12: only such a column can read both
 * ways (see `ambiguousDateWarnings`), so only then are DuckDB's formats worth sniffing again. One pass
 * over the date columns; true when it cannot tell.
 */
export async function mayReadBothWays(exec: Exec, table: string): Promise<boolean> {
  const columns = (await exec(`DESCRIBE ${quoteIdent(table)}`, { quick: true }))
    .rows()
    .filter((c) => isDateType(String(c.column_type)));
  if (!columns.length) return false;
  const low = columns.map((c) => `max(day(${quoteIdent(String(c.column_name))})) <= 12`).join(" OR ");
  const [row] = (
    await exec(`SELECT coalesce(${low}, false) AS low FROM ${quoteIdent(table)}`).catch(() => undefined)
  )?.rows() ?? [{ low: true }];
  return row?.low !== false;
}

/** Warnings for the DATE/TIMESTAMP columns of `table` read in a day/month order no value decides. */
export async function ambiguousDateWarnings(exec: Exec, table: string, formats: DateFormats): Promise<string[]> {
  const warnings: string[] = [];
  const columns = (await exec(`DESCRIBE ${quoteIdent(table)}`, { quick: true })).rows();
  for (const { column_name: name, column_type: type } of columns) {
    const format = !isDateType(String(type)) ? undefined : String(type) === "DATE" ? formats.date : formats.timestamp;
    const order = orderOf(format);
    if (!order) continue;
    const c = quoteIdent(String(name));
    // Read in `order`, every month is at most 12; when every day is too, each value reads both ways.
    const [row] = (
      await exec(
        `SELECT top, strftime(x, ${quoteString(format!)}) AS written, strftime(x, '%Y-%m-%d') AS read,
           strftime(make_date(year(x), day(x), month(x)), '%Y-%m-%d') AS other
         FROM (SELECT max(day(${c})) AS top, min(${c}) FILTER (WHERE day(${c}) <> month(${c}) AND day(${c}) <= 12) AS x
               FROM ${quoteIdent(table)})`,
      )
    ).rows();
    if (row && row.written && Number(row.top) <= 12) {
      warnings.push(ambiguousDates(String(name), order, String(row.written), String(row.read), String(row.other)));
    }
  }
  return warnings;
}
