// Parquet in the browser without DuckDB's parquet extension (the npm build would fetch it from the
// internet): hyparquet decodes one row group at a time into Arrow IPC that DuckDB inserts.
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from "apache-arrow";
import type { FileSource } from "../engine";

/** One decoded row group as an Arrow IPC stream, with how far through the file it reaches. */
export interface ParquetBatch {
  readonly ipc: Uint8Array;
  readonly rows: number;
  readonly bytesRead: number;
}

const asyncBuffer = (source: FileSource): AsyncBuffer => ({
  byteLength: source.size,
  slice: async (start, end) => {
    const bytes = await source.read(start, end ?? source.size);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  },
});

// Dates and timestamps as epoch ms numbers, which Arrow's date builders take directly.
const parsers = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
  jsonFromBytes: (bytes: Uint8Array) => bytes && new TextDecoder().decode(bytes),
};

type Leaf = ReturnType<typeof parquetSchema>["children"][number]["element"];

function arrowTypeOf(element: Leaf): DataType {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === "DATE" || converted === "DATE") return new DateDay();
  if (logical === "TIMESTAMP" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS" || element.type === "INT96") return new TimestampMillisecond();
  if (logical === "DECIMAL" || converted === "DECIMAL") return new Float64();
  switch (element.type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32":
      return new Int32();
    case "INT64":
      return new Int64();
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    default:
      return new Utf8();
  }
}

function toVector(values: ArrayLike<unknown>, type: DataType): Vector {
  const out: unknown[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || v === null) out[i] = null;
    else if (type instanceof Utf8 && typeof v !== "string") out[i] = v instanceof Uint8Array ? new TextDecoder().decode(v) : JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x));
    else if (type instanceof Int64 && typeof v !== "bigint") out[i] = BigInt(v as number);
    else if (type instanceof Float64 && typeof v === "bigint") out[i] = Number(v);
    else out[i] = v;
  }
  return vectorFromArray(out, type);
}

/** Reads a Parquet file row group by row group; flat schemas (nested columns arrive as JSON text). */
export async function* parquetBatches(source: FileSource): AsyncGenerator<ParquetBatch> {
  const file = asyncBuffer(source);
  const metadata: FileMetaData = await parquetMetadataAsync(file);
  const fields = parquetSchema(metadata).children.map((c) => ({ name: c.element.name, type: arrowTypeOf(c.element) }));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const columns = new Map<string, unknown[]>();
    await parquetRead({
      file,
      metadata,
      compressors,
      parsers,
      rowStart,
      rowEnd: rowStart + rows,
      rowFormat: "object",
      onComplete: (objects: Record<string, unknown>[]) => {
        for (const f of fields) columns.set(f.name, objects.map((o) => o[f.name]));
      },
    });
    rowStart += rows;
    const vectors = Object.fromEntries(fields.map((f) => [f.name, toVector(columns.get(f.name) ?? [], f.type)]));
    const end = Math.max(...group.columns.map((c) => Number(c.meta_data?.data_page_offset ?? 0) + Number(c.meta_data?.total_compressed_size ?? 0)));
    yield { ipc: tableToIPC(new Table(vectors), "stream"), rows, bytesRead: Math.min(source.size, end) };
  }
}
