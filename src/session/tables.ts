// Table handling: which table a loaded file becomes (the one naming rule: an explicit name, else the
// declared table asking for a file of this name, else a new name made from the file name), the table
// list (profiling only a newly loaded table), missing declared data, and which cells read a table.
import type { CompiledCell } from "../compile/types";
import { tableNameFor, type LoadReport, type TableSummary } from "../engine/engine";
import { sessionMessages as m } from "../messages/session";
import { declaredFiles } from "../notebook/front-matter";
import type { Notebook } from "../notebook/types";

/** The last path segment of a file reference, lower-cased (`data/Orders.csv` -> `orders.csv`). */
const fileKey = (path: string) => path.replace(/^.*[\\/]/, "").toLowerCase();

/**
 * The table a file named `fileName` is loaded into: `explicit` when given, else the declared table
 * whose file has this name and is not loaded yet, else a fresh name from the file name.
 */
export function tableForFile(
  fileName: string,
  notebook: Notebook,
  tables: readonly TableSummary[],
  explicit?: string,
): string {
  if (explicit !== undefined) return explicit;
  const loaded = new Set(tables.map((t) => t.name.toLowerCase()));
  const declared = Object.entries(notebook.frontMatter.data);
  const wanted = declaredFiles(notebook.frontMatter.data).find(
    ([name, file]) => fileKey(file) === fileKey(fileName) && !loaded.has(name.toLowerCase()),
  );
  if (wanted) return wanted[0];
  const cellNames = notebook.cells.flatMap((c) => (c.name ? [c.name] : []));
  return tableNameFor(fileName, [...tables.map((t) => t.name), ...declared.map(([name]) => name), ...cellNames]);
}

/** The table list with the just-loaded table's summary (from its load report) in place or appended. */
export function withLoadedTable(tables: readonly TableSummary[], report: LoadReport): readonly TableSummary[] {
  const summary: TableSummary = { name: report.table, rows: report.rows, columns: report.columns };
  const at = tables.findIndex((t) => t.name.toLowerCase() === report.table.toLowerCase());
  return at < 0 ? [...tables, summary] : tables.map((t, i) => (i === at ? summary : t));
}

/** The ids of cells whose SQL names `table` (the runtime adds their descendants). */
export function readersOf(table: string, cells: readonly CompiledCell[]): string[] {
  const name = table.toLowerCase();
  return cells.filter((c) => c.references.includes(name)).map((c) => c.id);
}

/** A problem per declared data source that is not loaded (said once the engine is up). */
export function missingData(notebook: Notebook, tables: readonly TableSummary[]): string[] {
  const loaded = new Set(tables.map((t) => t.name.toLowerCase()));
  return declaredFiles(notebook.frontMatter.data)
    .filter(([table]) => !loaded.has(table.toLowerCase()))
    .map(([table, file]) => m.missingData(table, file));
}
