// New, copied and restored cells: free names, starting sources, copies that keep source and attributes.
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/notebook/parse";
import { copySpec, freeName, newCellSpec, restoreSpec } from "../../src/ui/new-cell";
import type { SessionState } from "../../src/session/types";
import { starterChart } from "../../src/ui/starter-chart";
import { tableFromColumns } from "../../src/table/result";

const fence = "```";
const notebook = parseNotebook(`---
notebook: 1
title: T
---

${fence}sql query_1
SELECT 1
${fence}

${fence}sql orders_2
SELECT 2
${fence}

${fence}chart chart_1 data=query_1
{ "mark": "bar" }
${fence}
`);
const state = {
  notebook,
  cells: notebook.cells.map((cell) => ({ cell, status: "idle", stale: false })),
  tables: [{ name: 'my "orders"', rows: 1, columns: [] }],
  problems: [],
  trusted: true,
  engineReady: true,
} as unknown as SessionState;

describe("new cells", () => {
  it("names a new cell with the first free number of its kind's stem", () => {
    expect(freeName("query", new Set(["query_1", "query_3"]))).toBe("query_2");
    const source = 'SELECT *\nFROM "my ""orders"""\nLIMIT 100';
    expect(newCellSpec(state, "sql")).toEqual({ kind: "sql", name: "query_2", source });
    expect(newCellSpec(state, "chart")).toMatchObject({ name: "chart_2", attrs: { data: "orders_2" } });
    expect(newCellSpec(state, "markdown")).toEqual({ kind: "markdown", source: "" });
  });

  it("copies a cell under a free name with the same source and attributes; restores it under its own name", () => {
    const [query, orders, chart] = notebook.cells;
    expect(copySpec(state, query)).toEqual({ kind: "sql", name: "query_2", source: "SELECT 1", attrs: {} });
    expect(copySpec(state, orders).name).toBe("orders_3");
    expect(copySpec(state, chart)).toMatchObject({ name: "chart_2", attrs: { data: "query_1" } });
    expect(restoreSpec(chart)).toMatchObject({ kind: "chart", name: "chart_1", source: chart.source });
  });
});

describe("a new chart cell's starting spec", () => {
  it("counts by the first text column, else bins the first number, else counts by month, else counts rows", () => {
    const col = (name: string, kind: string) => ({ name, kind }) as never;
    const spec = (columns: never[]) => JSON.parse(starterChart(columns)) as Record<string, unknown>;
    expect(spec([col("n", "number"), col("segment", "string")])).toEqual({
      mark: "bar",
      encoding: { x: { field: "segment", type: "nominal" }, y: { aggregate: "count" } },
    });
    expect(spec([col("d", "date"), col("amount", "number")]).encoding).toEqual({
      x: { field: "amount", bin: true },
      y: { aggregate: "count" },
    });
    expect(spec([col("d", "date")])).toEqual({
      mark: "line",
      encoding: { x: { field: "d", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
    });
    expect(spec([])).toEqual({ mark: "bar", encoding: { y: { aggregate: "count" } } });
  });

  it("reads the latest result that has rows, with its columns", () => {
    const table = tableFromColumns([{ name: "region", type: "VARCHAR", kind: "string" }], [["north"]]);
    const withOutput = {
      ...state,
      cells: state.cells.map((c, i) => (i === 0 ? { ...c, output: { type: "table", table } } : c)),
    } as unknown as SessionState;
    const cell = newCellSpec(withOutput, "chart");
    expect(cell.attrs).toEqual({ data: "query_1" });
    expect(JSON.parse(cell.source).encoding.x).toEqual({ field: "region", type: "nominal" });
  });
});
