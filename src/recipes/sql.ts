// SQL text building for recipes: identifier quoting, typed literals and the WITH list.
// Client column names reach SQL only through quoteIdent; parameter values only through the literal helpers.
import { tableShadowsCte, invalidLiteral } from "../messages/recipes";
import { RecipeError } from "./errors";
import { quoteIdent as quoted } from "../sql/ident";

/**
 * Today's date (UTC) in SQL. Not `current_date`: in duckdb-wasm that needs the icu extension, which the
 * locked-down browser engine never loads; casting `now()` to a plain TIMESTAMP needs nothing.
 */
export const TODAY_SQL = "CAST(CAST(now() AS TIMESTAMP) AS DATE)";

/** Quotes an identifier for DuckDB, doubling embedded quotes (a header can be `x" FROM t; --`). */
export function quoteIdent(name: string): string {
  refuseInterpolation(name);
  return quoted(name);
}

/** Quotes a text literal, doubling embedded single quotes. */
export function sqlString(value: string): string {
  refuseInterpolation(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** A `${` in generated SQL would read as a notebook parameter reference, so names holding one are refused. */
function refuseInterpolation(text: string): void {
  if (text.includes("${")) throw new RecipeError(invalidLiteral(text));
}

/** Writes a finite number as SQL: integers plainly, others as DOUBLE so arithmetic never turns DECIMAL. */
export function sqlNumber(value: number, asDouble = !Number.isInteger(value)): string {
  if (!Number.isFinite(value)) throw new RecipeError(invalidLiteral(String(value)));
  const text = String(value);
  return asDouble ? `CAST(${text} AS DOUBLE)` : text;
}

/** Writes an ISO date (`YYYY-MM-DD`) as a DATE literal, or a typed NULL when there is none. */
export function sqlDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "CAST(NULL AS DATE)";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RecipeError(invalidLiteral(iso));
  return `DATE '${iso}'`;
}

/** Writes a boolean literal. */
export function sqlBool(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/** One entry of a `params` CTE: the SQL literal, the column name and a comment for the reader. */
export interface ParamColumn {
  readonly name: string;
  readonly sql: string;
  readonly comment?: string;
}

/** Renders the body of a one-row `params` CTE, one parameter per line with its comment. */
export function paramsBody(columns: readonly ParamColumn[]): string {
  if (columns.length === 0) return "SELECT 1 AS none";
  const width = Math.max(...columns.map((c) => `${c.sql} AS ${c.name}`.length));
  const lines = columns.map((c, i) => {
    const text = `${c.sql} AS ${c.name}${i < columns.length - 1 ? "," : ""}`;
    return c.comment ? `  ${text.padEnd(width + 1)}  -- ${c.comment}` : `  ${text}`;
  });
  return `SELECT\n${lines.join("\n")}`;
}

/** A named common table expression, with an optional comment line above it. */
export interface Cte {
  readonly name: string;
  readonly body: string;
  readonly comment?: string;
  /** Tables the body reads by name; checked against the CTEs before it so none is shadowed. */
  readonly reads?: readonly string[];
  /**
   * Written `NOT MATERIALIZED`: DuckDB otherwise stores a CTE read twice, which for a 1M-row mapping costs more
   * than evaluating it twice, and keeps columns a query never reads from being pruned.
   */
  readonly inline?: boolean;
}

/** A ratio fixed to 12 decimals, so means and sums of it are exact and do not wobble with parallel aggregation. */
export function exactRatio(numerator: string, denominator: string): string {
  return `CAST(${numerator} / ${denominator} AS DECIMAL(38, 12))`;
}

/** Renders `WITH a AS (...), b AS (...) <final>` with each CTE indented for reading. */
export function withQuery(ctes: readonly Cte[], final: string): string {
  const seen: string[] = [];
  const parts = ctes.map((cte) => {
    for (const table of cte.reads ?? []) {
      if (seen.includes(table.toLowerCase())) throw new RecipeError(tableShadowsCte(table));
    }
    seen.push(cte.name.toLowerCase());
    const comment = cte.comment ? `${commentLines(cte.comment)}\n` : "";
    const as = cte.inline ? "AS NOT MATERIALIZED" : "AS";
    return `${comment}${cte.name} ${as} (\n${indent(cte.body.trim(), 2)}\n)`;
  });
  return parts.length ? `WITH\n${parts.join(",\n")}\n${final.trim()}` : final.trim();
}

/** Indents every non-empty line of `text` by `spaces` spaces, except lines that continue a quoted name or string. */
export function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  let out = "";
  let quote: string | null = null;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (lineStart && ch !== "\n" && quote === null) out += pad;
    lineStart = false;
    if (quote === null && ch === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (quote === ch) quote = null;
    out += ch;
    if (ch === "\n") lineStart = true;
  }
  return out;
}

/** `text` as `--` comment lines, one per line of it: a line break (in a table name too) cannot end the comment. */
export function commentLines(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => `-- ${line}`.trimEnd())
    .join("\n");
}
