// The golden cases of the chart planner: one spec per supported encoding and transform, and the raw fallbacks.
import { vlField } from "../../src/charts/plan/sql";
import { NASTY as COLUMN } from "./plan-harness";

// As a spec names it: quotes escaped, as Vega-Lite field references need.
const NASTY = vlField(COLUMN);

type Spec = Record<string, unknown>;

const noAria = { config: { aria: false } };
const bar = (encoding: Spec, extra: Spec = {}): Spec => ({ mark: "bar", encoding, ...extra });
const ops = [
  "sum",
  "mean",
  "average",
  "median",
  "q1",
  "q3",
  "min",
  "max",
  "valid",
  "missing",
  "stdev",
  "stdevp",
  "variance",
  "variancep",
];
const units = [
  "year",
  "quarter",
  "month",
  "yearquarter",
  "yearmonth",
  "yearmonthdate",
  "date",
  "day",
  "week",
  "yearweek",
  "dayofyear",
];
const byDay = (unit: string, field = "day"): Spec => ({
  mark: "line",
  encoding: { x: { field, timeUnit: unit }, y: { aggregate: "sum", field: "amount" } },
});
const countBy = (filter: unknown): Spec =>
  bar({ x: { field: "segment" }, y: { aggregate: "count" } }, { transform: [{ filter }] });

