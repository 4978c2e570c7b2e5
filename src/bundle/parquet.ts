// One result table as a Parquet file (hyparquet-writer: plain JavaScript, no eval, runs in Node and the
// browser), typed so DuckDB reads back the same column types: dates, decimals, integers, text.
import { parquetWriteBuffer } from "hyparquet-writer";
import type { ResultTable, Value } from "../table/result";

type Schema = NonNullable<Parameters<typeof parquetWriteBuffer>[0]["schema"]>;
type Element = Schema[number];

const MS_PER_DAY = 86_400_000;

/** The Parquet bytes of `table`; a column type Parquet cannot hold as such is written as its text. */
export function tableToParquet(table: ResultTable): Uint8Array {
  const columns = table.columns.map((c, i) => {
    const [element, convert] = columnOf(c.name, c.type);
    return { element, data: table.column(i).map((v) => (v === null || v === undefined ? null : convert(v))) };
  });
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.element.name, data: c.data as never })),
    schema: [{ name: "root", num_children: columns.length }, ...columns.map((c) => c.element)],
    // Dictionary pages and snappy keep customer exports (many repeated names and codes) small.
    rowGroupSize: 100_000,
    statistics: false,
  });
  return new Uint8Array(buffer);
}

function columnOf(name: string, duckType: string): [Element, (v: Value) => unknown] {
  const type = duckType.toUpperCase();
  const optional = { name, repetition_type: "OPTIONAL" } as const;
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal && Number(decimal[1]) <= 18) {
    const [precision, scale] = [Number(decimal[1]), Number(decimal[2])];
    return [{ ...optional, type: "INT64", converted_type: "DECIMAL", precision, scale }, (v) => v];
  }
  if (type === "BOOLEAN") return [{ ...optional, type: "BOOLEAN" }, (v) => Boolean(v)];
  if (type === "TINYINT") return [{ ...optional, type: "INT32", converted_type: "INT_8" }, (v) => v];
  if (type === "SMALLINT") return [{ ...optional, type: "INT32", converted_type: "INT_16" }, (v) => v];
  if (type === "INTEGER") return [{ ...optional, type: "INT32" }, (v) => v];
  if (type === "BIGINT") return [{ ...optional, type: "INT64" }, (v) => BigInt(Math.round(Number(v)))];
  if (/^(FLOAT|REAL|DOUBLE|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|UHUGEINT|DECIMAL)/.test(type)) {
    return [{ ...optional, type: "DOUBLE" }, (v) => Number(v)];
  }
  if (type === "DATE")
    return [{ ...optional, type: "INT32", converted_type: "DATE" }, (v) => Math.round(Number(v) / MS_PER_DAY)];
  if (type.startsWith("TIMESTAMP")) {
    return [{ ...optional, type: "INT64", converted_type: "TIMESTAMP_MILLIS" }, (v) => BigInt(Math.round(Number(v)))];
  }
  return [{ ...optional, type: "BYTE_ARRAY", converted_type: "UTF8" }, (v) => (typeof v === "string" ? v : String(v))];
}
