// Shared by both engines' `createTable`: the column types a cell-made table may have, and checks
// on its shape (one value array per column, all of one length, distinct names).
import type { TableData } from "./engine";

/** The column types `createTable` stores; anything else is stored as VARCHAR. */
export type DataType = "BOOLEAN" | "INTEGER" | "BIGINT" | "DOUBLE" | "VARCHAR" | "DATE" | "TIMESTAMP";

const SUPPORTED = new Set<DataType>(["BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP"]);

/** The stored type of a column given its declared DuckDB type name. */
export function dataTypeOf(type: string): DataType {
  const t = type.toUpperCase() as DataType;
  return SUPPORTED.has(t) ? t : "VARCHAR";
}

/** Throws when `data` is not a proper table: no columns, ragged columns, or repeated names. */
export function checkTableData(data: TableData): number {
  if (!data.columns.length) throw new Error("a table needs at least one column");
  if (data.columns.length !== data.data.length) throw new Error("one value array per column is required");
  const rows = data.data[0].length;
  if (data.data.some((col) => col.length !== rows)) throw new Error("every column must have the same number of rows");
  const names = new Set(data.columns.map((c) => c.name.toLowerCase()));
  if (names.size !== data.columns.length) throw new Error("column names must be distinct (ignoring case)");
  return rows;
}

/** A value as text for a VARCHAR column (non-text values are written as JSON). */
export const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v);
