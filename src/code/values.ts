// Reads what a ts cell returned: rows (an array of plain objects) as a typed column table, a
// Vega-Lite spec, and the escaping that keeps interpolated values plain text in Markdown.
import type { WireTable } from "./runner";
import type { Value } from "../table/result";

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

/** The DuckDB type for a column's values: BIGINT, DOUBLE, BOOLEAN, TIMESTAMP (Dates) or VARCHAR (text or mixed). */
function typeOf(values: readonly unknown[]): string {
  let type: string | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t =
      typeof v === "number"
        ? Number.isSafeInteger(v)
          ? "BIGINT"
          : "DOUBLE"
        : typeof v === "boolean"
          ? "BOOLEAN"
          : v instanceof Date
            ? "TIMESTAMP"
            : "VARCHAR";
    if (type === undefined) type = t;
    else if (type !== t)
      type = (type === "BIGINT" && t === "DOUBLE") || (type === "DOUBLE" && t === "BIGINT") ? "DOUBLE" : "VARCHAR";
  }
  return type ?? "VARCHAR";
}

/** A value stored in a column of `type`. */
function cellValue(v: unknown, type: string): Value {
  if (v === null || v === undefined) return null;
  if (type === "TIMESTAMP") return (v as Date).getTime();
  if (type === "VARCHAR" && typeof v !== "string")
    return v instanceof Date ? v.toISOString() : (JSON.stringify(v) ?? null);
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v as Value;
}

/** The rows `value` holds as a table (columns in order of first appearance), or undefined when it is not rows. */
export function rowsTable(value: unknown): WireTable | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainObject)) return undefined;
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of value) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  if (!names.length) return undefined;
  const raw = names.map((name) =>
    value.map((row) => (Object.prototype.hasOwnProperty.call(row, name) ? row[name] : null)),
  );
  const types = raw.map(typeOf);
  return {
    columns: names.map((name, i) => ({ name, type: types[i] })),
    data: raw.map((col, i) => col.map((v) => cellValue(v, types[i]))),
  };
}

const VIEW_KEYS = ["mark", "layer", "vconcat", "hconcat", "concat", "facet", "repeat"];

/** Whether `value` looks like a Vega-Lite spec: a view (`mark`, `layer`, a concat...) with `$schema` or `encoding`. */
export function isVegaLite(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const schema = value.$schema;
  return (
    VIEW_KEYS.some((k) => k in value) &&
    ((typeof schema === "string" && /vega-lite/.test(schema)) || "encoding" in value || "layer" in value)
  );
}

/** Escapes text so Markdown shows it as written (no emphasis, links, HTML or code). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~$:@]/g, "\\$&").replace(/\n/g, " ");
}
