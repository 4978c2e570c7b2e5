// New, copied and restored cells: free names, starting sources, copies that keep source and attributes.
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/notebook/parse";
import { copySpec, freeName, newCellSpec, restoreSpec } from "../../src/ui/new-cell";
import type { SessionState } from "../../src/session/types";

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
