// Chart selections as inputs, compiled: which `params` become named values, the messages for those that
// cannot, the graph nodes they become, and what a reported selection binds (charts/selection.ts).
import { describe, expect, it } from "vitest";
import { compileChart } from "../../src/compile/chart";
import { compileCell } from "../../src/compile/compile";
import { chartSelections, selectionId, selectionNodes } from "../../src/compile/selection";
import { ALL_BOUNDS, selectionValue } from "../../src/charts/selection";
import { buildGraph } from "../../src/graph/graph";
import type { Cell } from "../../src/notebook/types";

const brush = { name: "brush", select: { type: "interval", encodings: ["x"] } };
const spec = (params: unknown[]) => ({
  mark: "bar",
  params,
  encoding: { x: { field: "d" }, y: { aggregate: "count" } },
});
const chartCell = (name: string, data: string, s: object): Cell => ({
  id: `id_${name}`,
  kind: "chart",
  name,
  attrs: { data },
  source: JSON.stringify(s, null, 2),
});
const sqlCell = (name: string, source: string): Cell => ({ id: `id_${name}`, kind: "sql", name, attrs: {}, source });
const withNodes = (cells: Cell[]) => cells.map(compileCell).flatMap((c) => [c, ...selectionNodes(c)]);

describe("chartSelections(spec)", () => {
  it("reads interval and point selections projected on one channel or field; other params are not selections", () => {
    const out = chartSelections(
      spec([
        brush,
        { name: "pick", select: { type: "point", fields: ["segment"] } },
        { name: "click", select: { type: "point", encodings: ["x"] } },
        { name: "opacity", value: 0.5 },
      ]),
    );
    expect(out).toEqual({
      selections: [
        { name: "brush", type: "interval", channel: "x", source: { field: "d" } },
        { name: "pick", type: "point", field: "segment", source: { field: "segment" } },
        { name: "click", type: "point", channel: "x", source: { field: "d" } },
      ],
    });
    expect(chartSelections({ mark: "bar" })).toEqual({ selections: [] });
  });

  it("names the selection and says what to write for each mistake", () => {
    const error = (p: unknown) => chartSelections(spec([p])).error;
    expect(error({ name: "my brush", select: "interval" })).toMatch(/needs a "name".*“my brush”/);
    const lasso = { name: "b", select: { type: "lasso", encodings: ["x"] } };
    expect(error(lasso)).toMatch(/“b”.*“lasso”.*"interval"/);
    expect(error({ name: "b", select: "interval" })).toMatch(/“b” must name exactly one channel or field/);
    expect(error({ name: "b", select: { type: "interval", encodings: ["x", "y"] } })).toMatch(/exactly one/);
    expect(error({ name: "b", select: { type: "interval", encodings: ["color"] } })).toMatch(/no color encoding/);
  });

  it("a chart cell records its selections, and a bad one is an error at the params line", () => {
    const good = compileChart("orders", JSON.stringify(spec([brush])));
    expect(good.body?.selections).toEqual([{ name: "brush", type: "interval", channel: "x", source: { field: "d" } }]);
    const bad = compileChart("orders", '{\n  "mark": "bar",\n  "params": [{ "name": "b", "select": "interval" }]\n}');
    expect(bad.error).toMatchObject({ line: 3, column: 3, message: expect.stringContaining("exactly one") });
  });
});

describe("linked charts", () => {
  it("a selection names the field behind its channel with the encoding's time unit", () => {
    const months = { ...spec([brush]), encoding: { x: { field: "day", timeUnit: { unit: "yearmonth" } } } };
    expect(chartSelections(months).selections[0].source).toEqual({ field: "day", timeUnit: "yearmonth" });
    const byField = { ...months, params: [{ name: "p", select: { type: "point", fields: ["day"] } }] };
    expect(chartSelections(byField).selections[0].source).toEqual({ field: "day", timeUnit: "yearmonth" });
  });

  it("a chart filtering by another chart's selection reads it (once), and runs after the selecting chart", () => {
    const linked = {
      mark: "bar",
      transform: [{ filter: { param: "brush" } }, { filter: { param: "brush", empty: false } }],
      encoding: { x: { field: "s" }, y: { aggregate: "count" } },
    };
    const compiled = compileChart("orders", JSON.stringify(linked));
    expect(compiled.references).toEqual(["orders", "brush"]);
    expect(compiled.body?.links).toEqual(["brush"]);
    const own = compileChart("orders", JSON.stringify({ ...linked, params: [brush] }));
    expect(own.references).toEqual(["orders"]);
    const cells = withNodes([
      sqlCell("orders", "SELECT 1 AS d, 'a' AS s"),
      chartCell("by_segment", "orders", linked),
      chartCell("months", "orders", spec([brush])),
    ]);
    const g = buildGraph(cells);
    expect(g.errors.size).toBe(0);
    expect(g.order).toEqual(["id_orders", "id_months", selectionId("id_months", "brush"), "id_by_segment"]);
  });
});

