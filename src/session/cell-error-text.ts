// DuckDB's most common errors said in the user's language, with what to do. A table that is not there says
// why: its file failed to load, the notebook declares it but its file is not loaded, or nothing is called that
// (DuckDB's own text suggests the closest name in any catalog, "Did you mean "pg_type"?", its internals).
// Any other error keeps DuckDB's text.
import { loadReason } from "../messages/load-lead";
import { sessionMessages as m } from "../messages/session";
import type { DataSource } from "../notebook/types";

/** A file that could not be loaded into its table, and why (the engine's reason, or the fetch's). */
export interface FailedLoad {
  readonly file: string;
  readonly reason: string;
  /** The file never arrived: its fetch from the site failed (a linked notebook's data). */
  readonly fetch?: boolean;
  /** The file was never asked for: its path leaves the linked notebook's folder on the site. */
  readonly refused?: boolean;
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
  if (failed?.refused) return m.tableFileRefused(table, failed.file);
  if (failed?.fetch) return m.tableFetchFailed(table, failed.file, failed.reason);
  if (failed) return m.tableLoadFailed(table, failed.file, loadReason(failed.reason, failed.file));
  const declared = Object.entries(known.declared).find(([name]) => name.toLowerCase() === key)?.[1];
  if (declared?.file !== undefined) return m.tableNotLoaded(table, declared.file);
  const suggestion = match[2] && !INTERNAL.test(match[2]) ? match[2] : undefined;
  return m.noSuchTable(table, suggestion);
}

/** The names in DuckDB's list of candidates (`"a", "b"`), none when there is no list. */
const names = (list: string | undefined): string[] => [...(list ?? "").matchAll(/"([^"]+)"/g)].map((n) => n[1]);

/** DuckDB's common errors, each a pattern and the message it becomes (from the pattern's groups). */
const ENGINE_ERRORS: readonly [RegExp, (...groups: string[]) => string][] = [
  [
    /Binder Error: Referenced column "([^"]+)" not found in FROM clause!(?:\s*Candidate bindings: ([^\n]*))?/,
    (column, list) => m.columnNotFound(column, names(list)),
  ],
  [
    /Binder Error: Table "([^"]+)" does not have a column named "([^"]+)"(?:\s*Candidate bindings: :? ?([^\n]*))?/,
    (table, column, list) => m.tableNoColumn(table, column, names(list)),
  ],
  [
    /Binder Error: Referenced table "([^"]+)" not found!(?:\s*Candidate tables: ([^\n]*))?/,
    (name, list) => m.qualifierNotFound(name, names(list)),
  ],
  [
    /Binder Error: Column "([^"]+)" does not exist on (left|right) side of join!/,
    (column, side) => m.joinColumn(column, side === "left"),
  ],
  [
    /Binder Error: column "([^"]+)" must appear in the GROUP BY clause or must be part of an aggregate function/,
    (column) => m.notGrouped(column),
  ],
  [/Parser Error: syntax error at or near "([^"]*)"/, (token) => m.syntaxNear(token)],
  [/Parser Error: syntax error at end of input/, () => m.syntaxEnd()],
  [/Conversion Error: Could not convert string '(.*)' to ([A-Z0-9_]+)$/m, (value, type) => m.notConverted(value, type)],
  [
    /Catalog Error: (?:Scalar |Aggregate |Table |Pragma )?Function with name (\S+) does not exist!(?:\s*Did you mean "([^"]+)"\?)?/,
    (name, suggestion) => m.noSuchFunction(name, suggestion && !INTERNAL.test(suggestion) ? suggestion : undefined),
  ],
];

/** The message for one of DuckDB's common errors in the user's language (undefined for any other). */
export function engineErrorMessage(message: string): string | undefined {
  for (const [pattern, say] of ENGINE_ERRORS) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return undefined;
}

/** `error` with its message said for the user when it is a missing table or a common DuckDB error (line and column kept). */
export function explainCellError(error: unknown, known: TableKnowledge): unknown {
  if (!(error instanceof Error)) return error;
  const message = missingTableMessage(error.message, known) ?? engineErrorMessage(error.message);
  if (message !== undefined) error.message = message;
  return error;
}
