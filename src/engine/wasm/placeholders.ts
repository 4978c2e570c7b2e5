// The `?` placeholders of a statement, rewritten. duckdb-wasm binds every JavaScript number as DOUBLE (its
// parameters travel as JSON), so `range(?)` or `LIMIT ?` would fail where native DuckDB binds an integer: integer
// parameters get an explicit cast at their placeholder. Values that cannot carry SQL may instead be written in
// as typed literals (literals.ts); every rewrite keeps the edits, so error positions map back to the text sent.
import type { Value } from "../../table/result";

/** A statement with its placeholders rewritten, and where the text grew (to map error positions back). */
export interface Rewritten {
  readonly sql: string;
  /** How many placeholders were found (outside strings, quoted names and comments). */
  readonly count: number;
  /** Each replacement's offset in the rewritten text and how many characters it added. */
  readonly edits: readonly { readonly at: number; readonly added: number }[];
}

/** Replaces each `?` placeholder by `replace(index)`; strings, comments and quoted names are skipped. */
export function rewritePlaceholders(sql: string, replace: (index: number) => string): Rewritten {
  let out = "";
  let count = 0;
  const edits: { at: number; added: number }[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    let end = i + 1;
    if (ch === "'" || ch === '"') {
      end = sql.indexOf(ch, i + 1);
      // A doubled quote inside continues the literal.
      while (end >= 0 && sql[end + 1] === ch) end = sql.indexOf(ch, end + 2);
      end = end < 0 ? sql.length : end + 1;
    } else if (ch === "-" && next === "-") {
      end = sql.indexOf("\n", i);
      end = end < 0 ? sql.length : end;
    } else if (ch === "/" && next === "*") {
      end = sql.indexOf("*/", i + 2);
      end = end < 0 ? sql.length : end + 2;
    } else if (ch === "?") {
      const text = replace(count++);
      if (text !== "?") edits.push({ at: out.length, added: text.length - 1 });
      out += text;
      i++;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return { sql: out, count, edits };
}

/** The offset in the original statement of `position`, an offset into the rewritten one. */
export function originalPosition(rewritten: Rewritten, position: number): number {
  let shift = 0;
  for (const edit of rewritten.edits) if (edit.at < position) shift += Math.min(edit.added, position - edit.at);
  return Math.max(0, position - shift);
}

const isInteger = (p: Value) => typeof p === "number" && Number.isSafeInteger(p);

/** Rewrites the `?` placeholders whose parameter is a whole number to `(?::BIGINT)`; strings, comments and quoted names are skipped. */
export function typedPlaceholders(sql: string, params: readonly Value[]): string {
  return typedRewrite(sql, params).sql;
}

/** `typedPlaceholders` with its edits. */
export function typedRewrite(sql: string, params: readonly Value[]): Rewritten {
  if (!params.some(isInteger)) return { sql, count: params.length, edits: [] };
  return rewritePlaceholders(sql, (i) => (isInteger(params[i]) ? "(?::BIGINT)" : "?"));
}
