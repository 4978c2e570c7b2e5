// Vega-Lite's `timeUnit` in SQL: rows are grouped by the same date parts Vega floors to, and each group
// carries its earliest time; the rewritten spec keeps the (UTC) time unit, so Vega floors that one value.
import { chartMessages as m } from "../../messages/charts";
import { ChartPlanError, NotPushable, type Column } from "./types";
import { isTemporal } from "./fields";
import { ident } from "./sql";

// Longest names first, so `dayofyear` is not read as `day`; week is Sunday-based (d3's %U), as in Vega.
const PARTS: readonly [string, (x: string) => string][] = [
  ["year", (x) => `year(${x})`],
  ["quarter", (x) => `quarter(${x})`],
  ["month", (x) => `month(${x})`],
  ["week", (x) => `strftime(${x}, '%U')`],
  ["dayofyear", (x) => `dayofyear(${x})`],
  ["date", (x) => `day(${x})`],
  ["day", (x) => `dayofweek(${x})`],
  ["hours", (x) => `hour(${x})`],
  ["minutes", (x) => `minute(${x})`],
  ["seconds", (x) => `second(${x})`],
  ["milliseconds", (x) => `millisecond(${x}) % 1000`],
];

/** The unit name of a `timeUnit` (a string or `{ unit }`), without a `utc` prefix. */
export function unitOf(timeUnit: unknown, channel: string): string {
  const unit = typeof timeUnit === "string" ? timeUnit : (timeUnit as { unit?: unknown } | null)?.unit;
  const extra =
    typeof timeUnit === "object" && timeUnit !== null && Object.keys(timeUnit).some((k) => k !== "unit" && k !== "utc");
  if (typeof unit !== "string" || extra) throw new NotPushable(m.rawEncoding(channel));
  return unit.replace(/^utc/, "");
}

/** The SQL expressions whose values together say which time-unit bucket a row falls in. */
export function timeUnitKeys(unit: string, column: Column, channel: string): string[] {
  if (!isTemporal(column)) throw new ChartPlanError(m.timeUnitNotDate(unit, column.name, column.type));
  let rest = unit;
  const keys: string[] = [];
  for (const [name, sql] of PARTS) {
    if (!rest.startsWith(name)) continue;
    keys.push(sql(ident(column.name)));
    rest = rest.slice(name.length);
  }
  // binned time units (binnedyearmonth...) and unknown names stay with Vega.
  if (rest !== "" || keys.length === 0) throw new NotPushable(m.rawEncoding(channel));
  return keys;
}
