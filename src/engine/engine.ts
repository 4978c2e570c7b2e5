// The one seam between the notebook and DuckDB. Implementations: the duckdb-wasm engine (browser,
// in a Worker) and the native engine (Node: CLI and tests). Nothing outside src/engine imports DuckDB.
import type { ResultTable, Value } from "../table/result";

/** A client file to load: browser `File`s and Node paths both reduce to this. */
export interface FileSource {
  /** The file name as the user sees it, e.g. `Orders 2024.csv`. */
  readonly name: string;
  readonly size: number;
  /** Reads bytes `[start, end)`; used for sniffing and for engines that cannot read the file directly. */
  read(start?: number, end?: number): Promise<Uint8Array>;
  /** The browser `File` when there is one (lets duckdb-wasm read it without copying). */
  readonly file?: Blob;
  /** The path on disk when there is one (Node). */
  readonly path?: string;
}

/** Progress of a file load. */
export interface LoadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows?: number;
}

/** Day/month order of dates written like 03/04/2024: day first (`dmy`) or month first (`mdy`). */
export type DateOrder = "dmy" | "mdy";

/** Options for loading a file into a table. */
export interface LoadOptions {
  /** Text encoding to decode with, overriding detection (e.g. `windows-1252`, `gbk`, `utf-16le`). */
  readonly encoding?: string;
  /** Day/month order of CSV dates like 03/04/2024, overriding DuckDB's guess: day first or month first. */
  readonly dateOrder?: DateOrder;
  /** Bytes DuckDB may hold at most, when lower than its own limit: a file that will not fit is refused unread. */
  readonly memoryLimit?: number;
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** One column of a loaded table. */
export interface ColumnProfile {
  readonly name: string;
  readonly type: string;
  readonly nulls: number;
}

/** What loading a file produced, including everything the user should be told. */
export interface LoadReport {
  readonly table: string;
  readonly file: string;
  readonly format: "csv" | "parquet" | "jsonl";
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
  /** The encoding the text was decoded with (CSV and JSON lines only). */
  readonly encoding?: string;
  /** The delimiter found (CSV only). */
  readonly delimiter?: string;
  /** The day/month order of CSV dates like 03/04/2024 when the user chose it or no value decided it. */
  readonly dateOrder?: DateOrder;
  /** Things worth telling the user: renamed columns, padded ragged rows, rejected lines. */
  readonly warnings: readonly string[];
}

/** A table in the database, for the data panel and editor completion. */
export interface TableSummary {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

/** An error raised by the database, with the position in the SQL when DuckDB gives one. */
export class EngineError extends Error {
  constructor(
    message: string,
    /** 0-based character offset into the SQL text, when known. */
    readonly position?: number,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** One column of `TableData`: its name and DuckDB type name. */
export interface DataColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * Columnar values to make a table from (e.g. the rows a ts cell returned): `data[c][r]` is row r of
 * column c. Types: BOOLEAN, INTEGER, BIGINT, DOUBLE, VARCHAR, DATE and TIMESTAMP (both as epoch ms);
 * any other type name is stored as VARCHAR.
 */
export interface TableData {
  readonly columns: readonly DataColumn[];
  readonly data: readonly (readonly Value[])[];
}

/**
 * A table already encoded as one Arrow IPC stream (a ts cell's rows, built off the page's main
 * thread), with the DuckDB type each column is stored as. The bytes are handed over (transferred).
 */
export interface ArrowTableData {
  readonly columns: readonly DataColumn[];
  readonly ipc: Uint8Array;
}

/** DuckDB's memory in use and the most it may use, in bytes. */
export interface MemoryUse {
  readonly used: number;
  readonly limit: number;
}

/** How a query's result is read. */
export interface QueryOptions {
  /**
   * The caller knows the result is small and quick to make (a capped read of a cell's result, a chart over a
   * small one): read in one piece. duckdb-wasm then needs one worker round trip, but cannot stop it midway.
   */
  readonly quick?: boolean;
  /**
   * The run the query belongs to: aborted before the query's turn in the engine's queue, it is not run at all
   * (rejects with the signal's reason), so a drag's superseded runs do not wait in line before the latest.
   */
  readonly signal?: AbortSignal;
}

/** The database behind a notebook. */
export interface Engine {
  /** Runs one SQL statement, with `?` placeholders bound to `params` in order. */
  query(sql: string, params?: readonly Value[], options?: QueryOptions): Promise<ResultTable>;
  /**
   * Runs `sql` (one statement making a table, `?` bound to `params`), then the quick `read` right behind it in
   * the same turn; duckdb-wasm posts both at once, so one wait on its worker answers both. Resolves with both
   * results; rejects with the first statement's error (the read's result is then not looked at).
   */
  createAndRead(
    sql: string,
    params: readonly Value[],
    read: string,
    options?: QueryOptions,
  ): Promise<[created: ResultTable, read: ResultTable]>;
  /** Loads a client file (CSV/TSV, Parquet or JSON lines) into a new table named `table`. */
  loadFile(source: FileSource, table: string, options?: LoadOptions): Promise<LoadReport>;
  /**
   * Creates (or replaces) the temporary table `name` holding `data`, so later SQL can query it. With a run's
   * `signal` (as for `query`), it is skipped when that run has aborted by its turn, and `cancel(signal)` stops it.
   */
  createTable(name: string, data: TableData | ArrowTableData, options?: Pick<QueryOptions, "signal">): Promise<void>;
  /** Lists the tables (not cell results) with their columns, null counts and row counts. */
  listTables(): Promise<TableSummary[]>;
  /** DuckDB's memory in use and its limit (in the browser, never above WebAssembly's 4 GiB). */
  memory(): Promise<MemoryUse>;
  /**
   * Runs the engine's warm-up query once, at the lowest priority: skipped while other work is queued or running
   * or when any was in the last `quietMs` (default 0), interrupted by any work queued meanwhile. Resolves true once
   * it has run to its end (then it does nothing more), false when it was skipped or interrupted. Absent where
   * nothing needs warming (native code).
   */
  warmUp?(quietMs?: number): Promise<boolean>;
  /**
   * Cancels the query that is running, if any; the cancelled query rejects. With `signal`, only when the running
   * query is that run's (`QueryOptions.signal`): a listing, a load or another run's query goes on.
   */
  cancel(signal?: AbortSignal): Promise<void>;
  /** Releases the database and its memory. */
  close(): Promise<void>;
}

// Re-exported so session/ and ui/ can name tables without importing an engine implementation file.
export { tableNameFor } from "./table-name";
