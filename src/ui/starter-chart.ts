// The spec a new chart cell starts with: something that draws from the columns of the result it reads,
// so the "Chart" button never starts with an empty field Vega-Lite refuses.
import type { ColumnInfo } from "../table/result";

/** A Vega-Lite spec over `columns`: a count by the first text column, else a histogram, else a monthly count. */
export function starterChart(columns: readonly Pick<ColumnInfo, "name" | "kind">[]): string {
  const text = columns.find((c) => c.kind === "string" || c.kind === "boolean");
  const number = columns.find((c) => c.kind === "number");
  const date = columns.find((c) => c.kind === "date" || c.kind === "timestamp");
  let x: Record<string, unknown> | undefined;
  if (text) x = { field: text.name, type: "nominal" };
  else if (number) x = { field: number.name, bin: true };
  else if (date) x = { field: date.name, timeUnit: "yearmonth" };
  const mark = date && !text && !number ? "line" : "bar";
  // Without a column known yet (the data cell has not run), one bar: the count of rows.
  const encoding = { ...(x ? { x } : {}), y: { aggregate: "count" } };
  return JSON.stringify({ mark, encoding }, null, 2);
}
