// Vega-Lite transforms in SQL, in order, as CTEs: filter, calculate, aggregate, joinaggregate and window. The first
// transform that cannot run in the database, and every one after it, stays in the spec for Vega.
import { chartMessages as m } from "../../messages/charts";
import { aggregateKind, aggregateSql } from "./aggregate";
import { calculateSql } from "./calculate";
import { resolveField } from "./fields";
import { linkedFilterSql, linkedParam, type LinkedSelection } from "./linked";
import { predicateSql } from "./predicate";
import { ident, Params } from "./sql";
import { ChartPlanError, NotPushable, type Column } from "./types";

/** A chain of CTEs over the chart's data: `from` names the last one, `columns` are its columns. */
export interface Pipeline {
  ctes: string[];
  from: string;
  columns: Column[];
}

/** What pushing down a spec's transforms left: the pushed types, the rest, and why the rest stayed. */
export interface PushedTransforms {
  readonly pushed: string[];
  readonly rest: unknown[];
  readonly reason?: string;
}

/** Adds a CTE `sql` (reading `pipeline.from`) with the given output columns. */
export function addCte(pipeline: Pipeline, sql: string, columns: Column[]): void {
  const name = `__t${pipeline.ctes.length}`;
  pipeline.ctes.push(`${name} AS (${sql})`);
  pipeline.from = name;
  pipeline.columns = columns;
}

/** Selections of other charts a spec filters by (`{ filter: { param } }`), by name. */
export type Linked = Readonly<Record<string, LinkedSelection>>;

/** Pushes the leading transforms that translate into SQL onto `pipeline`. */
export function pushTransforms(
  transforms: readonly unknown[],
  pipeline: Pipeline,
  params: Params,
  linked: Linked = {},
): PushedTransforms {
  const pushed: string[] = [];
  for (let i = 0; i < transforms.length; i++) {
    const t = transforms[i] as Record<string, unknown>;
    const type = TYPES.find((k) => k in t) ?? Object.keys(t)[0] ?? "?";
    // Each step binds into a scratch list first, so a refused step leaves no stray parameters.
    const scratch = new Params();
    try {
      const step = transformSql(type, t, pipeline, scratch, linked);
      params.values.push(...scratch.values);
      addCte(pipeline, step.sql, step.columns);
      pushed.push(type);
    } catch (e) {
      if (!(e instanceof NotPushable)) throw e;
      // Vega cannot test a selection another chart holds: a linked filter runs in SQL or not at all.
      const later = transforms
        .slice(i)
        .map(linkedParam)
        .find((p) => p && linked[p.name]);
      if (later) throw new ChartPlanError(m.linkedAfterRaw(later.name, e.reason));
      return { pushed, rest: transforms.slice(i), reason: e.reason };
    }
  }
  return { pushed, rest: [] };
}

const TYPES = ["filter", "calculate", "aggregate", "joinaggregate", "window"];

interface Step {
  readonly sql: string;
  readonly columns: Column[];
}

function transformSql(type: string, t: Record<string, unknown>, p: Pipeline, params: Params, linked: Linked): Step {
  const cols = p.columns;
  const link = linkedParam(t);
  if (link && linked[link.name]) {
    const where = linkedFilterSql(link.name, link.empty, linked[link.name], cols, params);
    return { sql: `SELECT * FROM ${p.from} WHERE ${where}`, columns: cols };
  }
  if (type === "filter")
    return { sql: `SELECT * FROM ${p.from} WHERE ${predicateSql(t.filter, cols, params)}`, columns: cols };
  if (type === "calculate") return calculateStep(t, p);
  if (type !== "aggregate" && type !== "joinaggregate" && type !== "window")
    throw new NotPushable(m.rawTransform(type));
  const groupby = ((t.groupby as unknown[] | undefined) ?? []).map((g) => resolveField(g, cols));
  const ops = (t[type] as Record<string, unknown>[] | undefined) ?? [];
  if (!Array.isArray(ops) || !ops.length) throw new NotPushable(m.rawTransform(type));
  const outputs = ops.map((o) => {
    const op = String(o.op);
    const column = o.field === undefined ? undefined : resolveField(o.field, cols);
    const as = typeof o.as === "string" ? o.as : `${op}_${column?.name ?? ""}`;
    return { op, column, as, sql: type === "window" && RANKS[op] ? RANKS[op] : aggregateSql(op, column) };
  });
  const added = outputs.map((o) => ({ name: o.as, type: "DOUBLE", kind: aggregateKind(o.op, o.column) }));
  const keys = groupby.map((g) => ident(g.name));
  if (type === "aggregate") {
    const select = [...keys, ...outputs.map((o) => `${o.sql} AS ${ident(o.as)}`)].join(", ");
    return {
      sql: `SELECT ${select} FROM ${p.from}${keys.length ? ` GROUP BY ${keys.join(", ")}` : ""}`,
      columns: [...groupby, ...added],
    };
  }
  const partition = keys.length ? `PARTITION BY ${keys.join(", ")}` : "";
  const over = type === "joinaggregate" ? `OVER (${partition})` : `OVER (${partition} ${windowOrder(t, cols)})`;
  const select = outputs.map((o) => `${o.sql} ${over} AS ${ident(o.as)}`).join(", ");
  const kept = cols.filter((c) => !outputs.some((o) => o.as === c.name));
  return {
    sql: `SELECT ${kept
      .map((c) => ident(c.name))
      .concat(select)
      .join(", ")} FROM ${p.from}`,
    columns: [...kept, ...added],
  };
}

// The calculated column replaces a column of the same name, as Vega overwrites the field.
function calculateStep(t: Record<string, unknown>, p: Pipeline): Step {
  if (typeof t.calculate !== "string" || typeof t.as !== "string") throw new NotPushable(m.rawTransform("calculate"));
  const as = t.as;
  const sql = calculateSql(t.calculate, p.columns);
  const kept = p.columns.filter((c) => c.name !== as);
  const select = [...kept.map((c) => ident(c.name)), `${sql} AS ${ident(as)}`].join(", ");
  return { sql: `SELECT ${select} FROM ${p.from}`, columns: [...kept, { name: as, type: "DOUBLE", kind: "number" }] };
}

// Ranking functions of Vega's window transform with the same meaning in SQL.
const RANKS: Record<string, string> = { row_number: "row_number()", rank: "rank()", dense_rank: "dense_rank()" };

// Vega sorts null below every value. Its default frame [null, 0] without ignorePeers grows to include
// peers, as SQL's RANGE frame does.
// Without a sort, Vega follows input order, which a database does not keep: that window stays with Vega.
function windowOrder(t: Record<string, unknown>, cols: readonly Column[]): string {
  const sort = t.sort as { field?: unknown; order?: unknown }[] | undefined;
  const frame = JSON.stringify(t.frame ?? [null, 0]);
  if (!Array.isArray(sort) || !sort.length || t.ignorePeers) throw new NotPushable(m.rawTransform("window"));
  const order = sort.map(
    (s) =>
      `${ident(resolveField(s.field, cols).name)} ${s.order === "descending" ? "DESC NULLS LAST" : "ASC NULLS FIRST"}`,
  );
  const bounds: Record<string, string> = {
    "[null,0]": "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
    "[null,null]": "RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
  };
  if (!bounds[frame]) throw new NotPushable(m.rawTransform("window"));
  return `ORDER BY ${order.join(", ")} ${bounds[frame]}`;
}
