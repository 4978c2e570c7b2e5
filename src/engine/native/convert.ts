// Native DuckDB results to ResultTable, column by column: DATE/TIMESTAMP become epoch ms,
// BIGINT/HUGEINT/DECIMAL plain numbers, anything nested or exotic its DuckDB text form.
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBMaterializedResult,
  type DuckDBValue,
} from "@duckdb/node-api";
import { kindOfType, tableFromColumns, type ColumnInfo, type ResultTable, type Value } from "../../table/result";

const msPerDay = 86_400_000;

/** Converts one DuckDB value to a plain JavaScript value. */
export function plainValue(v: DuckDBValue): Value {
  if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof DuckDBDateValue) return v.days * msPerDay;
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return Number(v.micros / 1000n);
  if (v instanceof DuckDBTimestampMillisecondsValue) return Number(v.millis);
  if (v instanceof DuckDBTimestampSecondsValue) return Number(v.seconds) * 1000;
  if (v instanceof DuckDBTimestampNanosecondsValue) return Number(v.nanos / 1_000_000n);
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  return String(v);
}

/** Reads a materialized native result into a ResultTable. */
export async function toResultTable(result: DuckDBMaterializedResult): Promise<ResultTable> {
  const names = result.columnNames();
  const types = result.columnTypes().map(String);
  const columns: ColumnInfo[] = names.map((name, i) => ({ name, type: types[i], kind: kindOfType(types[i]) }));
  const raw = await result.getColumns();
  const data = names.map((_, i) => (raw[i] ?? []).map(plainValue));
  return tableFromColumns(columns, data);
}
