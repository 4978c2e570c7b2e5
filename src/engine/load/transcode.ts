// Streams a file in a legacy encoding (GB18030, Windows-1252, UTF-16BE, ...) as UTF-8 chunks for
// DuckDB, a few megabytes at a time, reporting bytes read (and a UTF-8 file as it is).
import type { FileSource } from "../engine";
import { textDecoder } from "./decoder";
import { join } from "./pieces";

const chunkBytes = 4 << 20;

/** Yields the UTF-8 encoding of `source` decoded as `encoding`, skipping `bom` bytes. */
export async function* utf8Chunks(
  source: FileSource,
  encoding: string,
  bom: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<Uint8Array> {
  const decoder = textDecoder(encoding);
  const encoder = new TextEncoder();
  for (let start = bom; start < source.size; start += chunkBytes) {
    const end = Math.min(source.size, start + chunkBytes);
    const text = decoder.decode(await source.read(start, end), { stream: end < source.size });
    onBytes?.(end);
    if (text) yield encoder.encode(text);
  }
  const rest = decoder.decode();
  if (rest) yield encoder.encode(rest);
}

/** Yields the bytes of `source` from `start` on, a few megabytes at a time. */
export async function* byteChunks(
  source: FileSource,
  start: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<Uint8Array> {
  for (let at = start; at < source.size; at += chunkBytes) {
    const end = Math.min(source.size, at + chunkBytes);
    const bytes = await source.read(at, end);
    onBytes?.(end);
    yield bytes;
  }
}

/** Collects async chunks into one buffer (duckdb-wasm registers a single buffer per file). */
export async function concatChunks(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of chunks) {
    parts.push(part);
    total += part.length;
  }
  return join(parts, total);
}
