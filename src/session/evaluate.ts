// Evaluates sql cells against the engine (the other kinds have their own modules; the
// table in evaluators.ts picks one). A named sql cell becomes a temp table (so later cells query it
// by name) and its rows are read back; charts are in evaluate-chart.ts.
import { CHART_ROW_CAP } from "../charts/bind";
import { sourcePosition } from "../compile/sql";
import type { CompiledCell } from "../compile/types";
import type { Engine, QueryOptions } from "../engine/engine";
import { sessionMessages as m } from "../messages/session";
import { quoteIdent } from "../sql/ident";
import { tableFromColumns, type ResultTable, type Value } from "../table/result";
import type { CellError, CellOutput } from "./types";

/** The most rows a sql cell's output holds for display; the true count is reported beside it. */
export const DISPLAY_ROW_CAP = 100_000;

/**
 * The rows the app reads back with a named sql cell's run (`SessionOptions.firstRows`): screens of them, and as
 * many as a chart draws, so a chart over a result it draws whole still needs no query of its own.
 */
export const FIRST_PAGE_ROWS = CHART_ROW_CAP;

/** A cell failure the runtime shows on the cell, with a 1-based position in the cell's source. */
export class CellFailure extends Error implements CellError {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "CellFailure";
  }
}

/** The statement a named sql cell runs; its length is subtracted from DuckDB's error positions. */
export const tempTablePrefix = (name: string) => `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS `;

/**
 * Evaluates a sql cell with its upstream values (`inputs`, by cell name); rejects with a CellFailure.
 * `source` is the cell's source text, so error positions point into what the user wrote.
 */
export async function evaluateSql(
  engine: Engine,
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  signal: AbortSignal,
  source?: string,
  firstRows = DISPLAY_ROW_CAP,
): Promise<CellOutput> {
  const body = cell.body;
  if (body?.type !== "sql") throw new CellFailure(m.notRunnable(cell.kind));
  const values = body.params.map((p) => paramBinding(lookup(inputs, p)));
  const { sql, params } = bindParams(body.sql, body.paramAt, values);
  const where = { sql, source: source ?? body.sql, offset: 0 };
  if (!cell.name) return runPlain(engine, where, params, signal);
  return runNamed(engine, cell.name, where, params, signal, Math.min(firstRows, DISPLAY_ROW_CAP));
}

/** Where a statement's SQL came from: the compiled query, the cell source, and the wrapper's length before it. */
interface Origin {
  readonly sql: string;
  readonly source: string;
  readonly offset: number;
}

async function runNamed(
  engine: Engine,
  name: string,
  where: Origin,
  params: Value[],
  signal: AbortSignal,
  firstRows: number,
): Promise<CellOutput> {
  const prefix = tempTablePrefix(name);
  // A capped read of the table just written, in the same turn: duckdb-wasm posts both, and one wait answers both.
  // It reads a first page: the rows below it are read when they are wanted (scrolled to, exported).
  const read = `SELECT * FROM ${quoteIdent(name)} LIMIT ${firstRows}`;
  // DuckDB binds `?` inside CREATE TABLE ... AS (checked against the native engine), so parameters go straight in.
  const [created, table] = await abortable(engine, signal, () =>
    engine.createAndRead(prefix + where.sql, params, read, { signal }),
  ).catch((err: unknown) => {
    if (signal.aborted && err === signal.reason) throw err;
    throw toCellFailure(err, { ...where, offset: prefix.length });
  });
  let totalRows = table.numRows;
  if (totalRows >= firstRows) {
    // DuckDB answers CREATE ... AS with the rows it wrote: a count query is needed only if it did not.
    const count = createdRows(created) ?? (await query(engine, `SELECT count(*) FROM ${quoteIdent(name)}`, [], signal));
    totalRows = typeof count === "number" ? count : Number(count.column(0)[0]);
  } else wholeResults.add(table);
  if (table.numRows >= DISPLAY_ROW_CAP || totalRows <= table.numRows) return { type: "table", table, totalRows };
  // A first page: the rows below it, up to the display cap, are read when they are wanted (scrolled to, exported).
  const readRows = (start: number, end: number, run?: AbortSignal) => {
    const from = Math.max(0, Math.floor(start));
    const rows = Math.max(0, Math.min(end, DISPLAY_ROW_CAP) - from);
    const sql = `SELECT * FROM ${quoteIdent(name)} LIMIT ${rows} OFFSET ${from}`;
    return run ? abortableQuery(engine, sql, [], run, { quick: true }) : engine.query(sql, [], { quick: true });
  };
  return { type: "table", table, totalRows, readRows };
}

/**
 * `inputs` with each first-page table read down to the display cap (what a cell reading every shown row sees,
 * as when the run read them all): the rows of a result as a whole, for an input's options.
 */
