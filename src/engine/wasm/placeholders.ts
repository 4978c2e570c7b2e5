// duckdb-wasm binds every JavaScript number as DOUBLE (its parameters travel as JSON), so
// `range(?)` or `LIMIT ?` would fail where native DuckDB binds an integer. Integer parameters get
// an explicit cast at their placeholder; the value itself is still bound, never spliced into the SQL.
import type { Value } from "../../table/result";

/** Rewrites the `?` placeholders whose parameter is a whole number to `(?::BIGINT)`; strings, comments and quoted names are skipped. */
export function typedPlaceholders(sql: string, params: readonly Value[]): string {
  if (!params.some((p) => typeof p === "number" && Number.isSafeInteger(p))) return sql;
  let out = "";
  let index = 0;
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
      const p = params[index++];
      out += typeof p === "number" && Number.isSafeInteger(p) ? "(?::BIGINT)" : "?";
      i++;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}
