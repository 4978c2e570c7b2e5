// Runs a ts cell or a Markdown cell's `${}` expressions through the CodeRunner: upstream results go
// in as structured-cloneable values, `sql` requests are answered by the engine, and what comes back
// becomes a table (also a temp table named after the cell), a chart or a value. Errors point at the TS source.
import type { CellError, CompiledCell } from "../compile/types";
import { sourcePositionInCode, wrapCode } from "../compile/ts";
import { transpileTs } from "../compile/transpile";
import { interpolationCode } from "../compile/markdown";
import type { Engine } from "../engine/engine";
import { sessionMessages as m } from "../messages/session";
import { kindOfType, tableFromColumns, type ResultTable, type Value } from "../table/result";
import { CODE_PARAMETER, CodeError, type CodeHost, type CodeRunner, type WireTable } from "../code/runner";
import { abortable, abortableQuery, CellFailure, toCellFailure } from "./evaluate";
import { codeErrorText } from "./code-error-text";
import { quoteIdent } from "../sql/ident";
import { CellRows } from "../code/cell-rows";
import { HEAD_ROWS } from "../code/limits";
import { isVegaLite, escapeMarkdown } from "../code/values";
import type { CellOutput, MarkdownValue } from "./types";

/** What running code needs from the session. */
export interface CodeContext {
  readonly engine: Engine;
  readonly runner: CodeRunner | undefined;
  readonly signal: AbortSignal;
  /** Receives the cell's `log(...)` lines. */
  readonly log?: (text: string) => void;
}

/** A ResultTable as a WireTable (column-major, as it crosses into the sandbox). */
export function toWire(table: ResultTable): WireTable {
  return {
    columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
    data: table.columns.map((_, i) => [...table.column(i)]),
  };
}

/**
 * Splits upstream outputs into what the code sees: plain values, and tables (as rows). A table cut
 * at the display cap is read whole from its temp table, so code sees every row.
 */
async function requestValues(
  inputs: ReadonlyMap<string, unknown>,
  engine: Engine,
  signal: AbortSignal,
): Promise<{ inputs: Record<string, unknown>; tables: Record<string, WireTable> }> {
  const values: Record<string, unknown> = {};
  const tables: Record<string, WireTable> = {};
  for (const [name, output] of inputs) {
    const o = output as CellOutput | undefined;
    if (o?.type === "table" && (o.totalRows ?? 0) > o.table.numRows)
      tables[name] = toWire(await abortableQuery(engine, `SELECT * FROM ${quoteIdent(name)}`, [], signal));
    else if (o?.type === "table") tables[name] = toWire(o.table);
    else if (o?.type === "input") values[name] = o.value;
    else if (o?.type === "value") values[name] = o.value;
    else if (o?.type === "chart") values[name] = o.spec;
    else if (o?.type === "markdown") values[name] = o.text;
    else values[name] = output;
  }
  return { inputs: values, tables };
}

/** Resolves with what `transpile` makes; a syntax error becomes the cell's failure at its position. */
async function transpiled<T>(transpile: Promise<T>): Promise<T> {
  try {
    return await transpile;
  } catch (e) {
    const err = e as Partial<CellError> | undefined;
    if (typeof err?.message !== "string" || e instanceof Error) throw e; // the transpiler did not load
    throw new CellFailure(err.message, err.line, err.column);
  }
}

