// The chart planner's types: what it reads (a spec over a named result) and what it returns (SQL plus a spec).
import type { ColumnInfo, Value } from "../../table/result";
import type { SelectionValue } from "../selection";

/** The result a chart draws: an already-quoted SQL relation name and its columns. */
export interface ChartSchema {
  readonly relation: string;
  readonly columns: readonly ColumnInfo[];
}

/** Planner options: `rowCap` is the most rows a chart receives; `linked`, other charts' selections it filters by. */
export interface PlanOptions {
  readonly rowCap: number;
  readonly linked?: Readonly<Record<string, LinkedSelection>>;
}

/** A Vega-Lite spec (JSON) as the planner reads and writes it. */
export type Spec = Record<string, unknown>;

/** SQL for the rows a chart receives, with the spec that draws them. */
export interface ChartPlan {
  /** "aggregated": the database did the chart's aggregation; "raw": the chart gets rows to aggregate itself. */
  readonly kind: "aggregated" | "raw";
  /** The query to run, ending in `LIMIT rowCap + 1`: one row over the cap says the cap was hit. */
  readonly sql: string;
  /** The query without its LIMIT, for a sample or a count. */
  readonly source: string;
  /** Values bound to the `?` placeholders of `sql` and `source`, in order. */
  readonly params: readonly Value[];
  /** The rewritten spec (no `data`): reads the planned columns, titled as Vega-Lite titles the original. */
  readonly spec: Spec;
  /** The row cap the plan was made for. */
  readonly rowCap: number;
  /** Why the chart draws raw rows (raw plans only), as a user-facing phrase. */
  readonly reason?: string;
  /** The transforms that ran in the database, by type, in order. */
  readonly pushed: readonly string[];
}

/** A column as a planning step sees it: name and value kind, after earlier transforms. */
export type Column = Pick<ColumnInfo, "name" | "type" | "kind">;

/** Bad input in a spec (unknown field, wrong column type): the chart cell shows the message. */
export class ChartPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartPlanError";
  }
}

/** Thrown inside planning steps when a part cannot be pushed down; the plan falls back to raw rows. */
export class NotPushable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "NotPushable";
  }
}

/** A selection another chart declares, as a linked chart filters by it: its field, time unit and current value. */
export interface LinkedSelection {
  readonly type: "interval" | "point";
  /** The column the selection is projected on (as the declaring chart's encoding names it). */
  readonly field: string;
  /** The time unit of that encoding, if any (`yearmonth`, `utcyear`...). */
  readonly timeUnit?: string;
  /** What `${name}` binds (charts/selection.ts): text bounds for an interval, the values for a point. */
  readonly value: SelectionValue;
}
