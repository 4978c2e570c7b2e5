// What the SQL editor completes: every loaded table and every named cell result, with columns.
import type { SessionState } from "../session/types";

/** Table and cell-result names mapped to their column names, for @codemirror/lang-sql's `schema`. */
export function completionSchema(state: SessionState): Record<string, string[]> {
  const schema: Record<string, string[]> = Object.create(null);
  for (const table of state.tables) schema[table.name] = table.columns.map((c) => c.name);
  for (const c of state.cells) {
    if (c.cell.kind !== "sql" || !c.cell.name) continue;
    schema[c.cell.name] = c.output?.type === "table" ? c.output.table.columns.map((col) => col.name) : [];
  }
  return schema;
}
