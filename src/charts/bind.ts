// Binds a cell result to a Vega-Lite spec: inlines the rows as `data.values` and fills in the
// encoding types the author left out, from the column kinds. Pure: no Vega, no DOM.
import type { ColumnInfo, ResultTable, Value } from "../table/result";

/** The most rows inlined into a chart; beyond this a chart is slow and unreadable anyway. */
export const CHART_ROW_CAP = 5_000;

/** The most a chart cell's `cap=` attribute may raise its cap to: more marks than this stall the browser. */
export const MAX_CHART_ROW_CAP = 100_000;

/** A spec ready for the chart sandbox, with how many rows it carries out of how many there were. */
export interface BoundChart {
  readonly spec: Record<string, unknown>;
  readonly rows: number;
  readonly totalRows: number;
}

/** Returns a new spec with the table's rows inlined as `data.values` and missing encoding types filled in. */
export function bindChartData(
  spec: Record<string, unknown>,
  table: ResultTable,
  cap = CHART_ROW_CAP,
): Record<string, unknown> {
  return bindChart(spec, table, cap).spec;
}

/** Like `bindChartData`, also reporting how many rows were inlined (for a "first N rows" note). */
export function bindChart(spec: Record<string, unknown>, table: ResultTable, cap = CHART_ROW_CAP): BoundChart {
  const rows = Math.min(table.numRows, Math.max(0, cap));
  const values = rowsOf(table, rows);
  const kinds = new Map(table.columns.map((c) => [c.name, c] as const));
  // A deep copy through JSON: specs are JSON by construction, and the author's object stays untouched.
  const copy = JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
  // `usermeta.embedOptions` would let a notebook reconfigure vega-embed inside the sandbox.
  delete copy.usermeta;
  typeEncodings(copy, kinds);
  return { spec: { ...copy, data: { values } }, rows, totalRows: table.numRows };
}

/** Plain objects, filled column by column (each column array is read once, in order). */
function rowsOf(table: ResultTable, count: number): Record<string, Value>[] {
  const out: Record<string, Value>[] = Array.from({ length: count }, () => ({}));
  table.columns.forEach((column, c) => {
    const data = table.column(c);
    for (let r = 0; r < count; r++) out[r][column.name] = data[r] ?? null;
  });
  return out;
}

// Views nested in composite specs carry their own encodings.
const NESTED = ["layer", "concat", "hconcat", "vconcat"] as const;

function typeEncodings(view: Record<string, unknown>, columns: ReadonlyMap<string, ColumnInfo>): void {
  const encoding = view.encoding;
  if (isObject(encoding)) {
    for (const channel of Object.values(encoding)) {
      for (const def of Array.isArray(channel) ? channel : [channel]) if (isObject(def)) typeField(def, columns);
    }
  }
  for (const key of NESTED) {
    const list = view[key];
    if (Array.isArray(list)) for (const child of list) if (isObject(child)) typeEncodings(child, columns);
  }
  if (isObject(view.spec)) typeEncodings(view.spec, columns);
}

function typeField(def: Record<string, unknown>, columns: ReadonlyMap<string, ColumnInfo>): void {
  if (def.type !== undefined || typeof def.field !== "string") return;
  const column = columns.get(def.field);
  if (!column) return;
  if (column.kind === "date" || column.kind === "timestamp" || def.timeUnit !== undefined) def.type = "temporal";
  else if (def.aggregate !== undefined && def.aggregate !== "argmin" && def.aggregate !== "argmax")
    def.type = "quantitative";
  else def.type = column.kind === "number" ? "quantitative" : "nominal";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
