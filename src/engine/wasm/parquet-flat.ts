// A flat (not nested) Parquet column chunk read page by page with hyparquet's own page decoders, its nulls
// placed by row from the definition levels. hyparquet's reader assembles every optional column (all of them,
// from most writers) through its nested-list assembler into an array of boxed values: most of its decode time.
import { parquetHeader, readPage } from "hyparquet/src/column.js";
import { convert, convertWithDictionary, DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import { getMaxDefinitionLevel, isFlatColumn } from "hyparquet/src/schema.js";
import type { ColumnChunk, Compressors, ParquetParsers, SchemaTree } from "hyparquet";

type Decoded = ArrayLike<unknown>;

/** Whether `schemaPath` (root to leaf) is a column `readFlatColumn` reads. */
export const isFlat = (schemaPath: SchemaTree[]): boolean => isFlatColumn(schemaPath);

/** The byte range of a column chunk in its file, as hyparquet's planner computes it. */
export function chunkRange(chunk: ColumnChunk): { start: number; end: number } {
  const meta = chunk.meta_data!;
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return { start, end: start + Number(meta.total_compressed_size) };
}

/**
 * Decodes one flat column chunk (`bytes`, its whole byte range) of `rows` rows: typed values as hyparquet
 * gives them when no row is null (no copy for one page), else an array with null in place of each missing value.
 */
export function readFlatColumn(
  bytes: Uint8Array,
  chunk: ColumnChunk,
  schemaPath: SchemaTree[],
  rows: number,
  options: { parsers: Partial<ParquetParsers>; compressors?: Compressors },
): Decoded {
  const meta = chunk.meta_data!;
  const decoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element: schemaPath[schemaPath.length - 1].element,
    schemaPath,
    codec: meta.codec,
    parsers: { ...DEFAULT_PARSERS, ...options.parsers },
    compressors: options.compressors,
  };
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const pages: { values: Decoded; levels?: number[] }[] = [];
  let dictionary: Decoded | undefined;
  let read = 0;
  while (read < rows && reader.offset < bytes.byteLength - 1) {
    const header = parquetHeader(reader);
    if (header.type === "DICTIONARY_PAGE") {
      const { data } = readPage(reader, header, decoder, undefined, undefined, 0);
      if (data) dictionary = convert(data, decoder);
      continue;
    }
    const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    let page: ReturnType<typeof readDataPage>;
    let encoding;
    if (header.type === "DATA_PAGE" && header.data_page_header) {
      const uncompressed = decompressPage(compressed, header.uncompressed_page_size, meta.codec, options.compressors);
      page = readDataPage(uncompressed, header.data_page_header, decoder);
      encoding = header.data_page_header.encoding;
    } else if (header.type === "DATA_PAGE_V2" && header.data_page_header_v2) {
      page = readDataPageV2(compressed, header, decoder);
      encoding = header.data_page_header_v2.encoding;
    } else continue; // an index page: nothing to read
    const values = convertWithDictionary(page.dataPage, dictionary as never, encoding, decoder);
    // hyparquet leaves the levels empty when the page has no null.
    const levels = page.definitionLevels?.length ? page.definitionLevels : undefined;
    pages.push({ values, levels });
    read += levels ? levels.length : values.length;
  }
  if (pages.length === 1 && !pages[0].levels && pages[0].values.length === rows) return pages[0].values;
  const typed = typedConcat(pages, rows);
  if (typed) return typed;
  const out: unknown[] = new Array(rows);
  let at = 0;
  for (const { values, levels } of pages) {
    if (!levels) {
      for (let i = 0; i < values.length && at < rows; i++) out[at++] = values[i];
      continue;
    }
    let next = 0;
    for (let i = 0; i < levels.length && at < rows; i++)
      out[at++] = levels[i] === maxDefinition ? values[next++] : null;
  }
  for (; at < rows; at++) out[at] = null;
  return out;
}

type Typed = Int32Array | Float32Array | Float64Array | BigInt64Array;

// Pages of one typed array class with no null, joined into one array of that class (no boxed values).
function typedConcat(pages: readonly { values: Decoded; levels?: number[] }[], rows: number): Typed | undefined {
  const first = pages[0]?.values;
  if (!ArrayBuffer.isView(first)) return undefined;
  const Class = first.constructor as new (n: number) => Typed;
  if (!pages.every((p) => !p.levels && p.values.constructor === Class)) return undefined;
  if (pages.reduce((n, p) => n + p.values.length, 0) !== rows) return undefined;
  const out = new Class(rows);
  let at = 0;
  for (const { values } of pages) {
    out.set(values as never, at);
    at += values.length;
  }
  return out;
}
