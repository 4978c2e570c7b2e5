// The contract between the headless session (which both the UI and the CLI hold) and its users.
// The UI renders `SessionState` (through `subscribe`) or follows typed per-cell events (through `on`).
import type { Cell, NewCell, Notebook } from "../notebook/types";
import type { RunError, RunStatus } from "../runtime/types";
import type { LoadOptions, LoadReport, TableSummary, FileSource } from "../engine/engine";
import type { ResultTable, Value } from "../table/result";
import type { InputSpec, InputValue } from "../compile/types";
import type { CodeRunner } from "../code/runner";
import type { ChartOffers } from "../charts/offers";
import type { LinkedSelection } from "../charts/plan/linked";

/** A cell's run state, as shown in `data-state` (the runtime's status union, not a copy of it). */
export type CellStatus = RunStatus;

/** What went wrong in a cell, with a position in the cell's source when known (1-based). */
export type CellError = RunError;

/** What a cell produced. */
/** One computed value of a Markdown cell: its text, or (failed) the message saying why it has none. */
export interface MarkdownValue {
  readonly text: string;
  readonly failed?: boolean;
}

/** A Markdown cell's prose pieces and the computed values between them (one piece more than values). */
export interface MarkdownTemplate {
  readonly pieces: readonly string[];
  readonly values: readonly MarkdownValue[];
}

export type CellOutput =
  /**
   * `table` holds the rows read with the run (at most the display cap, 100,000 rows; a first page where the
   * session reads one); `totalRows` is the true row count of the result; `readRows` reads rows further down.
   */
  | {
      readonly type: "table";
      readonly table: ResultTable;
      readonly totalRows?: number;
      /**
       * Reads rows [start, end) of a named cell's result from its temp table (present when `table` is a first page);
       * for the run of `signal` when a run reads them (its Stop skips the read).
       */
      readonly readRows?: (start: number, end: number, signal?: AbortSignal) => Promise<ResultTable>;
    }
  /**
   * A Vega-Lite spec with its data inlined as `data.values`, ready for the chart sandbox. `rows` is how many rows
   * were inlined; `note` says when that is fewer than the data cell has (the chart row cap), and `offers`
   * what would draw every row instead (a raised cap, a heatmap of the scatter).
   */
  | {
      readonly type: "chart";
      readonly spec: Record<string, unknown>;
      readonly rows: number;
      readonly note?: string;
      readonly offers?: ChartOffers;
    }
  /**
   * Markdown text with interpolations resolved and escaped (for the CLI and later cells). `template` is what
   * the UI renders: the prose pieces, parsed and sanitized with opaque placeholders, and the values put in as text.
   */
  | { readonly type: "markdown"; readonly text: string; readonly template?: MarkdownTemplate }
  /**
   * An input control to draw: its spec, current value and (select, multiselect) the choices offered,
   * which come from the spec's `options` or from the `options_from` sql cell's column.
   */
  | {
      readonly type: "input";
      readonly spec: InputSpec;
      readonly value: InputValue;
      readonly options?: readonly (string | number)[];
    }
  /**
   * Any other value (a number, text, an object) shown as text. A chart selection's value also says what it
   * selects (`selection`: its type, field and time unit), so a chart filtering by it can plan the filter.
   */
  | {
      readonly type: "value";
      readonly value: Value | Record<string, unknown> | unknown[];
      readonly selection?: Omit<LinkedSelection, "value">;
    };

/**
 * Everything about one cell the UI needs: the document cell plus its run state. The same object
 * comes back in every snapshot until the cell's document or run state changes.
 */
export interface CellState {
  readonly cell: Cell;
  readonly status: CellStatus;
  /** The output is from an earlier run and an input of the cell has changed since. */
  readonly stale: boolean;
  readonly error?: CellError;
  readonly output?: CellOutput;
  /** Milliseconds the last run took. */
  readonly elapsedMs?: number;
  /**
   * The `log(...)` lines of the cell's latest run (ts cells, Markdown `${}`), absent when it logged
   * nothing. Capped (200 lines, 20,000 characters); a cut log ends with a "… N more lines" note.
   */
  readonly logs?: readonly string[];
}