/** Case name -> spec; each plans over table `t` of the harness. */
export const CASES: Record<string, Spec> = {
  "count-by-nominal": bar({ x: { field: "segment" }, y: { aggregate: "count" } }),
  "count-horizontal-sorted": bar({ y: { field: "segment", sort: "-x" }, x: { aggregate: "count", field: "amount" } }),
  "sum-stacked-by-color": bar({
    x: { field: "segment" },
    y: { aggregate: "sum", field: "amount" },
    color: { field: "vip" },
  }),
  ...Object.fromEntries(
    ops.map((op) => [`aggregate-${op}`, bar({ x: { field: "segment" }, y: { aggregate: op, field: "amount" } })]),
  ),
  "aggregate-distinct-text": bar({ x: { field: "vip" }, y: { aggregate: "distinct", field: "segment" } }),
  "aggregate-mean-point-size": {
    mark: "point",
    encoding: { x: { field: "segment" }, y: { field: "note" }, size: { aggregate: "mean", field: "qty" } },
  },
  "bin-histogram": bar({ x: { field: "amount", bin: true }, y: { aggregate: "count" } }),
  "bin-maxbins-30": bar({ x: { field: "amount", bin: { maxbins: 30 } }, y: { aggregate: "count" } }),
  "bin-step-integer": bar({ x: { field: "qty", bin: { step: 3 } }, y: { aggregate: "count" } }),
  // Vega-Lite itself cannot build the ARIA description of a binned field whose name holds a quote.
  "bin-negative-quoted-field": bar({ y: { field: NASTY, bin: true }, x: { aggregate: "sum", field: "qty" } }, noAria),
  "bin-heatmap": {
    mark: "rect",
    encoding: {
      x: { field: "amount", bin: true },
      y: { field: NASTY, bin: { maxbins: 8 } },
      color: { aggregate: "count" },
    },
    ...noAria,
  },
  ...Object.fromEntries(units.map((unit) => [`timeunit-${unit}`, byDay(unit)])),
  "timeunit-hours-timestamp": byDay("hours", "at"),
  "timeunit-yearmonthdatehours-timestamp": {
    ...byDay("yearmonthdatehours", "at"),
    transform: [{ filter: { field: "amount", lt: 5000 } }],
  },
  "timeunit-bar-color": bar({
    x: { field: "day", timeUnit: "yearquarter" },
    y: { aggregate: "count" },
    color: { field: "segment" },
  }),
  "filter-equal": countBy({ field: "note", equal: "a" }),
  "filter-oneof": countBy({ field: "qty", oneOf: [1, 2, 3, 5, 8] }),
  "filter-range": countBy({ field: "amount", range: [100, 600] }),
  "filter-lt-nulls-as-zero": countBy({ field: "amount", lt: 300 }),
  "filter-gte": countBy({ field: NASTY, gte: 0 }),
  "filter-valid": countBy({ field: "amount", valid: true }),
  "filter-and-or-not": countBy({
    and: [
      {
        or: [
          { field: "vip", equal: true },
          { field: "qty", gt: 15 },
        ],
      },
      { not: { field: "note", equal: "b" } },
    ],
  }),
  "transform-aggregate": bar(
    { x: { field: "segment" }, y: { field: "total", type: "quantitative" } },
    {
      transform: [{ aggregate: [{ op: "sum", field: "amount", as: "total" }], groupby: ["segment"] }],
    },
  ),
  "transform-joinaggregate": bar(
    { x: { field: "segment" }, y: { aggregate: "max", field: "share" } },
    {
      transform: [
        { joinaggregate: [{ op: "sum", field: "qty", as: "segment_qty" }], groupby: ["segment"] },
        { filter: { field: "qty", gt: 10 } },
        { window: [{ op: "rank", as: "share" }], sort: [{ field: "amount" }], groupby: ["note"] },
      ],
    },
  ),
  "transform-window-top": bar(
    { x: { field: "segment" }, y: { aggregate: "count" }, color: { field: "note" } },
    {
      transform: [
        { window: [{ op: "rank", as: "r" }], sort: [{ field: "amount", order: "descending" }], groupby: ["segment"] },
        { filter: { field: "r", lte: 10 } },
      ],
    },
  ),
  "raw-window-cumulative": {
    mark: "point",
    encoding: { x: { field: "day" }, y: { field: "running", type: "quantitative" } },
    transform: [
      { filter: { field: "qty", equal: 7 } },
      { window: [{ op: "sum", field: "amount", as: "running" }], sort: [{ field: "day" }, { field: "at" }] },
    ],
  },
  "raw-scatter": { mark: "point", encoding: { x: { field: "amount" }, y: { field: "qty" } } },
  "boxplot-vertical": { mark: "boxplot", encoding: { x: { field: "segment" }, y: { field: "amount" } } },
  "boxplot-horizontal-color-extent": {
    mark: { type: "boxplot", extent: 0.2 },
    encoding: { y: { field: "note" }, x: { field: "amount", type: "quantitative" }, color: { field: "vip" } },
  },
  "boxplot-min-max-filtered": {
    mark: { type: "boxplot", extent: "min-max" },
    encoding: { x: { field: "segment" }, y: { field: "qty" } },
    transform: [{ filter: { field: "amount", gt: 100 } }],
  },
  "boxplot-outliers-one-group": {
    mark: "boxplot",
    encoding: { y: { field: "spiky", type: "quantitative" } },
    transform: [{ calculate: "datum.qty * datum.qty * datum.qty * datum.qty", as: "spiky" }],
  },
  "raw-boxplot-aggregate": {
    mark: "boxplot",
    encoding: { x: { field: "segment" }, y: { field: "amount", aggregate: "sum" } },
  },
  "calculate-sum": bar(
    { x: { field: "segment" }, y: { aggregate: "sum", field: "double" } },
    {
      transform: [{ filter: { field: "note", equal: "a" } }, { calculate: "datum.amount * 2", as: "double" }],
    },
  ),
  "calculate-bin-filter": bar(
    { x: { field: "scaled", bin: true }, y: { aggregate: "count" } },
    {
      transform: [
        { calculate: `round((datum['${COLUMN}'] - 3) / 4) + -datum.qty % 3 + abs(floor(datum.vip))`, as: "scaled" },
        { filter: { field: "scaled", gte: -4 } },
      ],
    },
  ),
  "raw-calculate-text": bar(
    { x: { field: "label" }, y: { aggregate: "count" } },
    { transform: [{ calculate: "datum.segment + '!'", as: "label" }] },
  ),
  "raw-calculate-divide-by-field": bar(
    { x: { field: "segment" }, y: { aggregate: "sum", field: "ratio" } },
    { transform: [{ calculate: "datum.amount / datum.qty", as: "ratio" }] },
  ),
  "raw-layer": { layer: [{ mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "count" } } }] },
};