describe("selection nodes in the graph", () => {
  it("the chart defines its selection's name: its readers run after the chart, which reads nothing new", () => {
    const cells = withNodes([
      sqlCell("orders", "SELECT 1 AS d"),
      chartCell("months", "orders", spec([brush])),
      sqlCell("picked", "SELECT * FROM orders WHERE d BETWEEN ${brush}[1] AND ${brush}[2]"),
    ]);
    const node = cells.find((c) => c.id === selectionId("id_months", "brush"))!;
    expect(node).toMatchObject({ kind: "chart", name: "brush", defines: ["brush"], references: ["months"] });
    const g = buildGraph(cells);
    expect(g.errors.size).toBe(0);
    expect(g.order).toEqual(["id_orders", "id_months", node.id, "id_picked"]);
    expect(g.upstream("id_picked")).toEqual(["id_orders", node.id]);
    expect(g.descendants(node.id)).toEqual(["id_picked"]);
    expect(g.descendants("id_months")).toEqual([node.id, "id_picked"]);
    expect(g.upstream("id_months")).toEqual(["id_orders"]);
  });

  it("a selection named like a cell is a duplicate name; an unknown ${name} is still reported", () => {
    const g = buildGraph(
      withNodes([
        sqlCell("orders", "SELECT 1 AS d"),
        chartCell("months", "orders", spec([{ ...brush, name: "orders" }])),
        sqlCell("reader", "SELECT ${bruhs}"),
      ]),
    );
    expect(g.errors.get("id_orders")?.message).toMatch(/orders/);
    // The clash shows on the chart that declares the selection (its node is never shown).
    expect(g.errors.get("id_months")?.message).toMatch(/orders/);
    expect(g.errors.get("id_reader")?.message).toMatch(/bruhs/);
  });
});

describe("selectionValue(type, raw, encoding)", () => {
  const ms = (iso: string) => Date.parse(iso);
  it("a brush over months binds the first and last day of the months starting inside it", () => {
    const on = { type: "temporal", timeUnit: "utcyearmonth" };
    expect(selectionValue("interval", [ms("2024-02-14T10:00:00Z"), ms("2024-04-20")], on)).toEqual([
      "2024-03-01",
      "2024-04-30",
    ]);
    expect(selectionValue("interval", [ms("2024-04-20"), ms("2024-03-01")], on)).toEqual(["2024-03-01", "2024-04-30"]);
    expect(
      selectionValue("interval", [ms("2023-11-01"), ms("2024-02-02")], { ...on, timeUnit: "yearquarter" }),
    ).toEqual(["2024-01-01", "2024-03-31"]);
    // Between two month starts: from after to, so no row matches.
    expect(selectionValue("interval", [ms("2024-05-03"), ms("2024-05-20")], on)).toEqual(["2024-06-01", "2024-05-31"]);
  });

  it("a brush on a continuous axis binds its bounds as text; cleared, it spans everything", () => {
    expect(selectionValue("interval", [12.5, 3], { type: "quantitative" })).toEqual(["3", "12.5"]);
    expect(
      selectionValue("interval", [ms("2024-01-02T03:04:05.006Z"), ms("2024-01-03")], { type: "temporal" }),
    ).toEqual(["2024-01-02 03:04:05.006", "2024-01-03 00:00:00.000"]);
    expect(selectionValue("interval", [], { type: "temporal" })).toEqual([...ALL_BOUNDS]);
  });

  it("a point selection binds the clicked values (dates as text); cleared, an empty list", () => {
    expect(selectionValue("point", ["Retail", 3], { type: "nominal" })).toEqual(["Retail", 3]);
    expect(selectionValue("point", [ms("2024-03-01")], { type: "temporal", timeUnit: "yearmonth" })).toEqual([
      "2024-03-01",
    ]);
    expect(selectionValue("point", [], { type: "nominal" })).toEqual([]);
  });
});
