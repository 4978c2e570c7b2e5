// The named cell results a recipe can read, listed by the gallery beside the loaded tables: every named
// sql cell, and every ts cell that returned rows. Their columns come from the result's schema once run.
import type { ColumnProfile } from "../engine/engine";
import type { SessionState } from "../session/types";

/** A named cell's result as a recipe source: its columns when it has run, else whether it failed. */
export interface CellRelation {
  readonly name: string;
  readonly id: string;
  /** The result's columns (null counts unknown: 0); absent until the cell has run without error. */
  readonly columns?: readonly ColumnProfile[];
  readonly failed: boolean;
}

/** The named cells whose result is a table (or, for sql cells not run yet, will be), in notebook order. */
export function cellRelations(state: SessionState): CellRelation[] {
  return state.cells.flatMap((s) => {
    const { name, kind, id } = s.cell;
    if (!name || (kind !== "sql" && kind !== "ts")) return [];
    const failed = s.status === "error";
    const table = !failed && s.output?.type === "table" ? s.output.table : undefined;
    // A ts cell is a relation only once it has returned rows.
    if (kind === "ts" && !table) return [];
    const columns = table?.columns.map((c) => ({ name: c.name, type: c.type, nulls: 0 }));
    return [{ name, id, failed, ...(columns ? { columns } : {}) }];
  });
}

/** The relation named `name`, or undefined. */
export function cellRelation(state: SessionState, name: string): CellRelation | undefined {
  return cellRelations(state).find((r) => r.name === name);
}
