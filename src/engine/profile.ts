// Table summaries for the data panel and load reports: columns with DuckDB types, null counts and
// row counts, computed with plain SQL so every engine shares it.
import type { ResultTable } from "../table/result";
import type { ColumnProfile, QueryOptions, TableSummary } from "./engine";
import { quoteIdent, quoteString } from "./load/sql";

/** Runs one SQL statement without parameters (`quick`: a small read, one worker round trip in duckdb-wasm). */
export type Exec = (sql: string, options?: QueryOptions) => Promise<ResultTable>;

// Catalog reads and small samples: answered in one round trip (a pending query takes three or more), and over
// in milliseconds, so not being able to interrupt them costs nothing.
const quick = { quick: true } as const;

/** Lists the user's tables (not temporary cell results), or just `only`, with columns and counts. */
export async function profileTables(exec: Exec, only?: string): Promise<TableSummary[]> {
  const filter = only === undefined ? "" : ` AND c.table_name = ${quoteString(only)}`;
  const cols = await exec(
    `SELECT c.table_name, c.column_name, c.data_type FROM duckdb_columns() c JOIN duckdb_tables() t
       ON t.table_oid = c.table_oid
     WHERE NOT t.temporary AND NOT t.internal AND t.schema_name = 'main' AND t.database_name = current_database()${filter}
     ORDER BY c.table_name, c.column_index`,
    quick,
  );
  const byTable = new Map<string, { name: string; type: string }[]>();
  for (let r = 0; r < cols.numRows; r++) {
    const table = String(cols.column(0)[r]);
    if (!byTable.has(table)) byTable.set(table, []);
    byTable.get(table)!.push({ name: String(cols.column(1)[r]), type: String(cols.column(2)[r]) });
  }
  const out: TableSummary[] = [];
  for (const [name, columns] of byTable) {
    const whole = await nullFree(exec, name);
    let counted = await countValues(
      exec,
      name,
      columns.filter((c) => !whole.has(c.name)),
    );
    // Statistics that do not cover every row are not trusted: every column is counted then.
    if (columns.some((c) => whole.has(c.name) && whole.get(c.name) !== counted.rows))
      counted = await countValues(exec, name, columns);
    const profiles: ColumnProfile[] = columns.map((c) => ({
      ...c,
      nulls: counted.rows - (counted.values.get(c.name) ?? counted.rows),
    }));
    out.push({ name, rows: counted.rows, columns: profiles });
  }
  return out;
}

/** The rows of `table` and the non-null values of each of `columns`. */
async function countValues(exec: Exec, table: string, columns: readonly { name: string }[]) {
  // `count(*)` alone is read from the table's statistics; counting values scans them, and may be interrupted.
  const counts = await exec(
    `SELECT count(*)${columns.map((c) => `, count(${quoteIdent(c.name)})`).join("")} FROM ${quoteIdent(table)}`,
    columns.length ? {} : quick,
  );
  const values = new Map(columns.map((c, i) => [c.name, Number(counts.column(i + 1)[0])]));
  return { rows: Number(counts.column(0)[0]), values };
}

/**
 * The columns of `table` DuckDB's storage already knows to hold no null, with the rows its statistics
 * cover: each top-level validity segment says "Has Null: false" and has no updates. Counting a column's values reads all
 * of them (its strings too); these statistics cost a catalog read. Empty when they cannot be read.
 */
async function nullFree(exec: Exec, table: string): Promise<Map<string, number>> {
  const found = await exec(
    `SELECT column_name AS name, sum(count)::DOUBLE AS rows FROM pragma_storage_info(${quoteString(quoteIdent(table))})
     WHERE segment_type = 'VALIDITY' AND column_path = '[' || column_id || ', 0]'
     GROUP BY column_name HAVING bool_and(contains(stats, 'Has Null: false') AND NOT has_updates)`,
    quick,
  ).catch(() => undefined);
  const out = new Map<string, number>();
  for (let r = 0; r < (found?.numRows ?? 0); r++) out.set(String(found!.column(0)[r]), Number(found!.column(1)[r]));
  return out;
}
