// The per-cell view the UI reads: a document cell joined with its run state and log. A cell's
// `CellState` object is rebuilt only when one of those three changed, so a view keyed on it
// re-renders only its own cell; the ids of rebuilt cells are collected for the session's events.
import type { Cell } from "../notebook/types";
import type { RunState } from "../runtime/types";
import type { CellOutput, CellState } from "./types";

interface Entry {
  readonly cell: Cell;
  readonly run: RunState;
  readonly logs: readonly string[] | undefined;
  readonly state: CellState;
}

/** Cached cell states, keyed by cell id. */
export interface CellStates {
  /** The state of `cell` with `run` and `logs`: the previous object when none of them changed. */
  get(cell: Cell, run: RunState, logs: readonly string[] | undefined): CellState;
  /** The cached state of a cell id (as last built). */
  peek(id: string): CellState | undefined;
  /** Forgets cells not in `ids` (deleted ones). */
  keep(ids: ReadonlySet<string>): void;
  /** The ids rebuilt since the last call, in the order they changed. */
  takeChanged(): string[];
}

/** An empty cache. */
export function createCellStates(): CellStates {
  const entries = new Map<string, Entry>();
  const changed = new Set<string>();
  return {
    get(cell, run, logs) {
      const entry = entries.get(cell.id);
      if (entry && entry.cell === cell && entry.run === run && entry.logs === logs) return entry.state;
      const state = cellStateOf(cell, run, logs);
      entries.set(cell.id, { cell, run, logs, state });
      changed.add(cell.id);
      return state;
    },
    peek: (id) => entries.get(id)?.state,
    keep(ids) {
      for (const id of [...entries.keys()])
        if (!ids.has(id)) {
          entries.delete(id);
          changed.delete(id);
        }
    },
    takeChanged() {
      const ids = [...changed];
      changed.clear();
      return ids;
    },
  };
}

function cellStateOf(cell: Cell, run: RunState, logs: readonly string[] | undefined): CellState {
  let output = run.value as CellOutput | undefined;
  let status = run.status;
  // Markdown needs no engine: it shows as written until the runtime has interpolated it.
  if (cell.kind === "markdown" && !output && !run.error) {
    output = { type: "markdown", text: cell.source };
    if (status === "idle") status = "done";
  }
  return Object.freeze({
    cell,
    status,
    stale: run.stale,
    ...(run.error ? { error: run.error } : {}),
    ...(output ? { output } : {}),
    ...(run.elapsedMs !== undefined ? { elapsedMs: run.elapsedMs } : {}),
    ...(logs?.length ? { logs } : {}),
  });
}
