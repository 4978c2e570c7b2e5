// The one table from a cell's body type to what evaluates it: adding a cell kind is one entry here.
// Every evaluator gets the same context (engine, code runner, abort signal, log, result store).
import type { CellBody, CompiledCell } from "../compile/types";
import type { Engine } from "../engine/engine";
import { sessionMessages as m } from "../messages/session";
import type { CodeRunner } from "../code/runner";
import { evaluateSql, CellFailure, withShownRows } from "./evaluate";
import { evaluateChart } from "./evaluate-chart";
import { evaluateMarkdown, evaluateTs } from "./evaluate-code";
import { evaluateInput } from "./input-cell";
import { evaluateSelection } from "./evaluate-selection";
import type { RawSelection } from "../charts/selection";
import type { ResultStore } from "./results";
import type { CellOutput } from "./types";

/** What an evaluator may use besides the cell and its inputs. */
export interface EvalContext {
  readonly engine: Engine;
  readonly runner: CodeRunner | undefined;
  readonly signal: AbortSignal;
  /** Receives the run's `log(...)` lines. */
  readonly log: (text: string) => void;
  readonly results: ResultStore;
  /** The cell's source text, so error positions point into what the user wrote. */
  readonly source: string | undefined;
  /** An input's value chosen in this session but not written into the file (options from data, selections). */
  readonly inputValue: unknown;
  /** Rows of a named sql cell's result read back with its run (the rest on demand); the display cap if absent. */
  readonly firstRows?: number;
}

/** Computes one cell's output from its upstream values (by cell name). */
export type Evaluator = (
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  ctx: EvalContext,
) => Promise<CellOutput> | CellOutput;

/** The evaluator of each body type. */
export const EVALUATORS: { readonly [T in CellBody["type"]]: Evaluator } = {
  sql: async (cell, inputs, ctx) => {
    const output = await evaluateSql(ctx.engine, cell, inputs, ctx.signal, ctx.source, ctx.firstRows);
    if (cell.name) ctx.results.add(cell.name);
    return output;
  },
  ts: (cell, inputs, ctx) => evaluateTs(cell, inputs, ctx, ctx.results.names),
  markdown: (cell, inputs, ctx) => evaluateMarkdown(cell, inputs, ctx),
  chart: (cell, inputs, ctx) => evaluateChart(ctx.engine, cell, inputs, ctx.signal),
  input: async (cell, inputs, ctx) => evaluateInput(cell, await withShownRows(inputs, ctx.signal), ctx.inputValue),
  selection: (cell, inputs, ctx) => evaluateSelection(cell, inputs, ctx.inputValue as RawSelection | undefined),
};

/** Evaluates `cell` with the evaluator of its body type; a cell without a body does not run. */
export async function evaluate(
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  ctx: EvalContext,
): Promise<CellOutput> {
  if (!cell.body) throw new CellFailure(m.notRunnable(cell.kind));
  return EVALUATORS[cell.body.type](cell, inputs, ctx);
}
