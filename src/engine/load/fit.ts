// Whether a file will fit before it is read: DuckDB's memory a load needs, estimated from the file's
// size and how it is loaded, against what is left under the memory limit. Pure, so Node tests decide it.
import type { MemoryUse } from "../engine";
import type { FileFormat } from "./format";

/** What a load needs, per byte of the file. */
export interface LoadCost {
  readonly format: FileFormat;
  /** Text DuckDB cannot decode itself is copied whole, as UTF-8, into the engine before it is read. */
  readonly transcoded: boolean;
  /** The engine holds a whole copy of the file while it reads it (the threaded browser engine does). */
  readonly copied?: boolean;
  /** Bytes of the one piece held at a time when the text is staged in pieces instead of whole. */
  readonly piece?: number;
}

/**
 * Memory per file byte, measured on the seeded 1M-row orders file (scripts/bench-load.ts): the loaded
 * table holds 1.6x the CSV's bytes (duckdb_memory() after the load, native and wasm alike) and 5.5x
 * its Parquet copy's (which is 3.4x smaller); read buffers, the row group in flight and a margin for
 * wider text columns come on top. A transcoded copy is up to 1.5x the legacy text (GBK to UTF-8), and
 * JSON lines are held as text twice (the lines, then the row array) before DuckDB parses them.
 */
export const bytesPerFileByte = { csv: 2, parquet: 7, jsonl: 5, transcoded: 1.5 } as const;

/** Address space of 32-bit WebAssembly: no DuckDB limit in the browser goes past it. */
export const wasmAddressSpace = 4 * 1024 ** 3;

/** DuckDB memory (bytes) a load of `size` file bytes is estimated to need. */
export function loadNeeds(size: number, cost: LoadCost): number {
  if (cost.piece !== undefined) return Math.ceil(size * bytesPerFileByte[cost.format] + cost.piece);
  const copy = cost.transcoded ? bytesPerFileByte.transcoded : cost.copied ? 1 : 0;
  const perByte = bytesPerFileByte[cost.format] + copy;
  return Math.ceil(size * perByte);
}

/** A piece is at most this share of the free memory, so that pieces stay small beside the table. */
const pieceShare = 16;
const minPiece = 1 << 20;

/** Bytes per piece for a CSV of `size` bytes staged in pieces (at most `max`), or undefined when one piece holds it. */
export function pieceSize(size: number, free: number, max?: number): number | undefined {
  if (!max) return undefined;
  const piece = Math.max(minPiece, Math.min(max, Math.floor(free / pieceShare)));
  return size > piece ? piece : undefined;
}

/** The bytes still free: the lowest limit (DuckDB's, or a smaller one given) less what is in use. */
export function memoryFree(use: MemoryUse, cap?: number): number {
  const limit = cap !== undefined && cap > 0 ? Math.min(use.limit, cap) : use.limit;
  return Math.max(0, limit - use.used);
}

/** A load that will not fit: what it needs and what is free, in bytes. */
export interface TooBig {
  readonly needs: number;
  readonly free: number;
}

/** Undefined when a load of `size` bytes fits in what is free, else the numbers for the message. */
export function checkFit(size: number, cost: LoadCost, use: MemoryUse, cap?: number): TooBig | undefined {
  const needs = loadNeeds(size, cost);
  const free = memoryFree(use, cap);
  return needs > free ? { needs, free } : undefined;
}

/** Bytes of a DuckDB size setting as it prints them (`3.1 GiB`, `512.0 MiB`, `2GB`); NaN when unreadable. */
export function parseSize(text: string): number {
  const m = /^\s*([\d.]+)\s*([kmgt]?)(i?)b(?:ytes?)?\s*$/i.exec(text);
  if (!m) return NaN;
  const power = m[2] ? "kmgt".indexOf(m[2].toLowerCase()) + 1 : 0;
  return Number(m[1]) * (m[3] ? 1024 : 1000) ** power;
}
