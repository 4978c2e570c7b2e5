// Arrow record batches from duckdb-wasm to ResultTable, column by column (`toArray()` for plain
// numbers, `get()` where Arrow converts: dates and timestamps to epoch ms, strings, booleans).
import { Type } from "apache-arrow";
import { kindOfType, tableFromColumns, type ColumnInfo, type ResultTable, type Value } from "../../table/result";

// Structural types: the batches may come from duckdb-wasm's own copy of apache-arrow (in Node it
// is the CommonJS build), so nothing here relies on `instanceof`.
interface ArrowType {
  readonly typeId: number;
  readonly unit?: number;
  readonly timezone?: string | null;
  toString(): string;
}
interface ArrowColumn {
  readonly length: number;
  readonly nullCount: number;
  get(index: number): unknown;
  isValid(index: number): boolean;
  toArray(): ArrayLike<unknown>;
}
/** The parts of an Arrow record batch (or table) this module reads. */
export interface ArrowBatch {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowType }[] };
  getChildAt(index: number): ArrowColumn | null;
}

/** The DuckDB type name for an Arrow type as duckdb-wasm produces it. */
export function duckdbTypeOf(type: ArrowType): string {
  switch (type.typeId) {
    case Type.Int: {
      const t = type as unknown as { bitWidth: number; isSigned: boolean };
      const name = { 8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT" }[t.bitWidth] ?? "BIGINT";
      return t.isSigned ? name : `U${name}`;
    }
    case Type.Float:
      return (type as unknown as { precision: number }).precision === 1 ? "FLOAT" : "DOUBLE";
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary:
      return "VARCHAR";
    case Type.Bool:
      return "BOOLEAN";
    case Type.Date:
      return "DATE";
    case Type.Timestamp:
      return type.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
    case Type.Time:
      return "TIME";
    case Type.Decimal:
      return "DECIMAL";
    case Type.Interval:
      return "INTERVAL";
    case Type.Binary:
    case Type.LargeBinary:
      return "BLOB";
    default:
      return String(type).toUpperCase();
  }
}

function plain(value: unknown, typeId: number): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    case "bigint":
      // TIME comes as microseconds since midnight.
      return typeId === Type.Time ? timeText(value) : Number(value);
  }
  if (value instanceof Date) return value.getTime();
  return String(value);
}

const timeText = (micros: bigint) => {
  const s = Number(micros / 1_000_000n);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

const plainNumbers = new Set<number>([Type.Float, Type.Int]);

function columnValues(column: ArrowColumn, type: ArrowType, out: Value[]): void {
  const n = column.length;
  if (
    plainNumbers.has(type.typeId) &&
    !(type.typeId === Type.Int && (type as unknown as { bitWidth: number }).bitWidth === 64)
  ) {
    const values = column.toArray() as ArrayLike<number>;
    for (let i = 0; i < n; i++) out.push(column.nullCount && !column.isValid(i) ? null : values[i]);
    return;
  }
  for (let i = 0; i < n; i++) out.push(plain(column.get(i), type.typeId));
}

/** Converts Arrow batches sharing `schema` into a ResultTable. */
export function toResultTable(schema: ArrowBatch["schema"], batches: readonly ArrowBatch[]): ResultTable {
  const columns: ColumnInfo[] = schema.fields.map((f) => {
    const type = duckdbTypeOf(f.type);
    return { name: f.name, type, kind: kindOfType(type) };
  });
  const data: Value[][] = columns.map(() => []);
  for (const batch of batches) {
    for (let c = 0; c < columns.length; c++) {
      const child = batch.getChildAt(c);
      if (child) columnValues(child, schema.fields[c].type, data[c]);
    }
  }
  return tableFromColumns(columns, data);
}
