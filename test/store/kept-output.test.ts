// What is kept of a result for the next visit: a chart's spec as drawn (not one over the row cap), a table's
// first rows with its true count, Markdown values as text, nothing of inputs or values; within a budget.
import { describe, expect, it } from "vitest";
import { CHART_ROW_CAP } from "../../src/charts/bind";
import { KEPT_TABLE_ROWS, keptOutput, keptTable, keptWithin } from "../../src/store/kept-output";
import type { CellOutput } from "../../src/session/types";
import { tableFromColumns } from "../../src/table/result";

const table = (rows: number): CellOutput => ({
  type: "table",
  table: tableFromColumns(
    [
      { name: "id", type: "INTEGER", kind: "number" },
      { name: "name", type: "VARCHAR", kind: "string" },
    ],
    [Array.from({ length: rows }, (_, i) => i), Array.from({ length: rows }, (_, i) => `n${i}`)],
  ),
  totalRows: rows * 10,
});
const chart = (rows: number): CellOutput => ({
  type: "chart",
  spec: { mark: "bar", data: { values: Array.from({ length: rows }, (_, i) => ({ x: i })) } },
  rows,
});

describe("keptOutput(output)", () => {
  it("keeps a table's first rows and its true row count, read back as the same rows", () => {
    const kept = keptOutput(table(500));
    expect(kept?.type).toBe("table");
    if (kept?.type !== "table") return;
    expect(kept.totalRows).toBe(5000);
    const back = keptTable(kept);
    expect(back.numRows).toBe(KEPT_TABLE_ROWS);
    expect(back.rows(99, 100)[0]).toEqual(Object.assign(Object.create(null), { id: 99, name: "n99" }));
    // Plain data: what IndexedDB stores is what comes back.
    expect(structuredClone(kept)).toEqual(kept);
  });

  it("keeps a chart's spec as drawn up to the row cap, and not one drawing more rows", () => {
    expect(keptOutput(chart(10))).toEqual({ type: "chart", spec: (chart(10) as { spec: unknown }).spec, rows: 10 });
    expect(keptOutput(chart(CHART_ROW_CAP + 1))).toBeUndefined();
  });

  it("keeps Markdown text and nothing of inputs or values", () => {
    expect(keptOutput({ type: "markdown", text: "Total: 12" })).toEqual({ type: "markdown", text: "Total: 12" });
    expect(keptOutput({ type: "value", value: 3 })).toBeUndefined();
  });
});

describe("keptWithin(cells, earlier, budget)", () => {
  it("skips a result that does not fit the budget and keeps later ones that do, then earlier ones", () => {
    const cells = [
      { key: "small", output: table(2) },
      { key: "big", output: chart(3000) },
      { key: "small2", output: table(3) },
    ];
    const kept = keptWithin(cells, { old: { type: "markdown", text: "x" } }, 2000);
    expect(Object.keys(kept)).toEqual(["small", "small2", "old"]);
    expect(Object.keys(keptWithin(cells, {}, 0))).toEqual([]);
  });

  it("prefers this run's result to an earlier one under the same key", () => {
    const kept = keptWithin([{ key: "k", output: table(1) }], { k: { type: "markdown", text: "old" } });
    expect(kept.k.type).toBe("table");
  });
});
