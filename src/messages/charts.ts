// Wording for the chart planner: fields a spec names that the data lacks, and why a chart draws raw rows.
import { localized, formatCount } from "./locale";

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
  rawSampled: (reason: string, total: number, rows: number, seed: number, max: number) =>
    `The data has ${formatCount(total)} rows, more than a chart receives: ${reason}. ` +
    `Shown: a deterministic sample of ${formatCount(rows)} rows (seed ${seed}), the same rows on every ` +
    `run. To draw all of it, aggregate or bin the fields (e.g. a heatmap of two binned fields, or a density), ` +
    `or raise the cap with cap=${Math.min(total, max)} on the cell's first line (at most ${formatCount(max)}).`,
  aggregateCapped: (cap: number) =>
    `This chart has more than ${formatCount(cap)} marks; it shows the first ${formatCount(cap)} ` +
    `in sort order. Filter the data, bin the field, or raise the cap with cap=N on the cell's first line.`,
  sampleSubtitle: (rows: number, total: number) =>
    `Sample: ${formatCount(rows)} of ${formatCount(total)} rows (deterministic)`,
  firstMarksSubtitle: (rows: number) => `Only the first ${formatCount(rows)} marks (cap reached)`,
  badCap: (cap: string, max: number) =>
    `The chart's cap=${cap} is not a row count: write a whole number from 1 to ${formatCount(max)}, ` +
    `e.g. cap=20000.`,
  offerRaiseCap: (cap: number) => `Raise the cap to ${formatCount(cap)}`,
  offerRaiseCapTitle: (cap: number) =>
    `Write cap=${cap} on the cell's first line and draw every row (${formatCount(cap)} marks can be slow)`,
  offerHeatmap: "Bin as heatmap",
  offerHeatmapTitle:
    "Rewrite the chart as a heatmap of its binned x and y coloured by count: every row counted in the database",
  rawComposite: () => "layered, concatenated, faceted and repeated charts draw raw rows",
  rawMark: (mark: string) => `the ${mark} mark is drawn from raw rows`,
  rawNoAggregate: () => "the chart draws one mark per row (no aggregate in its encodings)",
  rawTransform: (type: string) => `its ${type} transform cannot run in the database`,
  rawEncoding: (channel: string) => `its ${channel} encoding cannot run in the database`,
  selectionName: (name: string) =>
    `A chart selection needs a "name" that other cells can use (letters, digits and _), e.g. "brush"; ` +
    `got ${q(name)}.`,
  selectionType: (name: string, type: string) =>
    `The selection ${q(name)} has the type ${q(type)}: use "interval" (a brush) or "point" (a click).`,
  selectionProjection: (name: string) =>
    `The selection ${q(name)} must name exactly one channel or field, e.g. "encodings": ["x"] or ` +
    `"fields": ["segment"], so other cells get one range or one list of values.`,
  selectionChannel: (name: string, channel: string) =>
    `The selection ${q(name)} selects on the ${channel} channel, but the chart has no ${channel} encoding.`,
  linkedNotSelection: (name: string) =>
    `The chart filters by ${q(name)} ("filter": {"param": ...}), which is not a chart selection: name the ` +
    `interval or point selection another chart declares in its "params".`,
  linkedTimeUnit: (name: string, unit: string) =>
    `The selection ${q(name)} is on the time unit ${q(unit)}: another chart can filter by a selection on ` +
    `year, yearquarter, yearmonth or yearmonthdate, or on a field without a time unit.`,
  linkedIntervalType: (name: string, field: string, type: string) =>
    `The selection ${q(name)} is a brush on ${q(field)}, a ${type} column: a brush filters other charts by a ` +
    `number, date or time column; use a point selection for text.`,
  /** The title of a count the planner computes, as Vega-Lite writes it (charts/locale.ts gives the frame's). */
  countTitle: "Count of Records",
  /** The title of an aggregate the planner computes, as Vega-Lite writes it (`Sum of amount`). */
  aggregateTitle: (op: string, field: string) => `${op[0]?.toUpperCase() ?? ""}${op.slice(1)} of ${field}`,
  /** The title of a field the planner bins, as Vega-Lite writes it. */
  binnedTitle: (field: string) => `${field} (binned)`,
  linkedAfterRaw: (name: string, reason: string) =>
    `The chart filters by the selection ${q(name)} after a transform the database cannot run (${reason}): ` +
    `put the selection filter first in "transform".`,
};

const exportEn = {
  svg: "SVG",
  svgTitle: "Download the chart as an SVG file (vector: sharp at any size)",
  png: "PNG",
  pngTitle: "Download the chart as a PNG image at twice its size on screen",
  copy: "Copy PNG",
  copyTitle: "Copy the chart to the clipboard as a PNG image",
  csv: "Data CSV",
  csvTitle: "Download the rows the chart draws as a CSV file",
  copied: "Copied the chart to the clipboard as a PNG image.",
  copyUnsupported:
    "This browser does not let the page put images on the clipboard. Use the PNG button to download the image.",
  failed: (reason: string) => `The chart could not be exported: ${reason}.`,
  notDrawn: "the chart is not drawn yet (run its cell first)",
  noAnswer: "the chart frame did not answer in time",
  badFile: "the chart frame sent something that is not a valid file",
  noData: "the chart has no inline rows to export",
};

/** Wording of the export controls under each chart (the shell's side of chart export), in the current locale. */
export const chartExportMessages = localized(exportEn, "chartExportMessages");

/** User-facing messages of charts/, in the current locale. */
export const chartMessages = localized(en, "chartMessages");
