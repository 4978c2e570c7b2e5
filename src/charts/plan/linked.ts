// Filters by another chart's selection (`transform: [{ filter: { param: "brush" } }]` over the same result) in SQL:
// the rows Vega-Lite's selection test keeps, from the value `${brush}` binds and the field the selection is on.
import { chartMessages as m } from "../../messages/charts";
import { ALL_BOUNDS } from "../selection";
import { resolveField, isTemporal } from "./fields";
import { ident, type Params } from "./sql";
import { ChartPlanError, type Column, type LinkedSelection } from "./types";

export type { LinkedSelection } from "./types";

// Time units a selection snaps to whole units of (charts/selection.ts), as DuckDB's date_trunc names them.
const WHOLE: Record<string, string> = {
  year: "year",
  yearquarter: "quarter",
  yearmonth: "month",
  yearmonthdate: "day",
};

/** The `param` of a `{ filter: { param } }` transform, or undefined for any other transform. */
export function linkedParam(transform: unknown): { name: string; empty: boolean } | undefined {
  const filter = (transform as { filter?: unknown } | null)?.filter as Record<string, unknown> | undefined;
  if (typeof filter !== "object" || filter === null || typeof filter.param !== "string") return undefined;
  return { name: filter.param, empty: filter.empty !== false };
}

/** True when the selection holds nothing (a cleared brush, no click): Vega-Lite's "empty" selection. */
export function isEmptySelection(s: LinkedSelection): boolean {
  if (s.type === "point") return s.value.length === 0;
  return s.value.length !== 2 || (s.value[0] === ALL_BOUNDS[0] && s.value[1] === ALL_BOUNDS[1]);
}

/** The column a selection filters and, for whole time units, the date_trunc unit it is keyed by. */
export function selectionKey(name: string, s: LinkedSelection, columns: readonly Column[]) {
  const column = resolveField(s.field, columns);
  const unit = (s.timeUnit ?? "").replace(/^utc/, "");
  if (unit && !isTemporal(column)) throw new ChartPlanError(m.timeUnitNotDate(unit, column.name, column.type));
  if (unit && !WHOLE[unit]) throw new ChartPlanError(m.linkedTimeUnit(name, unit));
  const x = ident(column.name);
  // Dates as unit starts: the value Vega-Lite tests a time-unit selection against.
  const key = unit ? `CAST(date_trunc('${WHOLE[unit]}', ${x}) AS DATE)` : x;
  return { column, key, whole: Boolean(unit) };
}

/**
 * The SQL condition keeping the rows a non-empty selection selects: over the column itself, or (`keyed`) over
 * `key`, a pre-aggregate's column holding `selectionKey`'s key.
 */
export function selectionSql(
  s: LinkedSelection,
  key: string,
  column: Column,
  whole: boolean,
  params: Params,
  keyed = false,
): string {
  const temporal = isTemporal(column);
  const cast = whole ? "DATE" : temporal ? "TIMESTAMP" : column.kind === "number" ? "DOUBLE" : "";
  const bind = (v: unknown) => (cast ? `CAST(${params.bind(v as string)} AS ${cast})` : params.bind(v as string));
  if (s.type === "interval") {
    const [from, to] = [bind(s.value[0]), bind(s.value[1])];
    // From the first unit's first day to the day after the last unit: no date_trunc on the rows (DuckDB 1.4
    // keeps a row of `date_trunc(...) BETWEEN a AND b` when a > b), and the column's zone maps still serve.
    if (whole && !keyed) return `${ident(column.name)} >= ${from} AND ${ident(column.name)} < ${to} + INTERVAL 1 DAY`;
    // Vega compares numbers with JavaScript, where null counts as 0.
    const x = column.kind === "number" ? `coalesce(${key}, 0)` : key;
    return `${x} >= ${from} AND ${x} <= ${to}`;
  }
  const values = s.value.filter((v) => v !== null);
  const parts = values.length ? [`${key} IN (${values.map(bind).join(", ")})`] : [];
  if (values.length < s.value.length) parts.push(`${key} IS NULL`);
  return parts.length ? parts.join(" OR ") : "FALSE";
}

/** The WHERE condition of `{ filter: { param: name, empty } }` over `columns`, given the selection's value. */
export function linkedFilterSql(
  name: string,
  empty: boolean,
  s: LinkedSelection,
  columns: readonly Column[],
  params: Params,
): string {
  const { column, key, whole } = selectionKey(name, s, columns);
  if (isEmptySelection(s)) return empty ? "TRUE" : "FALSE";
  if (s.type === "interval" && !(column.kind === "number" || isTemporal(column))) {
    throw new ChartPlanError(m.linkedIntervalType(name, column.name, column.type));
  }
  return selectionSql(s, key, column, whole, params);
}
