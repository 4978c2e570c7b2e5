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
} from "apache-arrow";
import { columnVector, type ColumnType } from "./arrow-build";
import { chunkRange, isFlat, readFlatColumn } from "./parquet-flat";
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

// Dates and timestamps as epoch ms numbers; strings stay UTF-8 bytes, copied as they are into the
// Arrow column (decoding to JS strings and encoding back took most of the time).
const parsers = {
  stringFromBytes: (bytes: Uint8Array) => bytes,
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
  jsonFromBytes: (bytes: Uint8Array) => bytes && new TextDecoder().decode(bytes),
};

type Leaf = ReturnType<typeof parquetSchema>["children"][number]["element"];

function arrowTypeOf(element: Leaf): ColumnType {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === "DATE" || converted === "DATE") return new DateDay();
  if (
    logical === "TIMESTAMP" ||
    converted === "TIMESTAMP_MILLIS" ||
    converted === "TIMESTAMP_MICROS" ||
    element.type === "INT96"
  )
    return new TimestampMillisecond();
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

/** Decoded values of one column from the row `start` on. */
interface Chunk {
  readonly start: number;
  readonly data: ArrayLike<unknown>;
}

// A column of one row group: its one chunk as decoded when that covers the group (the usual case),
// else the chunks' values placed by row index.
function groupColumn(chunks: readonly Chunk[], groupStart: number, rows: number): ArrayLike<unknown> {
  if (chunks.length === 1 && chunks[0].start === groupStart && chunks[0].data.length === rows) return chunks[0].data;
  const out: unknown[] = new Array(rows).fill(null);
  for (const { start, data } of chunks)
    for (let i = 0; i < data.length; i++) {
      const at = start + i - groupStart;
      if (at >= 0 && at < rows) out[at] = data[i];
    }
  return out;
}

/** Reads a Parquet file row group by row group; nested columns arrive as JSON text. */
export async function* parquetBatches(source: FileSource): AsyncGenerator<ParquetBatch> {
  const file = asyncBuffer(source);
  const metadata: FileMetaData = await parquetMetadataAsync(file);
  const schema = parquetSchema(metadata);
  const fields = schema.children.map((c) => ({ name: c.element.name, type: arrowTypeOf(c.element) }));
  const leaves = schema.children.map((c) => ({ element: c.element, path: [schema, c] }));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const groupStart = rowStart;
    // Column chunks as hyparquet decodes them (typed arrays where it can), with the row each starts at:
    // flat columns page by page here, nested ones by hyparquet's reader.
    const chunks = new Map<string, Chunk[]>(fields.map((f) => [f.name, []]));
    const byName = new Map(group.columns.map((c) => [c.meta_data?.path_in_schema.join("."), c]));
    const nested: string[] = [];
    for (const { element, path } of leaves) {
      const chunk = byName.get(element.name);
      if (!chunk?.meta_data || !isFlat(path)) {
        nested.push(element.name);
        continue;
      }
      const { start, end } = chunkRange(chunk);
      const data = readFlatColumn(await source.read(start, end), chunk, path, rows, { parsers, compressors });
      chunks.get(element.name)?.push({ start: groupStart, data });
    }
    if (nested.length)
      await parquetRead({
        file,
        metadata,
        compressors,
        parsers,
        columns: nested,
        rowStart: groupStart,
        rowEnd: groupStart + rows,
        onChunk: ({ columnName, columnData, rowStart: start }) =>
          chunks.get(columnName)?.push({ start, data: columnData }),
      });
    rowStart += rows;
    const vectors = Object.fromEntries(
      fields.map((f) => [f.name, columnVector(groupColumn(chunks.get(f.name) ?? [], groupStart, rows), f.type)]),
    );
    const end = Math.max(
      ...group.columns.map(
        (c) => Number(c.meta_data?.data_page_offset ?? 0) + Number(c.meta_data?.total_compressed_size ?? 0),
      ),
    );
    yield { ipc: tableToIPC(new Table(vectors), "stream"), rows, bytesRead: Math.min(source.size, end) };
  }
}
