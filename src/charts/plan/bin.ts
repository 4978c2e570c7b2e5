// Vega's `bin` (vega-statistics bin + vega-transforms Bin) in SQL: the same nice step, start and stop from
// the column's extent, computed in a one-row CTE, and the same bin for each value, so the counts match.
import { chartMessages as m } from "../../messages/charts";
import { ChartPlanError, NotPushable, type Column } from "./types";
import { ident } from "./sql";

/** Bin parameters the planner reproduces: Vega-Lite's default `maxbins` 10, or a fixed `step`. */
export interface BinParams {
  readonly maxbins: number;
  readonly step?: number;
}

/** Reads `bin: true | { maxbins, step }`; other parameters (extent, anchor, divide...) are not pushed down. */
export function binParams(bin: unknown, channel: string): BinParams {
  if (bin === true) return { maxbins: 10 };
  const { maxbins, step, ...rest } = bin as Record<string, unknown>;
  const ok = (v: unknown) => v === undefined || (typeof v === "number" && v > 0 && Number.isFinite(v));
  if (Object.keys(rest).length || !ok(maxbins) || !ok(step)) throw new NotPushable(m.rawEncoding(channel));
  return { maxbins: (maxbins as number | undefined) ?? 10, ...(step ? { step: step as number } : {}) };
}

/** The name Vega-Lite gives a binned field (`bin_maxbins_10_amount`); `_end` is appended for the bin's end. */
export const binName = (params: BinParams, field: string) =>
  params.step ? `bin_step_${params.step}_${field}` : `bin_maxbins_${params.maxbins}_${field}`;

/** A one-row query of `start`, `step` and `stop` for `column` of `from`, as Vega computes them. */
export function binExtentSql(column: Column, from: string, params: BinParams): string {
  if (column.kind !== "number") throw new ChartPlanError(m.binNotNumber(column.name, column.type));
  const x = ident(column.name);
  const maxb = params.maxbins;
  // Math.round rounds halves up; DuckDB's round rounds them away from zero, so floor(v + 0.5) it is.
  const level = Math.ceil(Math.log(maxb) / Math.log(10));
  const layers = [
    `SELECT min(${x})::DOUBLE AS lo, max(${x})::DOUBLE AS hi FROM ${from}`,
    "SELECT *, coalesce(nullif(hi - lo, 0), nullif(abs(lo), 0), 1) AS span FROM ({})",
  ];
  if (params.step) layers.push(`SELECT *, ${params.step}::DOUBLE AS s FROM ({})`);
  else {
    layers.push(`SELECT *, pow(10, floor(ln(span) / ln(10) + 0.5) - ${level}) AS s FROM ({})`);
    // Vega multiplies by 10 while there are too many bins: at most twice from this start; three to be safe.
    for (let i = 0; i < 3; i++)
      layers.push(`SELECT * REPLACE (CASE WHEN ceil(span / s) > ${maxb} THEN s * 10 ELSE s END AS s) FROM ({})`);
    for (const div of [5, 2])
      layers.push(
        `SELECT * REPLACE (CASE WHEN span / (s / ${div}) <= ${maxb} THEN s / ${div} ELSE s END AS s) FROM ({})`,
      );
  }
  layers.push(
    "SELECT *, CASE WHEN ln(s) >= 0 THEN 0 ELSE trunc(-ln(s) / ln(10)) + 1 END AS prec FROM ({})",
    "SELECT *, floor(lo / s + pow(10, -prec - 1)) * s AS v, ceil(hi / s) * s AS top FROM ({})",
    "SELECT *, CASE WHEN lo < v THEN v - s ELSE v END AS start FROM ({})",
    "SELECT *, CASE WHEN top = start THEN start + s ELSE top END AS stop0 FROM ({})",
    "SELECT start, s AS step, start + ceil((stop0 - start) / s) * s AS stop FROM ({})",
  );
  return layers.reduce((inner, layer) => layer.replace("{}", inner));
}

/** The bin start of `column` given the bin CTE `bins` (Vega clamps the last value into the last bin). */
export function binStartSql(column: Column, bins: string): string {
  const x = `${ident(column.name)}::DOUBLE`;
  const [start, step, stop] = ["start", "step", "stop"].map((name) => `${bins}.${name}`);
  // greatest(start, least(x, stop - step)) as a CASE: the same value for every x (NaN included, which DuckDB
  // orders last), and several times faster in duckdb-wasm, where least and greatest cost most of a histogram.
  const clamped = `CASE WHEN ${x} < ${start} THEN ${start} WHEN ${x} > ${stop} - ${step} THEN greatest(${start}, ${stop} - ${step}) ELSE ${x} END`;
  return `${start} + ${step} * floor(1e-14 + (${clamped} - ${start}) / ${step})`;
}
