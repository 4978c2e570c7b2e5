// The seam between the session and wherever user TypeScript runs (the sandbox Worker in the
// browser, a worker_thread with a bare node:vm context in Node). Everything that crosses it is
// structured-cloneable data; the runner never sees the engine, only the `CodeHost` callbacks.
import type { Value } from "../table/result";

/** A column of a table crossing the seam: its name and DuckDB type name (e.g. `BIGINT`, `DATE`). */
export interface WireColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * A table crossing the seam, column-major (cheap to structured-clone): `data[c][r]` is row r of
 * column c. DATE and TIMESTAMP values are epoch milliseconds, as in `ResultTable`.
 */
export interface WireTable {
  readonly columns: readonly WireColumn[];
  readonly data: readonly (readonly Value[])[];
}

/** What the running code may ask of the session: the only way out of the sandbox. */
export interface CodeHost {
  /** Runs one SQL query with `?` placeholders bound to `params` in order; rejects with the engine's message. */
  sql(text: string, params: readonly Value[]): Promise<WireTable>;
  /** Receives `console.log`-style output of the cell (optional; dropped when absent). */
  log?(text: string): void;
}

/** One cell to run. */
export interface CodeRequest {
  /** The cell's name (or id when it has none), for messages and stack traces. */
  readonly cell: string;
  /**
   * The body of an async function, already transpiled to JavaScript by compile/; `return` gives the
   * cell's value. It reads everything through one parameter named `CODE_PARAMETER`, whose value the
   * runner builds with `codeScope(request, host, lib)` from `./scope` (run it inside the sandbox).
   */
  readonly js: string;
  /** Upstream plain values (inputs, ts values) by cell name: numbers, text, arrays, plain objects. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Upstream table results by cell name; the code sees each as an array of row objects. */
  readonly tables: Readonly<Record<string, WireTable>>;
  /** When true and the code returns rows (a list of plain objects), they come back as a `CellRows` (./cell-rows). */
  readonly rows?: boolean;
}

/** The name of the single parameter the compiled `js` reads its scope from. */
export const CODE_PARAMETER = "__clientbook";

/** The cell's code threw (or could not run); `line`/`column` are 1-based positions in `CodeRequest.js`. */
export class CodeError extends Error {
  override readonly name = "CodeError";
  constructor(
    message: string,
    /** 1-based line in `js`, when the runner could tell. */
    readonly line?: number,
    /** 1-based column in `js`, when the runner could tell. */
    readonly column?: number,
  ) {
    super(message);
  }
}

/**
 * Where user code runs. One runner serves a whole session; runs do not overlap (the runtime runs one
 * cell at a time). Implementations: `nodeCodeRunner` (sandbox-node/: a worker thread whose vm context
 * builds the scope from ./scope) and `sandboxRunner` (sandbox/: a fresh Worker and MessageChannel per
 * run, which calls `executeCode` from ./execute). Both turn the value into a CellResult with
 * `cellResult` (./cell-result) where the code ran; the shell side answers `sql` with the `host` given
 * to `run`. `stop()` and an abort end the code (the only way to end an endless loop). The contract
 * suite in test/code/contract.ts runs against both.
 */
export interface CodeRunner {
  /**
   * Runs the cell and resolves with its return value (structured-cloned out of the sandbox; rows as a
   * `CellRows` when `request.rows`), or rejects with a CodeError (a result over the limits of
   * ./limits included). When `signal` aborts, the run rejects at once and its result is
   * dropped; the runner may let the code finish in the background or kill it.
   */
  run(request: CodeRequest, host: CodeHost, signal: AbortSignal): Promise<unknown>;
  /** Kills the running code at once (an endless loop included); its run rejects. The runner stays usable. */
  stop(): void;
  /** Releases the runner (terminates its worker); later runs reject. */
  close(): void;
}
