// Planning a load from the first megabyte of a file: format, encoding (detected or chosen), whether
// DuckDB can decode it itself, and the CSV dialect. Pure apart from reading the sample.
import { emptyFile, unclosedQuote } from "../../messages/engine";
import type { FileSource, LoadOptions } from "../engine";
import { textDecoder } from "./decoder";
import { assertText, detectEncoding, normalizeEncoding } from "./encoding";
import { checkParquetTail, detectFormat, extensionOf, type FileFormat } from "./format";
import { sniffDialect, type CsvDialect } from "./sniff";

/** How a file will be loaded. */
export interface LoadPlan {
  readonly format: FileFormat;
  readonly ext: string;
  /** WHATWG encoding name of the text (CSV and JSON lines). */
  readonly encoding?: string;
  /** Byte-order mark length to skip when transcoding. */
  readonly bom: number;
  /** The `encoding` option for DuckDB when it can read the bytes itself; absent means transcode in JS to UTF-8. */
  readonly duckdbEncoding?: "utf-8" | "utf-16";
  readonly dialect?: CsvDialect;
}

/** Bytes read for sniffing. */
export const sampleBytes = 1 << 20;

/** Reads the start of `source` and decides how to load it; throws user-facing Errors for bad files. */
export async function planLoad(source: FileSource, options: LoadOptions = {}): Promise<LoadPlan> {
  if (source.size === 0) throw new Error(emptyFile(source.name));
  const sample = await source.read(0, Math.min(source.size, sampleBytes));
  const complete = sample.length >= source.size;
  const format = detectFormat(source.name, sample);
  const ext = extensionOf(source.name);
  if (format === "parquet") {
    checkParquetTail(source.name, source.size, await source.read(Math.max(0, source.size - 4), source.size));
    return { format, ext, bom: 0 };
  }
  const detected = detectEncoding(sample, complete);
  const encoding = options.encoding ? normalizeEncoding(options.encoding) : detected.encoding;
  const bom = encoding === detected.encoding ? detected.bom : 0;
  const text = textDecoder(encoding).decode(sample.subarray(bom), { stream: !complete });
  if (!text.trim()) throw new Error(emptyFile(source.name));
  assertText(source.name, text);
  // DuckDB reads UTF-8 (BOM or not) and BOM-marked UTF-16LE itself; its latin-1 is not
  // Windows-1252 in 0x80-0x9F, so every other encoding is transcoded in JS.
  const duckdbEncoding = encoding === "utf-8" ? "utf-8" : encoding === "utf-16le" && bom === 2 ? "utf-16" : undefined;
  const dialect = format === "csv" ? sniffDialect(text, complete, ext === "tsv" || ext === "tab") : undefined;
  if (dialect?.unclosedQuote) throw new Error(unclosedQuote(source.name, dialect.unclosedQuote));
  return { format, ext, encoding, bom, duckdbEncoding, dialect };
}
