// Edits of the front matter's data sources, as the session makes them when a file is loaded or its
// column roles are set. The notebook is immutable: each helper returns a new one; the serializer
// then rewrites only the changed keys, keeping the rest of the front matter text as it was.
import type { DataSource, Notebook } from "./types";

/** Returns `nb` with data source `table` declared as `source` (added, or replaced in place). */
export function withDataSource(nb: Notebook, table: string, source: DataSource): Notebook {
  return { ...nb, frontMatter: { ...nb.frontMatter, data: { ...nb.frontMatter.data, [table]: source } } };
}

/** Returns `nb` with the column roles of `table` set; an undeclared table is declared with `file`, or left out without one. */
export function withRoles(
  nb: Notebook,
  table: string,
  roles: Readonly<Record<string, string>>,
  file?: string,
): Notebook {
  const declared = nb.frontMatter.data[table]?.file ?? file;
  if (declared === undefined) return nb;
  return withDataSource(
    nb,
    table,
    Object.keys(roles).length ? { file: declared, roles: { ...roles } } : { file: declared },
  );
}

/** Returns `nb` with the roles a recipe reads from cell `cell`'s result saved as `data.<cell>.roles` (no file). */
export function withResultRoles(nb: Notebook, cell: string, roles: Readonly<Record<string, string>>): Notebook {
  return Object.keys(roles).length ? withDataSource(nb, cell, { roles: { ...roles } }) : withoutDataSource(nb, cell);
}

/** Returns `nb` without data source `table`. */
export function withoutDataSource(nb: Notebook, table: string): Notebook {
  const data = { ...nb.frontMatter.data };
  delete data[table];
  return { ...nb, frontMatter: { ...nb.frontMatter, data } };
}
