// A single view's encodings in SQL: aggregates become columns, binned, time-unit and plain fields become
// the GROUP BY, and the rewritten encodings read those columns with the titles Vega-Lite would have given.
import { chartMessages as m } from "../../messages/charts";
import { aggregateName, aggregateSql, aggregateTitle } from "./aggregate";
import { binExtentSql, binName, binParams, binStartSql } from "./bin";
import { defaultType, resolveField } from "./fields";
import { ident, vlField } from "./sql";
import { timeUnitKeys, unitOf } from "./time-unit";
import { addCte, type Pipeline } from "./transforms";
import { NotPushable, type Column, type Spec } from "./types";

/** The grouped query over `pipeline` and the encodings that draw its rows. */
export interface PlannedEncoding {
  readonly select: string;
  readonly encoding: Record<string, unknown>;
}

const END: Record<string, string> = { x: "x2", y: "y2" };
// Titles use the field as the spec wrote it (escapes included), as Vega-Lite's own titles do.

/** An aggregate's SQL over the pipeline's rows (`aggregateSql`, or a pre-aggregate's combination of partials). */
export type Measure = (op: string, column: Column | undefined) => string;

/** Plans `encoding`; throws NotPushable when the chart needs raw rows. */
export function planEncoding(
  encoding: Record<string, unknown>,
  pipeline: Pipeline,
  measure: Measure = aggregateSql,
): PlannedEncoding {
  const defs = Object.entries(encoding);
  const isDef = (d: unknown): d is Record<string, unknown> => typeof d === "object" && d !== null && !Array.isArray(d);
  if (!defs.some(([, d]) => isDef(d) && d.aggregate !== undefined)) throw new NotPushable(m.rawNoAggregate());
  const select: string[] = [];
  const keys: string[] = [];
  const out: Record<string, unknown> = {};
  const names = new Set<string>();
  const output = (name: string, channel: string) => {
    if (names.has(name)) throw new NotPushable(m.rawEncoding(channel));
    names.add(name);
    return ident(name);
  };
  for (const [channel, def] of defs) {
    if (!isDef(def)) throw new NotPushable(m.rawEncoding(channel));
    const { aggregate, bin, timeUnit, ...rest } = def;
    const sortByField = isDef(def.sort) && ("field" in def.sort || "op" in def.sort);
    if (sortByField || "condition" in def) throw new NotPushable(m.rawEncoding(channel));
    if (def.field === undefined && aggregate === undefined) {
      out[channel] = def;
      continue;
    }
    if (aggregate !== undefined) {
      if (typeof aggregate !== "string" || bin || timeUnit) throw new NotPushable(m.rawEncoding(channel));
      const column =
        aggregate === "count" || def.field === undefined ? undefined : resolveField(def.field, pipeline.columns);
      const name = aggregateName(aggregate, column?.name);
      select.push(`${measure(aggregate, column)} AS ${output(name, channel)}`);
      out[channel] = {
        type: "quantitative",
        title: aggregateTitle(aggregate, column && String(def.field)),
        ...rest,
        field: vlField(name),
      };
      continue;
    }
    const column = resolveField(def.field, pipeline.columns);
    if (bin !== undefined && bin !== false) {
      const end = END[channel];
      if (!end || encoding[end] !== undefined || (def.type !== undefined && def.type !== "quantitative")) {
        throw new NotPushable(m.rawEncoding(channel));
      }
      const params = binParams(bin, channel);
      const name = binName(params, column.name);
      const bins = `__bin_${channel}`;
      const from = pipeline.from;
      pipeline.ctes.push(`${bins} AS (${binExtentSql(column, from, params)})`);
      const start = binStartSql(column, bins);
      // Vega drops the null bin after aggregating; dropping its rows first gives the same groups.
      const binned = [
        ...pipeline.columns,
        { name, type: "DOUBLE", kind: "number" as const },
        { name: `${name}_end`, type: "DOUBLE", kind: "number" as const },
      ];
      addCte(
        pipeline,
        `SELECT ${from}.*, ${start} AS ${ident(name)}, ${start} + ${bins}.step AS ${ident(`${name}_end`)} ` +
          `FROM ${from}, ${bins} WHERE ${ident(column.name)} IS NOT NULL`,
        binned,
      );
      keys.push(output(name, channel), output(`${name}_end`, end));
      select.push(ident(name), ident(`${name}_end`));
      out[channel] = {
        title: m.binnedTitle(String(def.field)),
        ...rest,
        field: vlField(name),
        bin: "binned",
        type: "quantitative",
      };
      out[end] = { field: vlField(`${name}_end`) };
      continue;
    }
    if (timeUnit !== undefined) {
      const unit = unitOf(timeUnit, channel);
      keys.push(...timeUnitKeys(unit, column, channel));
      select.push(`min(${ident(column.name)}) AS ${output(column.name, channel)}`);
      const utc = typeof timeUnit === "object" ? { ...timeUnit, unit: `utc${unit}` } : `utc${unit}`;
      out[channel] = { type: defaultType(column, false, true), ...rest, timeUnit: utc };
      continue;
    }
    keys.push(output(column.name, channel));
    select.push(ident(column.name));
    out[channel] = { type: defaultType(column, false, false), ...rest };
  }
  const group = keys.length ? ` GROUP BY ${keys.join(", ")}` : "";
  return { select: `SELECT ${select.join(", ")} FROM ${pipeline.from}${group}`, encoding: out };
}

/** The mark type of a spec (`"bar"` or `{ type: "bar" }`). */
export const markType = (spec: Spec) =>
  String(typeof spec.mark === "object" && spec.mark ? (spec.mark as Spec).type : spec.mark);
