// What is kept of a cell's result for the next visit, and its bound: a chart's spec as drawn (its rows
// inlined, at most the chart row cap), a table's first rows and row count, a Markdown cell's values
// as text. Plain data only (structured-clone safe); never code, never put into the notebook file.
import { CHART_ROW_CAP } from "../charts/bind";
import type { CellOutput } from "../session/types";
import { tableFromColumns, type ColumnInfo, type ResultTable, type Value } from "../table/result";

/** A kept result, as stored: plain data the view draws again (a chart only in its sandbox, as any other). */
export type KeptOutput =
  | { readonly type: "chart"; readonly spec: Record<string, unknown>; readonly rows: number; readonly note?: string }
  | {
      readonly type: "table";
      readonly columns: readonly ColumnInfo[];
      readonly data: readonly (readonly Value[])[];
      readonly totalRows: number;
    }
  | { readonly type: "markdown"; readonly text: string };

/** The rows of a table result kept: the top of the table, what the first screen of it shows and more. */
export const KEPT_TABLE_ROWS = 100;
/**
 * The most a notebook's kept results may weigh (JSON characters): read whole on every start, so it stays
 * small beside the 5,000-row charts it holds (about 0.3 MB each for five columns) and quick to clone.
 */
export const KEPT_RESULTS_BUDGET = 4_000_000;

/** What is kept of `output` (undefined for an input, a value, or a chart drawing more rows than the cap). */
export function keptOutput(output: CellOutput): KeptOutput | undefined {
  if (output.type === "chart") {
    if (output.rows > CHART_ROW_CAP) return undefined;
    return { type: "chart", spec: output.spec, rows: output.rows, ...(output.note ? { note: output.note } : {}) };
  }
  if (output.type === "table") {
    const { table } = output;
    const rows = Math.min(table.numRows, KEPT_TABLE_ROWS);
    const data = table.columns.map((_, i) => table.column(i).slice(0, rows));
    return { type: "table", columns: table.columns, data, totalRows: output.totalRows ?? table.numRows };
  }
  if (output.type === "markdown") return { type: "markdown", text: output.text };
  return undefined;
}

/**
 * The kept results of `cells` (by result key) that fit the budget, in the order given (the document's), then
 * the `earlier` kept results (of cells not run again) that still fit.
 */
export function keptWithin(
  cells: readonly { readonly key: string; readonly output: CellOutput }[],
  earlier: Readonly<Record<string, KeptOutput>> = {},
  budget = KEPT_RESULTS_BUDGET,
): Record<string, KeptOutput> {
  const kept: Record<string, KeptOutput> = {};
  let left = budget;
  const add = (key: string, plain: KeptOutput | undefined) => {
    if (!plain || Object.hasOwn(kept, key)) return;
    const size = weight(plain);
    // A result that does not fit is skipped: a later, smaller one may still fit.
    if (size > left) return;
    left -= size;
    kept[key] = plain;
  };
  for (const { key, output } of cells) add(key, keptOutput(output));
  for (const [key, plain] of Object.entries(earlier)) add(key, plain);
  return kept;
}

function weight(output: KeptOutput): number {
  try {
    return JSON.stringify(output).length;
  } catch {
    return Infinity;
  }
}

/** A kept table as the result table the view draws. */
export function keptTable(output: Extract<KeptOutput, { type: "table" }>): ResultTable {
  return tableFromColumns(output.columns, output.data);
}
