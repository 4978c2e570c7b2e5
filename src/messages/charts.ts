// Wording for the chart planner: fields a spec names that the data lacks, and why a chart draws raw rows.
import { localized, formatCount } from "./locale";
import type { Catalogue } from "./locale";
import { chartsZh } from "./zh-CN/charts";

const q = (name: string) => `“${name}”`;

const en = {
  unknownField: (field: string, columns: readonly string[]) =>
    `The chart uses the field ${q(field)}, but the data has no such column. Columns: ${columns.map(q).join(", ")}.`,
  textAggregate: (op: string, field: string, type: string) =>
    `The chart asks for the ${op} of ${q(field)}, a ${type} column: only count, valid, missing and distinct ` +
    `work on text. Use a number column or "aggregate": "count".`,
  timeUnitNotDate: (unit: string, field: string, type: string) =>
    `The chart puts the time unit ${q(unit)} on ${q(field)}, a ${type} column: time units need a DATE or ` +
    `TIMESTAMP column. Cast it in the sql cell, e.g. CAST(${field} AS DATE).`,
  binNotNumber: (field: string, type: string) =>
    `The chart bins ${q(field)}, a ${type} column: only number columns can be binned.`,
  rawCapped: (reason: string, cap: number) =>
    `This chart shows the first ${formatCount(cap)} rows of more: ${reason}. Draw a sample, bin the ` +
    `data into a heatmap, or raise the row cap to see all of it.`,
  sampled: (rows: number, seed: number) =>
    `A deterministic sample of ${formatCount(rows)} rows (seed ${seed}): the same rows on every run.`,
  rawSampled: (reason: string, total: number, rows: number, seed: number) =>
    `The data has ${formatCount(total)} rows, more than a chart receives: ${reason}. ` +
    `Shown: a deterministic sample of ${formatCount(rows)} rows (seed ${seed}), the same rows on every ` +
    `run. Aggregate or bin the data (e.g. a heatmap) to draw all of it.`,
  aggregateCapped: (cap: number) =>
    `This chart has more than ${formatCount(cap)} marks; it shows the first ${formatCount(cap)} ` +
    `in sort order. Filter the data or bin the field to draw all of it.`,
  rawComposite: () => "layered, concatenated, faceted and repeated charts draw raw rows",
  rawMark: (mark: string) => `the ${mark} mark is drawn from raw rows`,
  rawNoAggregate: () => "the chart draws one mark per row (no aggregate in its encodings)",
  rawTransform: (type: string) => `its ${type} transform cannot run in the database`,
  rawEncoding: (channel: string) => `its ${channel} encoding cannot run in the database`,
};

/** User-facing messages of charts/, in the current locale. */
export const chartMessages = localized(en, { "zh-CN": chartsZh satisfies Catalogue<typeof en> });