/** A snapshot of the whole session. Replaced (never mutated) on every change. */
export interface SessionState {
  readonly notebook: Notebook;
  readonly cells: readonly CellState[];
  readonly tables: readonly TableSummary[];
  /** Problems with the notebook as a whole (e.g. a declared data file is missing). */
  readonly problems: readonly string[];
  /** Whether the notebook may run: shipped notebooks are trusted; others run on the user's word. */
  readonly trusted: boolean;
  /** True while the engine is starting; the notebook can be read and edited meanwhile. */
  readonly engineReady: boolean;
}

/** What changed in a session, for views that follow one part of it. */
export type SessionEvent =
  /** One cell's document or run state changed (a new `CellState` object). */
  | { readonly type: "cell"; readonly id: string; readonly state: CellState }
  /** Cells were added, removed or moved, or the front matter (title, data sources) changed. */
  | { readonly type: "document"; readonly notebook: Notebook }
  | { readonly type: "tables"; readonly tables: readonly TableSummary[] }
  | {
      readonly type: "session";
      readonly trusted: boolean;
      readonly engineReady: boolean;
      readonly problems: readonly string[];
    }
  /** During `runAll`: cells finished out of those scheduled, and the one running now. */
  | { readonly type: "progress"; readonly done: number; readonly total: number; readonly running?: string };

/** A new cell to insert (notebook/ owns the shape; the session's callers take it from here too). */
export type { NewCell } from "../notebook/types";

/** How a session runs cells. */
export interface SessionOptions {
  /** Where ts cells and Markdown `${}` expressions run; without one they fail with a message. */
  readonly runner?: CodeRunner;
  /**
   * Live re-execution: after an edit (source, input value, rename, delete) of a trusted notebook, the
   * changed cells and their descendants re-run after this many ms of quiet (debounced while typing).
   * `false` turns it off (cells then run only on `run`/`runAll`). Default 200 (the only debounce between
   * a keystroke and a run: views call `setSource` on every change); tests use 0.
   */
  readonly liveDelayMs?: number | false;
  /** Receives `log(...)` lines of ts cells, with the cell's name or id. */
  readonly onLog?: (cell: string, text: string) => void;
  /**
   * Rows of a named sql cell's result read back with its run; the rest, up to the display cap, on demand
   * (`readRows`). Default: the display cap (100,000). The app reads a first page: reading 100,000 rows in
   * duckdb-wasm and turning them into values took seconds of the page's main thread per result.
   */
  readonly firstRows?: number;
}

/** How `runAll` runs: which cells go first, and whether it runs only some of them. */
export interface SessionRunAllOptions {
  /** Cells to run before the others (with their ancestors), e.g. the ones on screen. */
  readonly first?: readonly string[];
  /**
   * Only `first` and the cells they read ("first": a first chart before the rest of the data loads), or only
   * the cells out of date or failed ("outdated": the rest, once it has loaded). Default: every cell.
   */
  readonly only?: "first" | "outdated";
}

/** The headless notebook: open, edit, run, load data, save. */
export interface Session {
  getState(): SessionState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Calls `listener` with each typed change (cell, document, tables, session, progress); returns the unsubscribe. */
  on(listener: (event: SessionEvent) => void): () => void;
  /** The current state of one cell (undefined for an unknown id). */
  cellState(id: string): CellState | undefined;

