// What a running cell sees, built INSIDE the sandbox by every CodeRunner: the `sql` tag (values
// become bound parameters), `fmt`, `log`, the recipe library `lib`, and upstream values by name.
// Self-contained (type imports only): the browser Worker bundles it, the Node vm context gets it as text.
import type { CodeHost, CodeRequest, WireTable } from "./runner";
import type { Value } from "../table/result";

/** An array of row objects as a cell sees a table; `columns` (not enumerable) gives names and types. */
export type Rows = Record<string, Value>[] & { readonly columns?: WireTable["columns"] };

/** The object passed as the compiled code's single parameter (see CODE_PARAMETER). */
export interface CodeScope {
  /** `sql\`SELECT ... ${value}\`` runs a query with each `${}` bound as a parameter; resolves to rows. */
  readonly sql: (strings: TemplateStringsArray | string, ...values: unknown[]) => Promise<Rows>;
  /** Formats a value for prose: numbers with thousands separators and at most `digits` decimals. */
  readonly fmt: (value: unknown, digits?: number) => string;
  /** Sends text to the cell's log (console.log is not available). */
  readonly log: (...args: unknown[]) => void;
  /** The recipe library (src/recipes/models), when the runner provides it. */
  readonly lib: Readonly<Record<string, unknown>>;
  /** Upstream values by cell name: plain values as they are, tables as Rows. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Turns a column-major table into row objects (null prototype, so a `__proto__` column is just a key). */
export function rowsOf(table: WireTable): Rows {
  const n = table.data[0]?.length ?? 0;
  const rows: Record<string, Value>[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row = Object.create(null) as Record<string, Value>;
    for (let c = 0; c < table.columns.length; c++) row[table.columns[c].name] = table.data[c][r];
    rows[r] = row;
  }
  Object.defineProperty(rows, "columns", { value: table.columns, enumerable: false });
  return rows as Rows;
}

/** A value as a bound SQL parameter: dates as ISO text, objects (and nested lists) as JSON text. */
export function paramOf(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Formats a value for prose and logs. */
export function fmt(value: unknown, digits = 2): string {
  if (typeof value === "number")
    return Number.isFinite(value) ? value.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object"))
    return value.map((v) => fmt(v, digits)).join(", ");
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}

/** The text of one `log(...)` call: its arguments formatted and joined by spaces. */
export function logText(args: readonly unknown[]): string {
  return args.map((a) => fmt(a, 6)).join(" ");
}

/** Builds the scope for `request`; `lib` is the recipe library the sandbox bundles (or `{}`). */
export function codeScope(
  request: CodeRequest,
  host: CodeHost,
  lib: Readonly<Record<string, unknown>> = {},
): CodeScope {
  const values = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(request.inputs)) values[name] = value;
  for (const [name, table] of Object.entries(request.tables)) values[name] = rowsOf(table);
  return {
    async sql(strings, ...params) {
      if (typeof strings === "string") return rowsOf(await host.sql(strings, params.map(paramOf)));
      // A list of plain values becomes a DuckDB list of bound items, as `${name}` does in sql cells.
      let text = strings[0];
      const bound: Value[] = [];
      params.forEach((p, i) => {
        if (Array.isArray(p) && p.every((v) => v === null || typeof v !== "object")) {
          text += `[${p.map(() => "?").join(", ")}]`;
          bound.push(...p.map(paramOf));
        } else {
          text += "?";
          bound.push(paramOf(p));
        }
        text += strings[i + 1];
      });
      return rowsOf(await host.sql(text, bound));
    },
    fmt,
    log: (...args) => host.log?.(logText(args)),
    lib,
    values,
  };
}