export async function withShownRows(
  inputs: ReadonlyMap<string, unknown>,
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, unknown>> {
  const out = new Map(inputs);
  for (const [name, value] of inputs) {
    const output = value as CellOutput | undefined;
    if (output?.type === "table" && output.readRows)
      out.set(name, { ...output, table: await shownRows(output, signal) });
  }
  return out;
}

/**
 * Every row of a table output the display shows (up to the cap): the first page, or all of them read again (for
 * the run of `signal`, when a run reads them).
 */
export async function shownRows(
  output: Extract<CellOutput, { type: "table" }>,
  signal?: AbortSignal,
): Promise<ResultTable> {
  const shown = Math.min(output.totalRows ?? output.table.numRows, DISPLAY_ROW_CAP);
  return output.readRows && output.table.numRows < shown ? output.readRows(0, shown, signal) : output.table;
}

// Tables read back whole from a named cell's temp table, in its order: a chart that would only read
// that table again (`SELECT *`, no parameters) draws these rows instead of asking the engine.
const wholeResults = new WeakSet<ResultTable>();

/** Whether `table` holds every row of a named sql cell's result relation, as `SELECT *` reads it. */
export const isWholeResult = (table: ResultTable) => wholeResults.has(table);

/** The row count a CREATE TABLE ... AS reported (one `Count` value), if it reported one. */
export function createdRows(result: ResultTable): number | undefined {
  if (result.numRows !== 1 || result.columns.length !== 1 || result.columns[0].name !== "Count") return undefined;
  const count = Number(result.column(0)[0]);
  return Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

async function runPlain(engine: Engine, where: Origin, params: Value[], signal: AbortSignal): Promise<CellOutput> {
  const table = await query(engine, where.sql, params, signal, where);
  return { type: "table", table: capRows(table, DISPLAY_ROW_CAP), totalRows: table.numRows };
}

/** Runs one query that an abort of `signal` interrupts (the engine cancels it): every cell's SQL goes through here. */
export async function abortableQuery(
  engine: Engine,
  sql: string,
  params: readonly Value[] | undefined,
  signal: AbortSignal,
  options?: QueryOptions,
): Promise<ResultTable> {
  return abortable(engine, signal, () => engine.query(sql, params, { ...options, signal }));
}

/** Runs `work` (the engine's, posted with `signal`) so that an abort of `signal` cancels it, and nothing else. */
export async function abortable<T>(engine: Engine, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw signal.reason;
  const onAbort = () => void engine.cancel(signal);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Runs one query; an abort interrupts it, and an engine error is mapped into the cell's own SQL. */
async function query(
  engine: Engine,
  sql: string,
  params: Value[],
  signal: AbortSignal,
  source?: Origin,
  options?: QueryOptions,
): Promise<ResultTable> {
  try {
    return await abortableQuery(engine, sql, params, signal, options);
  } catch (err) {
    if (signal.aborted && err === signal.reason) throw err;
    throw toCellFailure(err, source);
  }
}

/** Maps an engine error's 0-based offset (into the statement sent) to a line and column in the cell's source. */
export function toCellFailure(err: unknown, origin?: Origin): CellFailure {
  const message = err instanceof Error ? err.message : String(err);
  const position = (err as { position?: unknown } | null)?.position;
  if (!origin || typeof position !== "number") return new CellFailure(message);
  const offset = position - origin.offset;
  // An error inside the wrapper (e.g. in the table name) has no place in the cell's source.
  if (offset < 0 || offset > origin.sql.length) return new CellFailure(message);
  // sourcePosition undoes the `${name}` -> `?` replacements made when compiling.
  const { line, column } = sourcePosition(origin.source, offset);
  return new CellFailure(message, line, column);
}

/** An input by cell name; names match case-insensitively, as DuckDB's do. */
export function lookup(inputs: ReadonlyMap<string, unknown>, name: string): unknown {
  if (inputs.has(name)) return inputs.get(name);
  for (const [key, value] of inputs) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/**
 * What a `${name}` parameter binds: an input's or ts cell's value; a list (a multiselect, a date
 * range) binds as a DuckDB list of its items; an object as JSON text; a table or chart binds null.
 */
export function paramBinding(input: unknown): Value | Value[] {
  if (input === null || ["number", "string", "boolean"].includes(typeof input)) return input as Value;
  const output = input as CellOutput | undefined;
  if (output?.type !== "value" && output?.type !== "input") return null;
  const value: unknown = output.value;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) return value as Value[];
  return typeof value === "object" ? JSON.stringify(value) : (value as Value);
}

/** Widens each list binding's `?` (at `paramAt`) into a list literal `[?, ?, ...]` of its items. */
export function bindParams(
  sql: string,
  paramAt: readonly number[] | undefined,
  values: readonly (Value | Value[])[],
): { sql: string; params: Value[] } {
  if (!paramAt || !values.some(Array.isArray)) return { sql, params: values as Value[] };
  let out = "";
  let from = 0;
  const params: Value[] = [];
  values.forEach((v, i) => {
    out += sql.slice(from, paramAt[i]);
    from = paramAt[i] + 1;
    if (Array.isArray(v)) {
      out += `[${v.map(() => "?").join(", ")}]`;
      params.push(...v);
    } else {
      out += "?";
      params.push(v);
    }
  });
  return { sql: out + sql.slice(from), params };
}

function capRows(table: ResultTable, cap: number): ResultTable {
  if (table.numRows <= cap) return table;
  return tableFromColumns(
    table.columns,
    table.columns.map((_, c) => table.column(c).slice(0, cap)),
  );
}