  /** Replaces the notebook with the one in `text`; throws a NotebookError for an unreadable file. */
  open(text: string, options: { trusted: boolean }): void;
  /** Serializes the notebook to its Markdown file text. */
  save(): string;
  /**
   * Each cell's result key (by cell id): it changes when the cell, a cell it reads or a value chosen for one
   * changes, so a result kept from an earlier visit is shown only for the cell as it was when that result was made.
   */
  resultKeys(): ReadonlyMap<string, string>;
  /** Marks the notebook as trusted (the user said "run"). */
  trust(): void;

  /** Replaces a cell's source (cheap: recompiles only that cell); a live session re-runs it once typing pauses. */
  setSource(cellId: string, source: string): void;
  /**
   * Sets an input cell's value: checked against its spec (throws with the problem), written into the
   * cell's JSON `"value"` (so `save` keeps it), then the input and its descendants re-run (live: at
   * once for a moved control, after a pause in typing for a text input).
   * A choice among options from data is kept in memory only, unless the spec says `"remember": true`.
   */
  setInputValue(cellId: string, value: unknown): void;
  /** Sets whether an input with options from data saves its choice in the file (`"remember"` in its spec). */
  rememberInput(cellId: string, remember: boolean): void;
  /**
   * Sets what chart cell `chartId`'s selection `name` holds, as the chart reports it (the brushed extent or
   * the clicked values; empty: cleared). Kept in memory; the readers re-run at once (live), the chart does not.
   * Throws for values that are not a list of plain values; a name the chart no longer declares is ignored.
   */
  setSelection(chartId: string, name: string, values: unknown): void;
  rename(cellId: string, name: string): void;
  /** Sets one `key=value` attribute of the cell's info string (e.g. a chart's `cap=`); the cell re-runs (live). */
  setAttribute(cellId: string, key: string, value: string): void;
  insertCell(index: number, cell: NewCell): string;
  deleteCell(cellId: string): void;
  moveCell(cellId: string, toIndex: number): void;

  /** Runs one cell (and what it needs that has not run). */
  run(cellId: string): Promise<void>;
  /** Runs every cell in dependency order, `first` (e.g. the visible cells) ahead where dependencies allow. */
  runAll(options?: SessionRunAllOptions): Promise<void>;
  /** The declared tables that cells `ids` and the cells they read name in their code (to load those first). */
  tablesRead(ids: readonly string[]): string[];
  /** Resolves once no live re-run is waiting (debounce) or running. */
  whenIdle(): Promise<void>;
  /**
   * Stops what is running: the query is interrupted, a ts cell's code is killed (an endless loop
   * too; the runner stays usable), queued runs are dropped; earlier results stay, marked stale, and the
   * interrupted cell's status is "stopped".
   */
  cancel(): Promise<void>;

  /**
   * Loads a client file into `table`, else the declared table for this file name, else a table named
   * after the file; only the new table is profiled and only the cells reading it go stale (and re-run
   * live when they had run).
   */
  loadFile(source: FileSource, options?: LoadOptions & { table?: string }): Promise<LoadReport>;
  /**
   * The file of `table` could not be fetched (a linked notebook's data; `reason`: the status or network
   * error): the cells reading it say so, and those that failed already run again to say it.
   */
  fetchFailed(table: string, file: string, reason: string): void;
  /**
   * The file of `table` was not fetched: its path leaves the linked notebook's folder (another site, `../`). The
   * cells reading it say so, and those that failed already run again to say it.
   */
  fileRefused(table: string, file: string): void;
  /**
   * Drops a loaded table from the database; its declaration stays in the front matter (the notebook
   * asks for the file again). The cells reading it go stale; resolves with their ids.
   */
  dropTable(table: string): Promise<string[]>;
  /**
   * Renames columns of a loaded table in one statement (`{ theirs: expected }`), so a file whose columns
   * are named otherwise fits the notebook; the cells reading the table go stale.
   */
  renameColumns(table: string, renames: Readonly<Record<string, string>>): Promise<void>;
  /** Sets the column roles for a declared table or a named cell's result (saved in the front matter). */
  setRoles(table: string, roles: Record<string, string>): void;
}
