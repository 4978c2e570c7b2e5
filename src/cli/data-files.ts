// Finds the file behind each table a notebook run needs: --data first, then the front matter's
// declared file next to the notebook, then in the sample-data folders (public/notebooks/).
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { declaredFiles } from "../notebook/front-matter";
import type { Notebook } from "../notebook/types";

/** A table to load and where its file is, or every place that was tried. */
export type DataFile =
  { readonly table: string; readonly path: string } | { readonly table: string; readonly tried: readonly string[] };

/**
 * Resolves every declared table and every `--data` table, declared ones first, in front-matter order.
 * `sampleDirs` are searched after the notebook's own directory (e.g. public/notebooks/).
 */
export function resolveDataFiles(
  notebook: Notebook,
  notebookPath: string,
  overrides: ReadonlyMap<string, string>,
  cwd: string,
  sampleDirs: readonly string[],
): DataFile[] {
  const out: DataFile[] = [];
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  for (const [table, file] of declaredFiles(notebook.frontMatter.data)) {
    const override = overrides.get(table);
    const candidates =
      override !== undefined
        ? [resolve(cwd, override)]
        : [...new Set([resolve(dirname(notebookPath), file), ...sampleDirs.map((dir) => resolve(dir, file))])];
    const path = candidates.find(isFile);
    out.push(path ? { table, path } : { table, tried: candidates });
  }
  for (const [table, path] of overrides) {
    if (table in notebook.frontMatter.data) continue;
    const full = resolve(cwd, path);
    out.push(isFile(full) ? { table, path: full } : { table, tried: [full] });
  }
  return out;
}
