// Mosaic-style pre-aggregates for linked charts: a chart filtered by another chart's selection reads, for each
// new selection, a small table grouped by the selection's key and the chart's own groups, with its aggregates
// kept as additive partials (count, sum, valid; mean as sum / valid; min, max), instead of the raw rows.
import { aggregateSql } from "./aggregate";
import { markType, planEncoding, type Measure } from "./encoding";
import { isEmptySelection, linkedParam, selectionKey, selectionSql, type LinkedSelection } from "./linked";
import { ident, Params } from "./sql";
import { timeUnitKeys, unitOf } from "./time-unit";
import { resolveField } from "./fields";
import { ChartPlanError, NotPushable, type ChartPlan, type ChartSchema, type Column, type Spec } from "./types";

/** The pre-aggregate's column holding each group's selection key. */
const KEY = "__sel";

/** A linked chart's pre-aggregate: how to build it, and how to answer the chart from it for a selection. */
export interface Preaggregate {
  /** The selection the chart filters by. */
  readonly name: string;
  /** The query whose result is the pre-aggregate (over the chart's data; no parameters). */
  readonly build: string;
  /** The chart's rows for `selection` read from pre-aggregate `relation`: `plan`'s query, answered there. */
  answer(relation: string, selection: LinkedSelection, plan: ChartPlan): ChartPlan;
}

// Each aggregate from the partials it needs (`p(kind)` names one), combined over a group of pre-aggregate rows.
const PARTIALS: Record<string, (p: (kind: string) => string) => string> = {
  count: (p) => `CAST(sum(${p("n")}) AS BIGINT)`,
  valid: (p) => `CAST(sum(${p("valid")}) AS BIGINT)`,
  missing: (p) => `CAST(sum(${p("n")}) - sum(${p("valid")}) AS BIGINT)`,
  sum: (p) => `sum(${p("sum")})`,
  mean: (p) => `sum(${p("sum")}) / sum(${p("valid")})`,
  average: (p) => `sum(${p("sum")}) / sum(${p("valid")})`,
  min: (p) => `min(${p("min")})`,
  max: (p) => `max(${p("max")})`,
};
const PARTIAL_SQL: Record<string, (x: string) => string> = {
  n: () => "count(*)",
  valid: (x) => `count(${x})`,
  sum: (x) => `sum(${x})`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
};

const isDef = (d: unknown): d is Record<string, unknown> => typeof d === "object" && d !== null && !Array.isArray(d);

/**
 * The pre-aggregate of a chart whose only transform filters by one linked selection and whose encodings
 * group by plain fields and time units with decomposable aggregates; undefined for any other chart (median,
 * distinct, quantiles, bins over the filtered extent...), which reads the raw rows.
 */
export function planPreaggregate(
  spec: Spec,
  schema: ChartSchema,
  linked: Readonly<Record<string, LinkedSelection>>,
): Preaggregate | undefined {
  const transforms = Array.isArray(spec.transform) ? spec.transform : [];
  const param = transforms.length === 1 ? linkedParam(transforms[0]) : undefined;
  const selection = param && linked[param.name];
  if (!param || !selection || typeof spec.encoding !== "object" || spec.encoding === null) return undefined;
  if (["layer", "concat", "hconcat", "vconcat", "facet", "repeat", "spec"].some((k) => k in spec)) return undefined;
  if (["boxplot", "errorbar", "errorband"].includes(markType(spec))) return undefined;
  try {
    return decompose(param.name, param.empty, spec.encoding as Record<string, unknown>, schema, selection);
  } catch (e) {
    if (e instanceof NotPushable || e instanceof ChartPlanError) return undefined;
    throw e;
  }
}

function decompose(
  name: string,
  empty: boolean,
  encoding: Record<string, unknown>,
  schema: ChartSchema,
  selection: LinkedSelection,
): Preaggregate | undefined {
  const { key, column: selected, whole } = selectionKey(name, selection, schema.columns);
  const select = [`${key} AS ${ident(KEY)}`];
  const groups = [key];
  const grouped = new Map<string, string>();
  const partials = new Map<string, string>();
  const partial = (kind: string, column?: Column) => {
    const id = `${kind}\u0000${column?.name ?? ""}`;
    if (!partials.has(id)) {
      partials.set(id, `__p${partials.size}`);
      select.push(`${PARTIAL_SQL[kind](column ? ident(column.name) : "")} AS ${ident(partials.get(id)!)}`);
    }
    return ident(partials.get(id)!);
  };
  for (const [channel, def] of Object.entries(encoding)) {
    if (!isDef(def) || (def.field === undefined && def.aggregate === undefined)) continue;
    if (def.bin !== undefined && def.bin !== false) return undefined; // bins span the filtered rows' extent
    if (def.aggregate !== undefined) {
      const op = String(def.aggregate);
      const column = op === "count" || def.field === undefined ? undefined : resolveField(def.field, schema.columns);
      if (!PARTIALS[op]) return undefined;
      aggregateSql(op, column); // the same refusals (an average of text) as the chart's own plan
      continue;
    }
    const column = resolveField(def.field, schema.columns);
    const how = def.timeUnit === undefined ? "plain" : `unit:${unitOf(def.timeUnit, channel)}`;
    if (grouped.has(column.name) && grouped.get(column.name) !== how) return undefined;
    if (grouped.has(column.name)) continue;
    grouped.set(column.name, how);
    if (how === "plain") {
      groups.push(ident(column.name));
      select.push(ident(column.name));
    } else {
      // Each group keeps its earliest time, in the same time-unit bucket as all of its rows.
      groups.push(...timeUnitKeys(how.slice(5), column, channel));
      select.push(`min(${ident(column.name)}) AS ${ident(column.name)}`);
    }
  }
  const measure: Measure = (op, column) => PARTIALS[op]((kind) => partial(kind, kind === "n" ? undefined : column));
  // Registers every partial the chart needs, so the build selects them all.
  const probe = { ctes: [], from: ident(KEY), columns: [...schema.columns] };
  planEncoding(encoding, probe, measure);
  const build = `SELECT ${select.join(", ")} FROM ${schema.relation} GROUP BY ${groups.join(", ")}`;
  return {
    name,
    build,
    answer(relation, value, plan) {
      const params = new Params();
      const where = isEmptySelection(value)
        ? String(empty).toUpperCase()
        : selectionSql(value, ident(KEY), selected, whole, params, true);
      const ctes = [`__t0 AS (SELECT * FROM ${relation} WHERE ${where})`];
      const pipeline = { ctes, from: "__t0", columns: [...schema.columns] };
      const planned = planEncoding(encoding, pipeline, measure);
      const source = `WITH ${pipeline.ctes.join(", ")} ${planned.select}`;
      return { ...plan, sql: `${source} ORDER BY ALL LIMIT ${plan.rowCap + 1}`, source, params: params.values };
    },
  };
}
