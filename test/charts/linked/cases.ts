// Linked chart cases: chart A declares a selection (with the value a user drew or clicked), chart B over the
// same data filters by it. Shared by the planner's golden test and the pre-aggregate's equality test.
import type { LinkedSelection } from "../../../src/charts/plan/linked";
import { selectionValue, type RawSelection } from "../../../src/charts/selection";
import { chartSelections } from "../../../src/compile/selection";
import type { ColumnInfo } from "../../../src/table/result";

type Spec = Record<string, unknown>;

/** A linked case: the selecting chart, the filtered chart and what the selection holds (empty: nothing). */
export interface LinkedCase {
  readonly a: Spec;
  readonly b: Spec;
  readonly raw: RawSelection;
}

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const select = (type: string, on: Spec): Spec[] => [{ name: "brush", select: { type, ...on } }];
const months = (field = "day"): Spec => ({
  mark: "bar",
  params: select("interval", { encodings: ["x"] }),
  encoding: { x: { field, timeUnit: "yearmonth" }, y: { aggregate: "count" } },
});
const segments: Spec = {
  mark: "bar",
  params: select("point", { encodings: ["x"] }),
  encoding: { x: { field: "segment" }, y: { aggregate: "count" } },
};
const histogram: Spec = {
  mark: "bar",
  params: select("interval", { encodings: ["x"] }),
  encoding: { x: { field: "amount", bin: true }, y: { aggregate: "count" } },
};
const filtered = (encoding: Spec, extra: Spec = {}): Spec => ({
  mark: "bar",
  transform: [{ filter: { param: "brush" } }],
  encoding,
  ...extra,
});
const countBySegment = filtered({ x: { field: "segment" }, y: { aggregate: "count" } });

/** Case name -> case; each plans over table `t` of the harness. */
export const LINKED_CASES: Record<string, LinkedCase> = {
  "count-by-months-brush": { a: months(), b: countBySegment, raw: [day(2023, 3, 10), day(2023, 9, 20)] },
  "sum-by-timestamp-months-brush": {
    a: months("at"),
    b: filtered({ x: { field: "segment" }, y: { aggregate: "sum", field: "amount" } }),
    raw: [day(2023, 11, 2), day(2024, 4, 1)],
  },
  "mean-by-amount-brush": {
    a: histogram,
    b: filtered({ x: { field: "vip" }, y: { aggregate: "mean", field: "qty" } }),
    raw: [120.5, 610],
  },
  "min-max-by-amount-brush": {
    a: histogram,
    b: filtered({ x: { field: "segment" }, y: { aggregate: "min", field: "qty" }, color: { field: "note" } }),
    raw: [200, 800],
  },
  "binned-by-months-brush": {
    a: months(),
    b: filtered({ x: { field: "amount", bin: true }, y: { aggregate: "count" } }),
    raw: [day(2023, 5, 1), day(2023, 12, 31)],
  },
  "monthly-line-by-point-on-bar": {
    a: segments,
    b: filtered(
      { x: { field: "day", timeUnit: "yearmonth" }, y: { aggregate: "sum", field: "amount" } },
      { mark: "line" },
    ),
    raw: ["Retail", "Online"],
  },
  "count-by-null-point": { a: segments, b: filtered({ x: { field: "vip" }, y: { aggregate: "count" } }), raw: [null] },
  "count-by-point-on-month": {
    a: { ...months(), params: select("point", { encodings: ["x"] }) },
    b: countBySegment,
    raw: [day(2023, 2, 1), day(2024, 7, 1)],
  },
  "count-by-time-brush-no-unit": {
    a: {
      mark: "point",
      params: select("interval", { encodings: ["x"] }),
      encoding: { x: { field: "at" }, y: { field: "amount" } },
    },
    b: countBySegment,
    raw: [day(2023, 6, 1) + 3_600_000, day(2023, 8, 15) + 7_200_000],
  },
  "count-by-brush-between-months": { a: months(), b: countBySegment, raw: [day(2023, 3, 5), day(2023, 3, 25)] },
  "empty-brush-keeps-all": { a: months(), b: countBySegment, raw: [] },
  "empty-point-keeps-all": { a: segments, b: filtered({ x: { field: "vip" }, y: { aggregate: "count" } }), raw: [] },
  "empty-false-keeps-none": {
    a: months(),
    b: { ...countBySegment, transform: [{ filter: { param: "brush", empty: false } }] },
    raw: [],
  },
  "median-by-months-brush": {
    a: months(),
    b: filtered({ x: { field: "segment" }, y: { aggregate: "median", field: "amount" } }),
    raw: [day(2023, 1, 1), day(2023, 6, 30)],
  },
  "distinct-by-months-brush": {
    a: months(),
    b: filtered({ x: { field: "vip" }, y: { aggregate: "distinct", field: "segment" } }),
    raw: [day(2024, 1, 1), day(2024, 6, 30)],
  },
};

/** The selection as chart B's planner gets it: the field and time unit from A's spec, the value `${brush}` binds. */
export function linkedOf(c: LinkedCase, columns: readonly ColumnInfo[]): LinkedSelection {
  const [spec] = chartSelections(c.a).selections;
  const source = spec.source!;
  const column = columns.find((col) => col.name === source.field);
  const temporal = column?.kind === "date" || column?.kind === "timestamp";
  const value = selectionValue(spec.type, c.raw, {
    type: temporal ? "temporal" : undefined,
    timeUnit: source.timeUnit,
  });
  return { type: spec.type, field: source.field, ...(source.timeUnit ? { timeUnit: source.timeUnit } : {}), value };
}

/** Chart A with its selection holding the case's value, as Vega-Lite's `value` sets it (none when empty). */
export function withValue(c: LinkedCase): Spec {
  if (!c.raw.length) return c.a;
  const [spec] = chartSelections(c.a).selections;
  const { field, timeUnit } = spec.source!;
  const key = timeUnit ? `${timeUnit}_${field}` : field;
  const value = spec.type === "interval" ? { [spec.channel!]: c.raw } : c.raw.map((v) => ({ [key]: v }));
  const [param] = c.a.params as Spec[];
  return { ...c.a, params: [{ ...param, value }] };
}
