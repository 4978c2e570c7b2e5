// Compiles a sql cell: the names it reads, its `${name}` values turned into bound `?` parameters,
// and a check that it is one query (the session wraps it as CREATE OR REPLACE TEMP TABLE ... AS <sql>).
import { compileMessages as m } from "../messages/compile";
import { positionAt } from "./position";
import { scanSql, type SqlToken } from "./sql-scan";
import type { CellBody, CellError } from "./types";

/** What compiling a sql cell's source yields. */
export interface CompiledSql {
  readonly references: string[];
  readonly body?: Extract<CellBody, { type: "sql" }>;
  readonly error?: CellError;
}

/** DuckDB's reserved keywords: written bare, they are never relation names, so they are not references. */
const RESERVED = new Set(
  (
    "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default " +
    "deferrable desc describe distinct do else end except false fetch for foreign from grant group having in initially " +
    "intersect into lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing primary " +
    "qualify references returning select show some summarize symmetric table then to trailing true union unique unpivot " +
    "using variadic when where window with"
  ).split(" "),
);

const significant = (t: SqlToken) => t.type !== "space" && t.type !== "comment";

/**
 * Compiles SQL source. References are lower-cased names that may be relations: every bare or quoted
 * identifier except a reserved keyword, one right after `.` (a column or schema member), right after AS
 * (an alias being defined), or right before `(` (a function), plus every `${name}`. Over-approximation is harmless
 * for names that are not cells (the graph ignores them), so only those three clear cases are left out.
 */
export function compileSql(source: string): CompiledSql {
  const { tokens, error } = scanSql(source);
  const at = (offset: number, message: string): CompiledSql => ({
    references: [],
    error: { message, ...positionAt(source, offset) },
  });
  if (error) return at(error.offset, error.message);

  const sig = tokens.filter(significant);
  // A trailing ; ends the query; anything significant after a ; is a second statement.
  let last = sig.length - 1;
  while (last >= 0 && sig[last].type === "punct" && sig[last].value === ";") last--;
  if (last < 0) return { references: [], error: { message: m.emptySql() } };
  const semicolon = sig.slice(0, last).find((t) => t.type === "punct" && t.value === ";");
  if (semicolon) return at(semicolon.start, m.secondStatement());

  const references: string[] = [];
  const add = (name: string) => {
    const lower = name.toLowerCase();
    if (!references.includes(lower)) references.push(lower);
  };
  sig.forEach((t, k) => {
    if (t.type === "param") return add(t.value);
    if (t.type !== "ident" && t.type !== "quoted") return;
    const prev = sig[k - 1];
    const next = sig[k + 1];
    if (prev?.type === "punct" && prev.value === ".") return;
    if (prev?.type === "ident" && prev.value.toLowerCase() === "as") return;
    if (next?.type === "punct" && next.value === "(") return;
    if (t.type === "ident" && RESERVED.has(t.value.toLowerCase())) return;
    add(t.value);
  });

  // Keep everything up to the last significant token (leading comments too, so positions stay put).
  let sql = "";
  const params: string[] = [];
  const paramAt: number[] = [];
  for (const t of tokens) {
    if (t.start >= sig[last].end) break;
    if (t.type === "param") {
      paramAt.push(sql.length);
      sql += "?";
      params.push(t.value);
    } else sql += source.slice(t.start, t.end);
  }
  return { references, body: { type: "sql", sql, params, paramAt } };
}

/**
 * Maps a 0-based offset in a compiled query (`body.sql`) back to the 1-based line and column in the
 * cell's source, undoing the `${name}` -> `?` replacements (for positions in DuckDB error messages).
 */
export function sourcePosition(source: string, sqlOffset: number): { line: number; column: number } {
  let shift = 0; // how much longer the source is than the query, up to the current token
  for (const t of scanSql(source).tokens) {
    if (t.type !== "param") continue;
    if (sqlOffset <= t.start - shift) break;
    shift += t.end - t.start - 1;
  }
  return positionAt(source, Math.max(0, Math.min(sqlOffset + shift, source.length)));
}
