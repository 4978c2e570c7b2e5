// Says why a cell's query names a table that is not there, in the user's language: its file failed to load,
// the notebook declares it but its file is not loaded, or nothing is called that. DuckDB's own text suggests the
// closest name in any catalog ("Did you mean "pg_type"?"), which points at its internals, not at the user's data.
import { aboutFile, clause } from "../messages/locale";
import { sessionMessages as m } from "../messages/session";
import type { DataSource } from "../notebook/types";

/** A file that could not be loaded into its table, and why (the engine's reason). */
export interface FailedLoad {
  readonly file: string;
  readonly reason: string;
}

/** What the session knows of the tables a cell may read: the notebook's data section and the failed loads. */
export interface TableKnowledge {
  readonly declared: Readonly<Record<string, DataSource>>;
  /** By lower-case table name. */
  readonly failed: ReadonlyMap<string, FailedLoad>;
}

const MISSING = /Catalog Error: Table with name (.+?) does not exist!(?:\s*Did you mean "([^"]+)"\?)?/;
// DuckDB's own catalogs: a suggestion of one of these never helps a notebook.
const INTERNAL = /^(pg_|duckdb_|sqlite_|information_schema|temp\.|system\.)/i;

/** The message for an engine error about a missing table (undefined when `message` is not one). */
export function missingTableMessage(message: string, known: TableKnowledge): string | undefined {
  const match = MISSING.exec(message);
  if (!match) return undefined;
  const table = match[1];
  const key = table.toLowerCase();
  const failed = known.failed.get(key);
  if (failed) return m.tableLoadFailed(table, failed.file, clause(aboutFile(failed.reason, failed.file)));
  const declared = Object.entries(known.declared).find(([name]) => name.toLowerCase() === key)?.[1];
  if (declared?.file !== undefined) return m.tableNotLoaded(table, declared.file);
  const suggestion = match[2] && !INTERNAL.test(match[2]) ? match[2] : undefined;
  return m.noSuchTable(table, suggestion);
}

/** `error` with its message replaced by the missing-table one when it is about a missing table (line and column kept). */
export function explainMissingTable(error: unknown, known: TableKnowledge): unknown {
  if (!(error instanceof Error)) return error;
  const message = missingTableMessage(error.message, known);
  if (message !== undefined) error.message = message;
  return error;
}
