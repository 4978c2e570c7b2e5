// The chart planner: a Vega-Lite spec over a named result becomes SQL that returns only the rows the chart
// draws (aggregated in the database where possible) plus the spec that draws them. Pure: no engine, no Vega.
import { chartMessages as m } from "../../messages/charts";
import { planBoxplot } from "./boxplot";
import { markType, planEncoding } from "./encoding";
import { linkedParam } from "./linked";
import { Params } from "./sql";
import { pushTransforms, type Pipeline } from "./transforms";
import { ChartPlanError, NotPushable, type ChartPlan, type ChartSchema, type PlanOptions, type Spec } from "./types";

// Views made of other views; they draw raw rows for now.
const COMPOSITE = ["layer", "concat", "hconcat", "vconcat", "facet", "repeat", "spec"];
// Marks Vega-Lite expands into several marks over raw rows (boxplots are planned on their own).
const COMPOSITE_MARKS = ["errorbar", "errorband"];

/** Plans `spec` over `schema.relation`; throws ChartPlanError for fields or types the data cannot serve. */
export function planChart(spec: Spec, schema: ChartSchema, options: PlanOptions): ChartPlan {
  // JSON copy: specs are JSON by construction, and the author's object stays untouched.
  const copy = JSON.parse(JSON.stringify(spec)) as Spec;
  delete copy.data;
  // `usermeta.embedOptions` would let a notebook reconfigure vega-embed inside the sandbox.
  delete copy.usermeta;
  const params = new Params();
  const pipeline: Pipeline = { ctes: [], from: schema.relation, columns: [...schema.columns] };
  const transforms = Array.isArray(copy.transform) ? copy.transform : [];
  checkLinked(copy, transforms, options);
  const pushed = pushTransforms(transforms, pipeline, params, options.linked);
  const rest = (s: Spec): Spec => {
    const { transform: _, ...others } = s;
    return pushed.rest.length ? { ...others, transform: pushed.rest } : others;
  };
  const raw = (reason: string): ChartPlan => finish("raw", `SELECT * FROM ${pipeline.from}`, rest(copy), reason);
  const finish = (kind: ChartPlan["kind"], select: string, out: Spec, reason?: string): ChartPlan => {
    const source = (pipeline.ctes.length ? `WITH ${pipeline.ctes.join(", ")} ` : "") + select;
    const cap = Math.max(0, Math.floor(options.rowCap));
    const sql = `${source}${kind === "aggregated" ? " ORDER BY ALL" : ""} LIMIT ${cap + 1}`;
    return {
      kind,
      sql,
      source,
      params: params.values,
      spec: out,
      rowCap: cap,
      pushed: pushed.pushed,
      ...(reason ? { reason } : {}),
    };
  };
  if (pushed.reason) return raw(pushed.reason);
  if (COMPOSITE.some((key) => key in copy)) return raw(m.rawComposite());
  const mark = markType(copy);
  if (COMPOSITE_MARKS.includes(mark)) return raw(m.rawMark(mark));
  if (mark === "boxplot") return boxplot();
  const encoding = copy.encoding;
  if (typeof encoding !== "object" || encoding === null) return raw(m.rawNoAggregate());
  // An aggregate transform already left one row per group: the chart draws those rows as they are.
  if (pushed.pushed.includes("aggregate") && !pushed.rest.length && !hasAggregate(encoding)) {
    return finish("aggregated", `SELECT * FROM ${pipeline.from}`, rest(copy));
  }
  // Vega-Lite's boxplot over stand-in rows with the same statistics: the same boxes, whiskers and outliers.
  function boxplot(): ChartPlan {
    const planned: Pipeline = { ...pipeline, ctes: [...pipeline.ctes], columns: [...pipeline.columns] };
    try {
      const select = planBoxplot(copy, planned);
      pipeline.ctes = planned.ctes;
      return finish("aggregated", select, rest(copy));
    } catch (e) {
      if (e instanceof NotPushable) return raw(e.reason);
      throw e;
    }
  }
  // Encoding steps add CTEs (bin extents); a refusal must not leave them in the raw query.
  const planned: Pipeline = { ...pipeline, ctes: [...pipeline.ctes], columns: [...pipeline.columns] };
  try {
    const result = planEncoding(encoding as Record<string, unknown>, planned);
    pipeline.ctes = planned.ctes;
    return finish("aggregated", result.select, fullOpacity({ ...rest(copy), encoding: result.encoding }));
  } catch (e) {
    if (e instanceof NotPushable) return raw(e.reason);
    throw e;
  }
}

// A filter by a selection that is neither this chart's own nor another chart's (given) would fail in Vega.
function checkLinked(spec: Spec, transforms: readonly unknown[], options: PlanOptions): void {
  const own = new Set((Array.isArray(spec.params) ? spec.params : []).map((p) => (p as { name?: unknown })?.name));
  for (const t of transforms) {
    const param = linkedParam(t);
    if (param && !own.has(param.name) && !options.linked?.[param.name]) {
      throw new ChartPlanError(m.linkedNotSelection(param.name));
    }
  }
}

function hasAggregate(encoding: object): boolean {
  return Object.values(encoding).some((d) => typeof d === "object" && d !== null && "aggregate" in d);
}

// Vega-Lite draws points, ticks, circles and squares at opacity 0.7 unless the chart aggregates;
// the rewritten spec no longer aggregates, so it asks for what the original drew.
function fullOpacity(spec: Spec): Spec {
  const mark = typeof spec.mark === "object" && spec.mark ? (spec.mark as Spec) : { type: spec.mark };
  const encoding = spec.encoding as Spec;
  if (!["point", "tick", "circle", "square"].includes(String(mark.type)) || "opacity" in mark || "opacity" in encoding)
    return spec;
  return { ...spec, mark: { ...mark, opacity: 1 } };
}
