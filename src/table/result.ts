// The result type every engine returns: a columnar table of plain JavaScript values.
// Engines convert their native form (Arrow in the browser, DuckDB vectors in Node) into this once,
// column by column, so the UI, charts, recipes and the CLI never see engine-specific types.

/** A single cell value: DATE and TIMESTAMP values are epoch milliseconds (UTC). */
export type Value = number | string | boolean | null;

/** How a column's values should be treated by tables and charts. */
export type ValueKind = "number" | "string" | "boolean" | "date" | "timestamp" | "other";

/** One column of a result: its name, the DuckDB type name and the value kind. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly kind: ValueKind;
}

/** A query result: column metadata plus plain values, column by column. */
export interface ResultTable {
  readonly columns: readonly ColumnInfo[];
  readonly numRows: number;
  /** The values of column `index` (0-based), one per row. */
  column(index: number): readonly Value[];
  /** Rows `start` (inclusive) to `end` (exclusive) as null-prototype objects keyed by column name. */
  rows(start?: number, end?: number): Record<string, Value>[];
}

/** Maps a DuckDB type name (e.g. `DECIMAL(18,3)`, `TIMESTAMP`, `VARCHAR`) to its value kind. */
export function kindOfType(type: string): ValueKind {
  const t = type.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(
      t,
    )
  )
    return "number";
  if (t === "BOOLEAN") return "boolean";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  if (
    t === "VARCHAR" ||
    t.startsWith("VARCHAR(") ||
    t === "UUID" ||
    t === "TIME" ||
    t === "INTERVAL" ||
    t === "ENUM" ||
    t.startsWith("ENUM(")
  )
    return "string";
  return "other";
}

/** Builds a ResultTable from column metadata and one array of values per column. */
export function tableFromColumns(columns: readonly ColumnInfo[], data: readonly (readonly Value[])[]): ResultTable {
  if (columns.length !== data.length) throw new Error("tableFromColumns: one value array per column is required");
  const numRows = data.length ? data[0].length : 0;
  return {
    columns,
    numRows,
    column: (index) => data[index],
    rows(start = 0, end = numRows) {
      const out: Record<string, Value>[] = [];
      const stop = Math.min(end, numRows);
      for (let r = Math.max(0, start); r < stop; r++) {
        // Null prototype: a column called `__proto__` or `constructor` is just a key.
        const row = Object.create(null) as Record<string, Value>;
        for (let c = 0; c < columns.length; c++) row[columns[c].name] = data[c][r];
        out.push(row);
      }
      return out;
    },
  };
}