/** Runs `code` (a compiled body) with the upstream values; resolves with what it returned. */
async function runCode(
  cell: CompiledCell,
  code: string,
  inputs: ReadonlyMap<string, unknown>,
  ctx: CodeContext,
  mappings?: string,
  rows = false,
): Promise<unknown> {
  if (!ctx.runner) throw new CellFailure(m.noRunner());
  const { inputs: values, tables } = await requestValues(inputs, ctx.engine, ctx.signal);
  const { js, column1 } = wrapCode(code, [...Object.keys(values), ...Object.keys(tables)], CODE_PARAMETER);
  const host: CodeHost = {
    sql: async (text, params) => {
      if (ctx.signal.aborted) throw new Error(m.cancelled());
      try {
        return toWire(await abortableQuery(ctx.engine, text, params, ctx.signal));
      } catch (e) {
        throw new Error(toCellFailure(e).message, { cause: e });
      }
    },
    log: ctx.log,
  };
  try {
    return await ctx.runner.run({ cell: cell.name ?? cell.id, js, inputs: values, tables, rows }, host, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) throw e;
    if (e instanceof CodeError || (e as { name?: unknown })?.name === "CodeError") {
      const err = e as CodeError;
      // A name that is no cell (any more) and no global reads as undefined code: say so plainly.
      const missing = /^ReferenceError: ([A-Za-z_$][\w$]*) is not defined$/.exec(err.message);
      const at = sourcePositionInCode(err.line, err.column, column1, mappings);
      throw new CellFailure(missing ? m.unknownName(missing[1]) : codeErrorText(err.message), at.line, at.column);
    }
    throw e;
  }
}

/** Evaluates a ts cell: rows become a table (and a temp table named after the cell), a Vega-Lite spec a chart, anything else a value. */
export async function evaluateTs(
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  ctx: CodeContext,
  created: Set<string>,
): Promise<CellOutput> {
  if (cell.body?.type !== "ts") throw new CellFailure(m.notRunnable(cell.kind));
  const { code, mappings } = await transpiled(transpileTs(cell.body.source));
  const value = await runCode(cell, code, inputs, ctx, mappings, true);
  // Rows arrive as Arrow bytes: the page reads only the head; the engine's worker gets the rest.
  if (value instanceof CellRows) {
    const columns = value.columns.map((c) => ({ ...c, kind: kindOfType(c.type) }));
    const table = tableFromColumns(columns, (await value.head(HEAD_ROWS)).data);
    if (cell.name) {
      const name = cell.name;
      await abortable(ctx.engine, ctx.signal, () => ctx.engine.createTable(name, value, { signal: ctx.signal }));
      created.add(cell.name.toLowerCase());
    }
    return { type: "table", table, totalRows: value.rows };
  }
  // A cell that returned rows before and no longer does must not leave its old rows queryable.
  if (cell.name && created.delete(cell.name.toLowerCase()))
    await ctx.engine.query(`DROP TABLE IF EXISTS temp.main.${quoteIdent(cell.name)}`).catch(() => undefined);
  if (isVegaLite(value)) {
    const values = (value.data as { values?: unknown } | undefined)?.values;
    return { type: "chart", spec: value, rows: Array.isArray(values) ? values.length : 0 };
  }
  return { type: "value", value: (value === undefined ? null : value) as Value };
}

/**
 * Evaluates a Markdown cell: its `${}` expressions are run as code. The values never enter the Markdown
 * source the UI parses: they go into the rendered tree as text (see `template`); `text` has them escaped.
 */
export async function evaluateMarkdown(
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  ctx: CodeContext,
): Promise<CellOutput> {
  if (cell.body?.type !== "markdown") throw new CellFailure(m.notRunnable(cell.kind));
  const interpolation = cell.body.interpolation;
  if (!interpolation) return { type: "markdown", text: cell.body.text };
  const code = await transpiled(interpolationCode(cell.body.text, interpolation));
  const results = (await runCode(cell, code, inputs, ctx)) as { ok: boolean; text: string }[];
  const values: MarkdownValue[] = interpolation.expressions.map((expr, i) => {
    const r = results[i];
    if (r?.ok) return { text: String(r.text) };
    return { text: `⚠ ${m.interpolationFailed(expr, String(r?.text ?? ""))}`, failed: true };
  });
  let text = interpolation.pieces[0];
  values.forEach((value, i) => {
    text += value.failed ? `**${escapeMarkdown(value.text)}**` : escapeMarkdown(value.text);
    text += interpolation.pieces[i + 1];
  });
  return { type: "markdown", text, template: { pieces: interpolation.pieces, values } };
}
