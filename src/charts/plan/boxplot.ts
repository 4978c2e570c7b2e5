// Boxplots in the database: per group, the outliers as they are plus a few stand-in values whose quartiles,
// whiskers and extremes are exactly the group's, so Vega-Lite's own boxplot over them draws the same boxes.
import { chartMessages as m } from "../../messages/charts";
import { resolveField } from "./fields";
import { ident } from "./sql";
import { addCte, type Pipeline } from "./transforms";
import { NotPushable, type Spec } from "./types";

const isDef = (d: unknown): d is Record<string, unknown> => typeof d === "object" && d !== null && !Array.isArray(d);

/**
 * The select of a boxplot's stand-in rows over `pipeline` (adding its CTEs); throws NotPushable for
 * boxplots it cannot reproduce (no single continuous axis, aggregates, bins or time units on a channel).
 *
 * Per group with L low and H high outliers and t = max(L, H) + 1, the rows sorted are: the L low outliers,
 * the lower whisker, q1 (t - L times), the median (t times), q3 (2t - H - 1 times), the upper whisker and
 * the H high outliers: 4t + 1 values whose quartiles (at positions t, 2t and 3t) are the group's.
 */
export function planBoxplot(spec: Spec, pipeline: Pipeline): string {
  const refuse = (): never => {
    throw new NotPushable(m.rawMark("boxplot"));
  };
  const mark = isDef(spec.mark) ? spec.mark : {};
  const extent = mark.extent ?? 1.5;
  if (extent !== "min-max" && (typeof extent !== "number" || !(extent >= 0))) refuse();
  const encoding = isDef(spec.encoding) ? spec.encoding : refuse();
  const groups: string[] = [];
  let value: string | undefined;
  for (const [channel, def] of Object.entries(encoding)) {
    if (!isDef(def)) return refuse();
    if (def.field === undefined) {
      if ("value" in def && Object.keys(def).every((k) => k === "value")) continue;
      refuse();
    }
    if (def.aggregate !== undefined || def.bin || def.timeUnit !== undefined || "condition" in def) refuse();
    const column = resolveField(def.field, pipeline.columns);
    const continuous = (channel === "x" || channel === "y") && column.kind === "number" && def.type !== "nominal";
    if (continuous && (def.type === undefined || def.type === "quantitative")) {
      if (value !== undefined) refuse();
      value = column.name;
    } else if (!groups.includes(column.name)) groups.push(column.name);
  }
  if (value === undefined || groups.includes(value)) return refuse();
  const v = ident(value);
  const keys = groups.map(ident);
  const by = keys.length ? ` GROUP BY ${keys.join(", ")}` : "";
  const on = keys.length ? keys.map((k) => `s.${k} IS NOT DISTINCT FROM b.${k}`).join(" AND ") : "true";
  const from = pipeline.from;
  const box = "__box";
  const quartiles = `quantile_cont(${v}, 0.25) AS q1, quantile_cont(${v}, 0.5) AS med, quantile_cont(${v}, 0.75) AS q3`;
  pipeline.ctes.push(`${box} AS (SELECT ${[...keys, quartiles].join(", ")} FROM ${from} WHERE ${v} IS NOT NULL${by})`);
  // Vega's outlier test, with the same arithmetic: below q1 - k * iqr or above q3 + k * iqr.
  const k = extent === "min-max" ? undefined : extent;
  const outlier =
    k === undefined ? "false" : `(s.${v} < b.q1 - ${k} * (b.q3 - b.q1) OR s.${v} > b.q3 + ${k} * (b.q3 - b.q1))`;
  const fenced = [...keys.map((c) => `s.${c}`), `s.${v}`, "b.q1", "b.med", "b.q3", `${outlier} AS __out`];
  addCte(
    pipeline,
    `SELECT ${fenced.join(", ")} FROM ${from} AS s JOIN ${box} AS b ON ${on} WHERE s.${v} IS NOT NULL`,
    pipeline.columns,
  );
  const fencedName = pipeline.from;
  const stats =
    `SELECT ${[...keys, "any_value(q1) AS q1", "any_value(med) AS med", "any_value(q3) AS q3"].join(", ")}, ` +
    `min(${v}) FILTER (WHERE NOT __out) AS wl, max(${v}) FILTER (WHERE NOT __out) AS wu, ` +
    `count(*) FILTER (WHERE __out AND ${v} < q1) AS l, count(*) FILTER (WHERE __out AND ${v} > q3) AS h ` +
    `FROM ${fencedName}${by}`;
  pipeline.ctes.push(`__stats AS (${stats})`);
  const t = "(greatest(l, h) + 1)";
  const standIn =
    `CASE WHEN i = l THEN wl WHEN i <= ${t} THEN q1 WHEN i <= 2 * ${t} THEN med ` +
    `WHEN i < 4 * ${t} - h THEN q3 ELSE wu END`;
  const outliers = `SELECT ${[...keys, v].join(", ")} FROM ${fencedName} WHERE __out`;
  const standIns =
    `SELECT ${[...keys, `${standIn} AS ${v}`].join(", ")} ` +
    `FROM (SELECT *, unnest(range(l, 4 * ${t} - h + 1)) AS i FROM __stats) AS __i`;
  return `SELECT * FROM (${outliers} UNION ALL ${standIns}) AS __boxplot`;
}
