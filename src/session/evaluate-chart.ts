// Evaluates a chart cell: plans its spec over the data cell's result relation (the temp table a named
// cell creates), queries only the rows the chart draws and binds them. A raw chart over the cap draws
// a deterministic sample and says so; nothing is ever a silently partial aggregate.
import { bindChart, CHART_ROW_CAP, MAX_CHART_ROW_CAP } from "../charts/bind";
import { chartOffers, type ChartOffers } from "../charts/offers";
import type { LinkedSelection } from "../charts/plan/linked";
import { planChart } from "../charts/plan/plan";
import type { Linked } from "../charts/plan/transforms";
import { drawLinked, dropPreaggregates } from "../charts/preaggregates";
import type { SelectionValue } from "../charts/selection";
import { hashSampleSql } from "../charts/plan/sample";
import { ChartPlanError, type ChartPlan } from "../charts/plan/types";
import { withSubtitle } from "../charts/stamp";
import type { CompiledCell } from "../compile/types";
import type { Engine, QueryOptions } from "../engine/engine";
import { chartMessages } from "../messages/charts";
import { sessionMessages as m } from "../messages/session";
import { quoteIdent } from "../sql/ident";
import type { ColumnInfo, ResultTable, Value } from "../table/result";
import { abortableQuery, CellFailure, isWholeResult, lookup, toCellFailure } from "./evaluate";
import type { CellOutput } from "./types";

/** The seed of the sample a raw chart over the cap draws: the same rows on every run. */
export const CHART_SAMPLE_SEED = 42;

/** Evaluates a chart cell over its data cell's relation (at most `cap=` or `rowCap` rows); fails naming bad fields. */
export async function evaluateChart(
  engine: Engine,
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  signal: AbortSignal,
  rowCap = CHART_ROW_CAP,
): Promise<CellOutput> {
  const body = cell.body;
  if (body?.type !== "chart") throw new CellFailure(m.notRunnable(cell.kind));
  const data = lookup(inputs, body.data) as CellOutput | undefined;
  if (data?.type !== "table") throw new CellFailure(m.chartDataMissing(body.data));
  const schema = { relation: quoteIdent(body.data), columns: data.table.columns };
  const linked = body.links && linkedSelections(body.links, inputs);
  // A spec that no longer links keeps no pre-aggregate.
  if (!linked) dropPreaggregates(engine, (owner) => owner === cell.id);
  const plan = planOrFail(body.spec, schema, body.rowCap ?? rowCap, linked);
  // The rows already read back whole are what the plan would read again: no query at all.
  if (readsWhole(plan, schema.relation, data.table)) return drawn(plan, data.table);
  const rows = data.totalRows ?? data.table.numRows;
  // Over a small result every query here is quick: read in one piece (one worker round trip in duckdb-wasm).
  const options = rows <= QUICK_INPUT_ROWS ? { quick: true } : undefined;
  // A chart filtered by another chart's selection reads its pre-aggregate where one serves.
  const version = { version: data.table, rows, schema };
  const draw = (fast: ChartPlan) => drawPlan(engine, body.spec, schema.columns, plan, fast, signal, options);
  return linked ? drawLinked(engine, cell.id, version, body.spec, linked, plan, draw) : draw(plan);
}

// Draws `plan` with the rows of `fast` (the same rows, from a pre-aggregate or the plan itself): a capped draw
// says so and offers what would draw it all.
async function drawPlan(
  engine: Engine,
  spec: Record<string, unknown>,
  columns: readonly ColumnInfo[],
  plan: ChartPlan,
  fast: ChartPlan,
  signal: AbortSignal,
  options: QueryOptions | undefined,
): Promise<CellOutput> {
  const table = await run(engine, fast.sql, fast.params, signal, options);
  if (table.numRows <= plan.rowCap) return drawn(plan, table);
  // Over the cap: how many rows (or groups) there are, so the cell can offer a cap that draws them all.
  const count = await run(engine, `SELECT count(*) FROM (${plan.source}) AS __rows`, plan.params, signal, options);
  const total = Number(count.column(0)[0]);
  const offers = chartOffers(spec, columns, total, MAX_CHART_ROW_CAP);
  if (plan.kind === "aggregated") {
    const subtitle = chartMessages.firstMarksSubtitle(plan.rowCap);
    return drawn(plan, table, chartMessages.aggregateCapped(plan.rowCap), subtitle, offers);
  }
  // One mark per row and too many rows: a stated, repeatable sample rather than the first rows.
  const columnNames = table.columns.map((c) => c.name);
  const sampleSql = hashSampleSql(plan, columnNames, plan.rowCap, CHART_SAMPLE_SEED);
  const sample = await run(engine, sampleSql, plan.params, signal, options);
  const note = chartMessages.rawSampled(plan.reason ?? "", total, sample.numRows, CHART_SAMPLE_SEED, MAX_CHART_ROW_CAP);
  return drawn(plan, sample, note, chartMessages.sampleSubtitle(sample.numRows, total), offers);
}

/** Up to this many rows in its data cell's result, a chart's queries count as quick (see QueryOptions). */
export const QUICK_INPUT_ROWS = 100_000;

/** Whether `plan` only reads all of `relation` (`SELECT *`, no parameters) and `table` already holds all of it. */
function readsWhole(plan: ChartPlan, relation: string, table: ResultTable): boolean {
  return (
    plan.source === `SELECT * FROM ${relation}` &&
    !plan.params.length &&
    table.numRows <= plan.rowCap &&
    isWholeResult(table)
  );
}

// The selections of other charts the spec filters by, with what each holds now.
function linkedSelections(names: readonly string[], inputs: ReadonlyMap<string, unknown>): Linked {
  const linked: Record<string, LinkedSelection> = {};
  for (const name of names) {
    const output = lookup(inputs, name) as CellOutput | undefined;
    if (output?.type !== "value" || !output.selection) throw new CellFailure(chartMessages.linkedNotSelection(name));
    linked[name] = { ...output.selection, value: output.value as SelectionValue };
  }
  return linked;
}

function planOrFail(
  spec: Record<string, unknown>,
  schema: Parameters<typeof planChart>[1],
  rowCap: number,
  linked?: Linked,
): ChartPlan {
  try {
    return planChart(spec, schema, { rowCap, ...(linked ? { linked } : {}) });
  } catch (e) {
    if (e instanceof ChartPlanError) throw new CellFailure(e.message);
    throw e;
  }
}

// A chart that does not draw every row says so on its face (a subtitle) as well as in the cell's note.
function drawn(
  plan: ChartPlan,
  table: ResultTable,
  note?: string,
  subtitle?: string,
  offers?: ChartOffers,
): CellOutput {
  const bound = bindChart(subtitle ? withSubtitle(plan.spec, subtitle) : plan.spec, table, plan.rowCap);
  const offered = offers && (offers.raiseCap !== undefined || offers.heatmap) ? { offers } : {};
  return { type: "chart", spec: bound.spec, rows: bound.rows, ...(note ? { note } : {}), ...offered };
}

async function run(
  engine: Engine,
  sql: string,
  params: readonly Value[],
  signal: AbortSignal,
  options?: QueryOptions,
): Promise<ResultTable> {
  try {
    return await abortableQuery(engine, sql, params, signal, options);
  } catch (err) {
    if (signal.aborted && err === signal.reason) throw err;
    throw toCellFailure(err);
  }
}
