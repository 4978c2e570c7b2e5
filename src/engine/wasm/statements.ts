// What the wasm engine remembers per SQL text, so a re-run of the same SQL (an input moved, a brush dragged)
// asks the worker only to run it: the texts DuckDB's parser found to be one statement, and prepared
// statements (DuckDB re-binds one itself when a table it reads was replaced, with the same errors as anew).
import type { AsyncDuckDBConnection, AsyncPreparedStatement } from "@duckdb/duckdb-wasm";

/** How many prepared statements are kept open; the least recently used one is closed beyond that. */
export const PREPARED_KEPT = 32;
/** How many texts known to be one statement are remembered. */
const CHECKED_KEPT = 512;

/** The statement memory of one connection. */
export interface Statements {
  /** Whether `sql` already passed the one-statement check (a check is one worker round trip). */
  known(sql: string): boolean;
  /** Remembers that `sql` is one statement. */
  remember(sql: string): void;
  /** The prepared statement for `sql`: prepared on first use, then kept. */
  prepared(sql: string): Promise<AsyncPreparedStatement>;
  /** Forgets (and closes) the prepared statement for `sql`, e.g. after it failed. */
  drop(sql: string): void;
}

/** A fresh statement memory for `conn`. */
export function statementMemory(conn: AsyncDuckDBConnection): Statements {
  const checked = new Set<string>();
  // Insertion order is use order: a hit is moved to the end, the first entry is the least recently used.
  const kept = new Map<string, AsyncPreparedStatement>();
  const close = (statement: AsyncPreparedStatement | undefined) => void statement?.close().catch(() => undefined);
  return {
    known: (sql) => checked.has(sql),
    remember(sql) {
      if (checked.size >= CHECKED_KEPT) checked.delete(checked.values().next().value as string);
      checked.add(sql);
    },
    async prepared(sql) {
      const hit = kept.get(sql);
      if (hit) {
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const statement = await conn.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > PREPARED_KEPT) {
        const [oldest, evicted] = kept.entries().next().value as [string, AsyncPreparedStatement];
        kept.delete(oldest);
        close(evicted);
      }
      return statement;
    },
    drop(sql) {
      close(kept.get(sql));
      kept.delete(sql);
    },
  };
}
