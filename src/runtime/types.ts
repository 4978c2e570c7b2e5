// The runtime's view of a notebook: cells with ids and names, a dependency graph, and per-cell
// run states. Structural types only, so the runtime depends on no other stage of the pipeline.

/** A cell as the runtime sees it; the session's compiled cells satisfy this. */
export interface RuntimeCell {
  readonly id: string;
  readonly name?: string;
  /** A static error (compile or graph): the cell never runs and shows this instead. */
  readonly error?: RunError;
}

/** An error with an optional 1-based position in the cell's source. */
export interface RunError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The dependency graph the runtime schedules by (the graph stage's `CellGraph` fits it). */
export interface RuntimeGraph {
  /** Runnable cell ids in dependency order. */
  readonly order: readonly string[];
  /** Cells that cannot run because of the graph itself (duplicate name, cycle, unknown name). */
  readonly errors: ReadonlyMap<string, RunError>;
  upstream(id: string): string[];
  ancestors(id: string): string[];
  descendants(id: string): string[];
}

/** A cell's run status, as the UI shows it; "stopped": its last run was cancelled by Stop. */
export type RunStatus = "idle" | "running" | "done" | "error" | "stopped";

/** One cell's run state; replaced, never mutated. */
export interface RunState {
  readonly status: RunStatus;
  /** The value or error is from an earlier definition or earlier inputs. */
  readonly stale: boolean;
  readonly value?: unknown;
  readonly error?: RunError;
  readonly elapsedMs?: number;
}

/** What became of a cell, in the Observable runtime observer's words (plus "idle" and "stopped"). */
export type RunEventStatus = "idle" | "pending" | "fulfilled" | "rejected" | "stale" | "stopped";

/** One cell's run state changed: its id, what became of it, and the new state. */
export interface RunEvent {
  readonly id: string;
  readonly status: RunEventStatus;
  readonly state: RunState;
}

/** Options for `Runtime.runAll`. */
export interface RunAllOptions {
  /** Cells to run before the others (with their ancestors), e.g. the ones on screen. */
  readonly first?: readonly string[];
  /** Only these cells (default: all), e.g. the ones whose data is loaded; `first` still goes ahead among them. */
  readonly only?: readonly string[];
}

/** Computes one cell from its inputs (upstream values keyed by cell name); rejects with the cell's error. */
export type Evaluate<C extends RuntimeCell> = (
  cell: C,
  inputs: ReadonlyMap<string, unknown>,
  signal: AbortSignal,
) => Promise<unknown>;

/** What the runtime needs from its owner. */
export interface RuntimeOptions<C extends RuntimeCell> {
  readonly evaluate: Evaluate<C>;
  /** A cell whose fingerprint changes on `define` is re-run when asked and its descendants go stale. */
  readonly fingerprint?: (cell: C) => string;
}

/** Options for `Runtime.run`. */
export interface RunOptions {
  /** Also re-run every descendant of the cell (default true: results downstream stay consistent). */
  readonly descendants?: boolean;
  /**
   * Only the cells that are out of date (default false: the cell itself runs again even when fresh). A live
   * re-run after an edit asks this: a cell the runtime has already run, or is running, with its current
   * definition and inputs is not run again (a drag would otherwise run a reader twice for one value).
   */
  readonly outdated?: boolean;
}

/** The reactive scheduler: define cells, run them in dependency order, observe their states. */
export interface Runtime<C extends RuntimeCell> {
  /** Replaces the program; changed cells and everything downstream of them become stale. */
  define(cells: readonly C[], graph: RuntimeGraph): void;
  /** Runs the cell, its ancestors that are not fresh, and (by default) its descendants. */
  run(id: string, options?: RunOptions): Promise<void>;
  /** Runs every runnable cell in dependency order; `first` (and what they need) go ahead of the rest. */
  runAll(options?: RunAllOptions): Promise<void>;
  /** Marks cells (default: all) as out of date, e.g. after the data behind them changed. */
  invalidate(ids?: readonly string[]): void;
  /**
   * Stops the running cell (its status becomes "stopped", its previous result stays) and drops
   * everything queued; queued cells keep their previous results, marked stale.
   */
  cancel(): void;
  /** The run state of a cell (idle for an unknown id). */
  state(id: string): RunState;
  /** Calls `listener` once per cell whose run state changed; returns the unsubscribe function. */
  subscribe(listener: (event: RunEvent) => void): () => void;
}
