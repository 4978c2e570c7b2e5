// A chart's rows on their way into the sandbox, column by column: numbers in a Float64Array, booleans in a
// Uint8Array, texts as one string with offsets, nulls in a byte mask. Posted with its buffers in the transfer
// list, so no array of row objects is structured-cloned; the sandbox rebuilds Vega's rows. Validated on arrival.

/** The most rows one render message may carry (a chart cell's highest cap). */
export const TRANSFER_MAX_ROWS = 100_000;
/** The most columns one render message may carry. */
export const TRANSFER_MAX_COLUMNS = 1000;
/** The most characters a column name may have. */
const MAX_NAME = 1000;

/** One column: `nulls[i] === 1` marks row i null (absent when the column has no nulls). */
export type TransferColumn =
  | { readonly name: string; readonly kind: "number"; readonly values: Float64Array; readonly nulls?: Uint8Array }
  | { readonly name: string; readonly kind: "boolean"; readonly values: Uint8Array; readonly nulls?: Uint8Array }
  | {
      readonly name: string;
      readonly kind: "text";
      /** Every row's text, one after another; row i is `text.slice(offsets[i], offsets[i + 1])`. */
      readonly text: string;
      readonly offsets: Uint32Array;
      readonly nulls?: Uint8Array;
    };

/** A chart's rows, column by column. */
export interface TransferRows {
  readonly count: number;
  readonly columns: readonly TransferColumn[];
}

type Plain = number | string | boolean | null;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The rows in columnar form, or undefined when they are not uniform plain rows (each a record with the same keys,
 * each value a number, text, boolean or null, one kind per column): those go as they are.
 */
export function encodeRows(rows: readonly unknown[]): TransferRows | undefined {
  if (rows.length > TRANSFER_MAX_ROWS) return undefined;
  const first = rows[0];
  if (!isRecord(first)) return rows.length === 0 ? { count: 0, columns: [] } : undefined;
  const names = Object.keys(first);
  if (names.length > TRANSFER_MAX_COLUMNS || names.some((n) => n.length > MAX_NAME)) return undefined;
  for (const row of rows) if (!isRecord(row) || Object.keys(row).length !== names.length) return undefined;
  const columns: TransferColumn[] = [];
  for (const name of names) {
    const column = encodeColumn(rows as Record<string, unknown>[], name);
    if (!column) return undefined;
    columns.push(column);
  }
  return { count: rows.length, columns };
}

function encodeColumn(rows: readonly Record<string, unknown>[], name: string): TransferColumn | undefined {
  const n = rows.length;
  const values: Plain[] = new Array(n);
  let kind: "number" | "boolean" | "string" | undefined;
  let hasNull = false;
  for (let i = 0; i < n; i++) {
    if (!Object.hasOwn(rows[i], name)) return undefined;
    const v = rows[i][name];
    if (v === null) hasNull = true;
    else if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") {
      if (kind !== undefined && typeof v !== kind) return undefined;
      kind = typeof v as typeof kind;
    } else return undefined;
    values[i] = v as Plain;
  }
  const nulls = hasNull ? Uint8Array.from(values, (v) => (v === null ? 1 : 0)) : undefined;
  const withNulls = nulls ? { nulls } : {};
  if (kind === "string") {
    const offsets = new Uint32Array(n + 1);
    const parts = values.map((v) => (v === null ? "" : (v as string)));
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + parts[i].length;
    return { name, kind: "text", text: parts.join(""), offsets, ...withNulls };
  }
  if (kind === "boolean") return { name, kind, values: Uint8Array.from(values, (v) => (v ? 1 : 0)), ...withNulls };
  const numbers = Float64Array.from(values, (v) => (v === null ? 0 : (v as number)));
  return { name, kind: "number", values: numbers, ...withNulls };
}

/**
 * A spec whose rows are plain inline `data.values` split into the spec without `data`, its rows in columnar
 * form and the buffers to transfer; undefined for any other spec (it is posted as it is).
 */
export function splitForTransfer(
  spec: Record<string, unknown>,
): { spec: Record<string, unknown>; rows: TransferRows; transfer: ArrayBuffer[] } | undefined {
  const { data, ...rest } = spec;
  if (!isRecord(data) || !Array.isArray(data.values) || Object.keys(data).length !== 1) return undefined;
  const rows = encodeRows(data.values);
  return rows && { spec: rest, rows, transfer: transferables(rows) };
}

/** The buffers to list in postMessage's transfer list (each once). */
export function transferables(rows: TransferRows): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of rows.columns) {
    for (const a of [c.kind === "text" ? c.offsets : c.values, c.nulls]) if (a) buffers.add(a.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** Vega's rows from the columnar form (plain objects, the same as the shell's rows). */
export function decodeRows(rows: TransferRows): Record<string, Plain>[] {
  const out: Record<string, Plain>[] = Array.from({ length: rows.count }, () => ({}));
  for (const c of rows.columns) {
    const isNull = (i: number) => c.nulls !== undefined && c.nulls[i] === 1;
    for (let i = 0; i < rows.count; i++) {
      let v: Plain = null;
      if (!isNull(i)) {
        if (c.kind === "text") v = c.text.slice(c.offsets[i], c.offsets[i + 1]);
        else if (c.kind === "boolean") v = c.values[i] === 1;
        else v = c.values[i];
      }
      out[i][c.name] = v;
    }
  }
  return out;
}

/** Returns `data` as TransferRows when it has exactly that shape and fits the limits, else null. */
export function asTransferRows(data: unknown): TransferRows | null {
  if (!isRecord(data) || !Array.isArray(data.columns)) return null;
  const count = data.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > TRANSFER_MAX_ROWS) return null;
  if (data.columns.length > TRANSFER_MAX_COLUMNS) return null;
  const columns: TransferColumn[] = [];
  for (const c of data.columns as unknown[]) {
    const column = asColumn(c, count);
    if (!column) return null;
    columns.push(column);
  }
  return { count, columns };
}

function asColumn(c: unknown, count: number): TransferColumn | null {
  if (!isRecord(c) || typeof c.name !== "string" || c.name.length > MAX_NAME) return null;
  const nulls = c.nulls;
  if (nulls !== undefined && !(nulls instanceof Uint8Array && nulls.length === count)) return null;
  const withNulls = nulls ? { nulls } : {};
  if (c.kind === "number" && c.values instanceof Float64Array && c.values.length === count)
    return { name: c.name, kind: "number", values: c.values, ...withNulls };
  if (c.kind === "boolean" && c.values instanceof Uint8Array && c.values.length === count)
    return { name: c.name, kind: "boolean", values: c.values, ...withNulls };
  if (c.kind !== "text" || typeof c.text !== "string" || !(c.offsets instanceof Uint32Array)) return null;
  const { text, offsets } = c;
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== text.length) return null;
  for (let i = 0; i < count; i++) if (offsets[i] > offsets[i + 1]) return null;
  return { name: c.name, kind: "text", text, offsets, ...withNulls };
}
