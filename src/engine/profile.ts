// Table summaries for the data panel and load reports: columns with DuckDB types, null counts and
// row counts, computed with plain SQL so every engine shares it.
import type { ResultTable } from "../table/result";
import type { ColumnProfile, TableSummary } from "./engine";
import { quoteIdent, quoteString } from "./load/sql";

/** Runs one SQL statement without parameters. */
export type Exec = (sql: string) => Promise<ResultTable>;

/** Lists the user's tables (not temporary cell results), or just `only`, with columns and counts. */
export async function profileTables(exec: Exec, only?: string): Promise<TableSummary[]> {
  const filter = only === undefined ? "" : ` AND c.table_name = ${quoteString(only)}`;
  const cols = await exec(
    `SELECT c.table_name, c.column_name, c.data_type FROM duckdb_columns() c JOIN duckdb_tables() t
       ON t.table_oid = c.table_oid
     WHERE NOT t.temporary AND NOT t.internal AND t.schema_name = 'main' AND t.database_name = current_database()${filter}
     ORDER BY c.table_name, c.column_index`,
  );
  const byTable = new Map<string, { name: string; type: string }[]>();
  for (let r = 0; r < cols.numRows; r++) {
    const table = String(cols.column(0)[r]);
    if (!byTable.has(table)) byTable.set(table, []);
    byTable.get(table)!.push({ name: String(cols.column(1)[r]), type: String(cols.column(2)[r]) });
  }
  const out: TableSummary[] = [];
  for (const [name, columns] of byTable) {
    const counts = await exec(
      `SELECT count(*)${columns.map((c) => `, count(${quoteIdent(c.name)})`).join("")} FROM ${quoteIdent(name)}`,
    );
    const rows = Number(counts.column(0)[0]);
    const profiles: ColumnProfile[] = columns.map((c, i) => ({ ...c, nulls: rows - Number(counts.column(i + 1)[0]) }));
    out.push({ name, rows, columns: profiles });
  }
  return out;
}
