// Deterministic samples of a raw plan's rows, for a chart whose input is over the cap: the same data and
// seed give the same rows on every run and in every engine.
import { ident } from "./sql";
import type { ChartPlan } from "./types";

/** A query for `n` rows of the plan picked by a seeded hash of each row: stable across threads and runs. */
export function hashSampleSql(plan: ChartPlan, columns: readonly string[], n: number, seed = 42): string {
  const row = columns.map(ident).join(", ");
  // Ties in the hash (identical rows) are broken by the row itself, so the order is total.
  const order = `hash(${row}, ${Math.floor(seed)}), ${row}`;
  return `SELECT * FROM (${plan.source}) AS __rows ORDER BY ${order} LIMIT ${Math.max(0, Math.floor(n))}`;
}

/** DuckDB's reservoir sample of `n` rows with a seed (repeatable only when DuckDB runs single-threaded). */
export function reservoirSampleSql(plan: ChartPlan, n: number, seed = 42): string {
  const sample = `reservoir(${Math.max(0, Math.floor(n))} ROWS) REPEATABLE (${Math.floor(seed)})`;
  return `SELECT * FROM (${plan.source}) AS __rows USING SAMPLE ${sample}`;
}
