// Runs a recipe's cells (sql, ts and chart) through a real session on the native engine with the Node code
// runner: the built cells are written as a notebook file, the rows loaded from a CSV, every cell run.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Notebook } from "../../src/notebook/types";
import type { CodeRunner } from "../../src/code/runner";
import type { NewCell, Session } from "../../src/session/types";
import { sessionWith } from "../session/helpers";

const dir = mkdtempSync(join(tmpdir(), "clientbook-recipe-"));

/** Writes rows (header first) as a CSV file and returns its path. */
export function writeCsv(name: string, rows: readonly (readonly (string | number)[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => r.join(",")).join("\n") + "\n");
  return path;
}

/** What a session run gave: table rows and chart specs by cell name, errors by cell name, and the logs. */
export interface SessionRun {
  readonly rows: Record<string, Record<string, unknown>[]>;
  readonly charts: Record<string, Record<string, unknown>>;
  readonly errors: Record<string, string>;
  readonly session: Session;
}

/** Runs `cells` in a session with table `table` loaded from `csv`; `close` is called before returning. */
export async function runInSession(
  cells: readonly NewCell[],
  tables: Record<string, string>,
  runner: CodeRunner,
): Promise<Omit<SessionRun, "session">> {
  const nb: Notebook = {
    frontMatter: {
      notebook: 1,
      data: Object.fromEntries(Object.entries(tables).map(([t, path]) => [t, { file: path }])),
      extra: {},
    },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  };
  const { session, close } = await sessionWith(serializeNotebook(nb), { runner, liveDelayMs: 0 });
  try {
    for (const [table, path] of Object.entries(tables)) await session.loadFile(fileSourceFromPath(path), { table });
    await session.runAll();
    const rows: SessionRun["rows"] = {};
    const charts: SessionRun["charts"] = {};
    const errors: SessionRun["errors"] = {};
    for (const s of session.getState().cells) {
      const name = s.cell.name ?? s.cell.id;
      if (s.error) errors[name] = s.error.message;
      if (s.output?.type === "table") rows[name] = s.output.table.rows().map((r) => ({ ...r }));
      if (s.output?.type === "chart") charts[name] = s.output.spec as Record<string, unknown>;
    }
    return { rows, charts, errors };
  } finally {
    await close();
  }
}
