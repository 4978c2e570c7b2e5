// Runs a chart plan on an engine and inlines the rows it returns: what a chart evaluator and the benchmark call.
import type { Engine } from "../../engine/engine";
import { bindChart } from "../bind";
import { planChart } from "./plan";
import type { ChartPlan, ChartSchema, Spec } from "./types";

/** A planned chart with its rows inlined, and whether the data held more rows than the cap. */
export interface DrawnChart {
  readonly plan: ChartPlan;
  /** The spec as drawn, with the rows it receives as `data.values`. */
  readonly spec: Spec;
  readonly rows: number;
  /** True when the query returned more than `rowCap` rows (only the first `rowCap` are inlined). */
  readonly capped: boolean;
}

/** Plans `spec` over `schema`, runs the query on `engine` and binds at most `rowCap` rows into the spec. */
export async function drawChart(engine: Engine, spec: Spec, schema: ChartSchema, rowCap: number): Promise<DrawnChart> {
  const plan = planChart(spec, schema, { rowCap });
  const table = await engine.query(plan.sql, plan.params);
  const bound = bindChart(plan.spec, table, plan.rowCap);
  return { plan, spec: bound.spec, rows: bound.rows, capped: table.numRows > plan.rowCap };
}
