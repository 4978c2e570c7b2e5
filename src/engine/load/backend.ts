// What an engine provides so the shared load procedure can run on it: SQL, its memory, and staging
// a file's bytes (or text made UTF-8) where DuckDB can read them.
import type { FileSource, LoadProgress, MemoryUse } from "../engine";
import type { Exec } from "../profile";
import type { LoadPlan } from "./plan";

/** A file made readable by DuckDB at `path`, removed again by `release`. */
export interface Staged {
  readonly path: string;
  release(): Promise<void>;
}

/** What an engine provides so the shared load procedure can run on it. */
export interface LoadBackend {
  readonly exec: Exec;
  /** DuckDB's memory in use and its limit, checked before a file is read. */
  memory(): Promise<MemoryUse>;
  /** Whether `stageFile` copies the whole file into the engine's memory (it counts against the budget). */
  readonly copiesFiles?: boolean;
  /** Makes the file's bytes readable at a path, without copying where the engine allows. */
  stageFile(source: FileSource, ext: string): Promise<Staged>;
  /**
   * Set where staged text is copied into the engine's memory: a big CSV is then staged in pieces of
   * whole records of at most this many bytes, one at a time, instead of whole.
   */
  readonly pieceBytes?: number;
  /** Makes a stream of UTF-8 bytes readable at a path. */
  stageUtf8(chunks: AsyncIterable<Uint8Array>, ext: string): Promise<Staged>;
  /** Creates `table` from a Parquet file. */
  loadParquet(source: FileSource, table: string, onProgress?: (p: LoadProgress) => void): Promise<void>;
  /** Creates `table` from a JSON-lines file (text in `plan.encoding`). */
  loadJsonLines(source: FileSource, plan: LoadPlan, table: string): Promise<void>;
  /** Reports how many bytes of the staged file at `path` have been read, until the returned function is called. */
  readonly watchProgress?: (path: string, listener: (bytesRead: number) => void) => () => void;
}
