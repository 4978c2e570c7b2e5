// Reading the date role as client exports write it: one SQL expression for every recipe (ISO, YYYYMMDD integers or
// text, 2016/8/1 11:05, 2024年1月5日, dd.mm.yyyy, Excel serial numbers, Unix seconds or milliseconds, and
// d/m/y or m/d/y once the order is known), and a detector that tells from sample values which form a column has.
import { DATE_FORMS_TEXT } from "../messages/recipes/dates";
import { quoteIdent } from "./sql";

/** The order of day and month in `03/04/2024`: day first, month first, or not known (such values stay unread). */
export type SlashOrder = "dmy" | "mdy" | null;

/** Text forms tried after ISO, in order (DuckDB's strptime accepts 1-digit months and days). */
const TEXT_FORMATS = [
  "%Y/%m/%d %H:%M:%S",
  "%Y/%m/%d %H:%M",
  "%Y/%m/%d",
  "%d.%m.%Y %H:%M",
  "%d.%m.%Y",
  "%Y年%m月%d日 %H:%M",
  "%Y年%m月%d日",
  "%Y.%m.%d",
];

/** DuckDB's names of the types a DATE is read from directly. */
const TEMPORAL_TYPES = ["DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP WITH TIME ZONE"]
  .map((t) => `'${t}'`)
  .join(", ");

/**
 * A DATE from a column of any type: numbers and text are read through their text (`17850.0` as `17850`);
 * 8 digits are YYYYMMDD, 5 digits an Excel serial day (1900 system), 9-10 digits Unix seconds, 12-13 Unix
 * milliseconds; slash dates with a 4-digit year only in the given order. Anything else is NULL (and counted).
 */
export function dateSql(column: string, order: SlashOrder = null): string {
  const col = quoteIdent(column);
  const s = `regexp_replace(trim(CAST(${col} AS VARCHAR)), '^(\\d+)\\.0+$', '\\1')`;
  const slash = order
    ? [
        `CAST(try_strptime(${s}, '${order === "dmy" ? "%d/%m/%Y" : "%m/%d/%Y"}') AS DATE)`,
        `CAST(try_strptime(${s}, '${order === "dmy" ? "%d/%m/%Y %H:%M" : "%m/%d/%Y %H:%M"}') AS DATE)`,
      ]
    : [];
  // A column already typed as a date or timestamp skips the text forms (its text never matches them): on 1M rows
  // the regular expressions cost seconds, and DuckDB folds typeof() to a constant.
  return `CASE
    WHEN typeof(${col}) IN (${TEMPORAL_TYPES}) THEN TRY_CAST(${col} AS DATE)
    WHEN ${s} ~ '^[0-9]{8}$' THEN CAST(try_strptime(${s}, '%Y%m%d') AS DATE)
    WHEN ${s} ~ '^[0-9]{5}(\\.[0-9]+)?$' THEN DATE '1899-12-30' + CAST(floor(CAST(${s} AS DOUBLE)) AS INTEGER)
    WHEN ${s} ~ '^[0-9]{9,10}$' THEN CAST(epoch_ms(CAST(${s} AS BIGINT) * 1000) AS DATE)
    WHEN ${s} ~ '^[0-9]{12,13}$' THEN CAST(epoch_ms(CAST(${s} AS BIGINT)) AS DATE)
    ELSE COALESCE(TRY_CAST(${col} AS DATE), TRY_CAST(${s} AS DATE), ${[...TEXT_FORMATS.map((f) => `CAST(try_strptime(${s}, '${f}') AS DATE)`), ...slash].join(", ")})
  END`;
}

/** What the detector found in a column's values: the form, whether d/m and m/d cannot be told apart, unreadable examples. */
export interface DateFormatFound {
  readonly format: string;
  readonly ambiguous: boolean;
  readonly order: SlashOrder;
  readonly unreadable: readonly string[];
  readonly unreadableShare: number;
}

/** The forms by pattern (shown as written) or by the key of their name in DATE_FORMS_TEXT. */
const FORMS: readonly [string, RegExp][] = [
  ["YYYY-MM-DD", /^\d{4}-\d{1,2}-\d{1,2}([ T].*)?$/],
  ["YYYYMMDD", /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\.0+)?$/],
  ["YYYY/M/D", /^\d{4}\/\d{1,2}\/\d{1,2}( .*)?$/],
  ["YYYY年M月D日", /^\d{4}年\d{1,2}月\d{1,2}日/],
  ["DD.MM.YYYY", /^\d{1,2}\.\d{1,2}\.\d{4}( .*)?$/],
  ["excelSerial", /^\d{5}(\.\d+)?$/],
  ["unixSeconds", /^\d{9,10}$/],
  ["unixMilliseconds", /^\d{12,13}$/],
];
const SLASH = /^(\d{1,2})\/(\d{1,2})\/\d{4}( .*)?$/;

/** Detects the date form of sample values (blanks ignored); d/m/y vs m/d/y is decided by a part above 12, or ambiguous. */
export function detectDateFormat(values: readonly string[]): DateFormatFound {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const counts = new Map<string, number>();
  const unreadable: string[] = [];
  let [dayFirst, monthFirst, slashes] = [false, false, 0];
  for (const v of filled) {
    const slash = SLASH.exec(v);
    const form = slash ? "slash" : FORMS.find(([, re]) => re.test(v))?.[0];
    if (!form) {
      unreadable.push(v);
      continue;
    }
    if (slash) {
      slashes++;
      if (+slash[1] > 12) dayFirst = true;
      if (+slash[2] > 12) monthFirst = true;
    }
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "unknown";
  const ambiguous = best === "slash" && dayFirst === monthFirst;
  const order: SlashOrder = best === "slash" && !ambiguous ? (dayFirst ? "dmy" : "mdy") : null;
  const names: Readonly<Record<string, string>> = DATE_FORMS_TEXT;
  const format =
    best !== "slash"
      ? best in names
        ? names[best]
        : best
      : ambiguous
        ? slashes && dayFirst
          ? names.mixedSlash
          : names.eitherSlash
        : order === "dmy"
          ? "DD/MM/YYYY"
          : "MM/DD/YYYY";
  return {
    format,
    ambiguous,
    order,
    unreadable: [...new Set(unreadable)].slice(0, 5),
    unreadableShare: filled.length ? unreadable.length / filled.length : 0,
  };
}
