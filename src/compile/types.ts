// What compiling a cell yields: the names it defines and reads, and a runnable body (or an error).
// Consumed by graph/ (defines, references) and by the session's runtime (body).
import type { CellKind } from "../notebook/types";

/**
 * What went wrong in a cell, with a position in the cell's source when known (1-based).
 * The same shape as CellError in session/types.ts, restated here because compile/ may not import session/.
 */
export interface CellError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** What a cell runs: SQL with `?` for each `${name}` (bound in `params` order), a chart spec, or Markdown. */
export type CellBody =
  | { readonly type: "sql"; readonly sql: string; readonly params: string[] }
  | { readonly type: "chart"; readonly data: string; readonly spec: Record<string, unknown> }
  | { readonly type: "markdown"; readonly text: string };

/** One cell, compiled. */
export interface CompiledCell {
  readonly id: string;
  readonly kind: CellKind;
  readonly name?: string;
  /** `[name]` for a computing cell with a name (as written), else `[]`. */
  defines: string[];
  /**
   * Names the cell may read, lower-cased (DuckDB names are case-insensitive), first occurrence first.
   * SQL: table-like identifiers outside strings and comments (see sql.ts for what is left out) plus `${x}` params;
   * chart: `[data]`. The graph keeps only those that are cell names.
   */
  references: string[];
  /** Absent when the cell does not run (code; ts and input until they are implemented) or on a compile error. */
  readonly body?: CellBody;
  readonly error?: CellError;
}
