// Which reader a file needs: by extension first, confirmed by magic bytes, so a Parquet file named
// `.csv` still loads and a truncated Parquet file fails with a clear reason.
import { badParquet, parquetCutShort, parquetNoSignature, unsupportedFormat } from "../../messages/engine";
import type { LoadReport } from "../engine";

/** A loadable file format. */
export type FileFormat = LoadReport["format"];

const textExtensions = new Set(["csv", "tsv", "tab", "txt", "psv", "dat", ""]);
const jsonExtensions = new Set(["jsonl", "ndjson", "json"]);
const binaryExtensions = new Set([
  "xlsx",
  "xls",
  "xlsm",
  "ods",
  "zip",
  "gz",
  "zst",
  "pdf",
  "arrow",
  "feather",
  "avro",
  "orc",
  "db",
  "duckdb",
  "sqlite",
]);

/** The lowercase extension of a file name without the dot (`""` when there is none). */
export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match ? match[1].toLowerCase() : "";
}

const isPar1 = (bytes: Uint8Array, at: number) =>
  at >= 0 && bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31;

/** Picks the format of a file from its name and first bytes; throws a user-facing Error for unknown types. */
export function detectFormat(fileName: string, head: Uint8Array): FileFormat {
  const ext = extensionOf(fileName);
  if (isPar1(head, 0)) return "parquet";
  if (ext === "parquet" || ext === "parq") throw new Error(badParquet(fileName, parquetNoSignature()));
  if (jsonExtensions.has(ext)) return "jsonl";
  if (textExtensions.has(ext)) return "csv";
  if (binaryExtensions.has(ext)) throw new Error(unsupportedFormat(fileName));
  return "csv";
}

/** Checks the Parquet footer signature, so a truncated file fails before any reader sees it. */
export function checkParquetTail(fileName: string, size: number, tail: Uint8Array): void {
  if (size < 12 || !isPar1(tail, tail.length - 4)) {
    throw new Error(badParquet(fileName, parquetCutShort()));
  }
}
