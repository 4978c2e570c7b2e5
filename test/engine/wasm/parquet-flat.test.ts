// readFlatColumn: flat Parquet columns decoded page by page give exactly what hyparquet's own reader gives,
// over the types, nulls, encodings, page versions and codecs DuckDB writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parquetMetadata, parquetRead, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { chunkRange, isFlat, readFlatColumn } from "../../../src/engine/wasm/parquet-flat";

// Nulls in some pages only, low- and high-cardinality text (dictionary and plain pages), every scalar type.
const SELECT = `SELECT i::INT AS i, (i % 2 = 0) AS b, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 100)::TINYINT END AS ti,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1000000007 END AS bi, (i / 3)::FLOAT AS f,
  CASE WHEN i > 20000 AND i % 11 = 0 THEN NULL ELSE i / 7 END AS d, (i / 100)::DECIMAL(10,2) AS dec,
  (i / 1000)::DECIMAL(38,5) AS bigdec, DATE '1960-01-01' + (i % 30000)::INT AS day,
  CASE WHEN i % 13 = 0 THEN NULL ELSE TIMESTAMP '2021-03-04 05:06:07.123456' + to_seconds(i) END AS ts,
  (TIMESTAMP '2022-01-01' + to_microseconds(i))::TIMESTAMP_NS AS tsns,
  CASE WHEN i % 3 = 0 THEN NULL ELSE ['红', 'é', 'plain', ''][i % 4 + 1] END AS lowcard,
  'id-' || i || repeat('x', i % 17) AS uniq, NULL::VARCHAR AS allnull, [i, i + 1] AS list
  FROM range(0, 40000) t(i)`;
const VARIANTS = { v1: "", v2: ", PARQUET_VERSION V2", zstd: ", COMPRESSION zstd", groups: ", ROW_GROUP_SIZE 5000" };
const parsers = { stringFromBytes: (b: Uint8Array) => b, dateFromDays: (d: number) => d * 86_400_000 };

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "clientbook-flat-"));
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  for (const [name, options] of Object.entries(VARIANTS))
    await conn.run(`COPY (${SELECT}) TO '${join(dir, name)}.parquet' (FORMAT parquet${options})`);
  conn.closeSync();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readFlatColumn(bytes, chunk, schemaPath, rows, options)", () => {
  it.each(Object.keys(VARIANTS))("gives each flat column of each row group as hyparquet does (%s)", async (name) => {
    const bytes = new Uint8Array(readFileSync(join(dir, `${name}.parquet`)));
    const file = bytes.buffer;
    const metadata = parquetMetadata(file);
    const schema = parquetSchema(metadata);
    let groupStart = 0;
    let compared = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      const expected = new Map<string, unknown[]>();
      await parquetRead({
        file,
        metadata,
        parsers,
        compressors,
        rowStart: groupStart,
        rowEnd: groupStart + rows,
        onChunk: ({ columnName, columnData }) => expected.set(columnName, Array.from(columnData)),
      });
      for (const child of schema.children) {
        const path = [schema, child];
        if (!isFlat(path)) continue;
        const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === child.element.name)!;
        const { start, end } = chunkRange(chunk);
        const got = readFlatColumn(bytes.subarray(start, end), chunk, path, rows, { parsers, compressors });
        expect(Array.from(got), `${child.element.name} from row ${groupStart}`).toEqual(
          expected.get(child.element.name),
        );
        compared++;
      }
      groupStart += rows;
    }
    expect(compared).toBeGreaterThanOrEqual(14);
  });
});
