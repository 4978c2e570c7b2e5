// Parameters written into the SQL as typed literals, where a value cannot carry SQL: DuckDB then plans with the
// value (filter pushdown, zone maps) and runs the text in one round trip, where a prepared statement cannot prune
// at plan time and needs a prepare per new text anyway. Only values of a closed alphabet qualify: finite numbers,
// booleans, null, and text that is strictly an ISO date or timestamp, a plain decimal number or +-infinity (the
// bounds a brush binds). Any other text keeps the whole statement bound as parameters, as before.
import type { Value } from "../../table/result";
import { rewritePlaceholders, type Rewritten } from "./placeholders";

// Text whose every character is a digit, `-`, `:`, `.`, `+`, `T`, `Z`, `e`, a space or a letter of "infinity":
// no quote, backslash, semicolon or comment can appear in it, so it stays one literal wherever it lands.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const INFINITY = /^-?infinity$/;

/** The literal that means the same as binding `value` in duckdb-wasm, or undefined when it must stay bound. */
export function literalOf(value: Value): string | undefined {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    // As typedPlaceholders types them: whole numbers BIGINT, the rest DOUBLE (what duckdb-wasm binds).
    if (Number.isSafeInteger(value)) return `(${value}::BIGINT)`;
    const text = String(value);
    return DECIMAL.test(text) ? `(${text}::DOUBLE)` : undefined;
  }
  if (typeof value !== "string" || value.length > 40) return undefined;
  // A text parameter is VARCHAR; a quoted literal takes its type from where it stands, as the parameter does.
  if (ISO_DATE.test(value) || ISO_TIMESTAMP.test(value) || DECIMAL.test(value) || INFINITY.test(value))
    return `'${value}'`;
  return undefined;
}

/**
 * `sql` with every placeholder written as its value's literal, or undefined when a value must stay bound or the
 * text is not one the placeholder scanner reads exactly as DuckDB does (escape strings, dollar quoting).
 */
export function inlineLiterals(sql: string, params: readonly Value[]): Rewritten | undefined {
  if (!params.length || /[\\$]/.test(sql)) return undefined;
  const literals: string[] = [];
  for (const p of params) {
    const literal = literalOf(p);
    if (literal === undefined) return undefined;
    literals.push(literal);
  }
  const rewritten = rewritePlaceholders(sql, (i) => literals[i] ?? "?");
  return rewritten.count === params.length ? rewritten : undefined;
}
