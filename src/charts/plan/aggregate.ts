// Vega's aggregate operations as DuckDB aggregates: same results (nulls, empty groups), same output names.
import { chartMessages as m } from "../../messages/charts";
import { ident } from "./sql";
import { ChartPlanError, NotPushable, type Column } from "./types";

// As in Vega: count counts every row, valid the non-null ones, distinct counts null too; sum of no values is null.
const SQL: Record<string, (x: string) => string> = {
  count: () => "count(*)",
  valid: (x) => `count(${x})`,
  missing: (x) => `count(*) - count(${x})`,
  distinct: (x) => `count(DISTINCT ${x}) + max(CASE WHEN ${x} IS NULL THEN 1 ELSE 0 END)`,
  sum: (x) => `sum(${x})`,
  mean: (x) => `avg(${x})`,
  average: (x) => `avg(${x})`,
  median: (x) => `quantile_cont(${x}, 0.5)`,
  q1: (x) => `quantile_cont(${x}, 0.25)`,
  q3: (x) => `quantile_cont(${x}, 0.75)`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
  stdev: (x) => `stddev_samp(${x})`,
  stdevp: (x) => `stddev_pop(${x})`,
  variance: (x) => `var_samp(${x})`,
  variancep: (x) => `var_pop(${x})`,
};

// What works on text (and booleans): counting.
const COUNTING = new Set(["count", "valid", "missing", "distinct"]);

/** The aggregate operations the planner pushes into SQL. */
export const AGGREGATES: readonly string[] = Object.keys(SQL);

/** The DuckDB expression for Vega aggregate `op` over `column` (none for count); checks the column's kind. */
export function aggregateSql(op: string, column: Column | undefined): string {
  const sql = SQL[op];
  if (!sql) throw new NotPushable(m.rawEncoding(`aggregate ${op}`));
  if (!column) return sql("NULL");
  const orderable = column.kind === "date" || column.kind === "timestamp";
  if (!COUNTING.has(op) && column.kind !== "number" && !(orderable && (op === "min" || op === "max"))) {
    throw new ChartPlanError(m.textAggregate(op, column.name, column.type));
  }
  return sql(ident(column.name));
}

/** The column Vega-Lite names an aggregate's output (`__count`, `sum_amount`). */
export const aggregateName = (op: string, field: string | undefined) =>
  op === "count" ? "__count" : `${op}_${field ?? ""}`;

/** The axis title Vega-Lite gives an aggregate (`Count of Records`, `Sum of amount`), in the UI's language. */
export const aggregateTitle = (op: string, field: string | undefined) =>
  op === "count" ? m.countTitle : m.aggregateTitle(op, field ?? "");

/** The kind of an aggregate's output: min and max keep the column's kind, the rest are numbers. */
export const aggregateKind = (op: string, column: Column | undefined): Column["kind"] =>
  (op === "min" || op === "max") && column ? column.kind : "number";
