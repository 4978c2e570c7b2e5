import { describe, expect, it } from "vitest";
import { bindChart, bindChartData } from "../../src/charts/bind";
import { kindOfType, tableFromColumns, type ResultTable } from "../../src/table/result";

function table(columns: [string, string][], data: unknown[][]): ResultTable {
  return tableFromColumns(
    columns.map(([name, type]) => ({ name, type, kind: kindOfType(type) })),
    data as never,
  );
}

const monthly = table(
  [
    ["month", "DATE"],
    ["revenue", "DOUBLE"],
    ["region", "VARCHAR"],
  ],
  [
    [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)],
    [10.5, 20],
    ["DACH", "Nordics"],
  ],
);

describe("bindChartData(spec, table)", () => {
  it("inlines rows as plain objects with dates as epoch milliseconds", () => {
    const spec = bindChartData({ mark: "bar" }, monthly);
    expect(spec.data).toEqual({
      values: [
        { month: Date.UTC(2024, 0, 1), revenue: 10.5, region: "DACH" },
        { month: Date.UTC(2024, 1, 1), revenue: 20, region: "Nordics" },
      ],
    });
    const first = (spec.data as { values: object[] }).values[0];
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
  });

  it("types date fields temporal and defaults other types from the column kind", () => {
    const spec = bindChartData(
      {
        mark: "line",
        encoding: {
          x: { field: "month" },
          y: { field: "revenue" },
          color: { field: "region" },
          tooltip: [{ field: "month" }, { field: "revenue", type: "ordinal" }],
        },
      },
      monthly,
    );
    const enc = spec.encoding as Record<string, { type?: string } | { type?: string }[]>;
    expect(enc.x).toEqual({ field: "month", type: "temporal" });
    expect(enc.y).toEqual({ field: "revenue", type: "quantitative" });
    expect(enc.color).toEqual({ field: "region", type: "nominal" });
    expect(enc.tooltip).toEqual([
      { field: "month", type: "temporal" },
      { field: "revenue", type: "ordinal" },
    ]);
  });

  it("keeps the author's types, fields it does not know, and aggregates without a field", () => {
    const spec = bindChartData(
      {
        encoding: {
          x: { field: "month", type: "ordinal" },
          y: { aggregate: "count" },
          size: { field: "nope" },
          color: { field: "region", aggregate: "distinct" },
        },
      },
      monthly,
    );
    expect(spec.encoding).toEqual({
      x: { field: "month", type: "ordinal" },
      y: { aggregate: "count" },
      size: { field: "nope" },
      color: { field: "region", aggregate: "distinct", type: "quantitative" },
    });
  });

  it("types encodings inside layers and does not touch the input spec", () => {
    const input = {
      layer: [{ mark: "line", encoding: { x: { field: "month" } } }],
      usermeta: { embedOptions: { actions: true } },
    };
    const before = JSON.stringify(input);
    const spec = bindChartData(input, monthly);
    expect((spec.layer as { encoding: { x: unknown } }[])[0].encoding.x).toEqual({ field: "month", type: "temporal" });
    expect(JSON.stringify(input)).toBe(before);
  });

  it("strips usermeta and replaces data the author declared", () => {
    const spec = bindChartData(
      { usermeta: { embedOptions: { loader: {} } }, data: { url: "https://example.com/x.csv" } },
      monthly,
    );
    expect("usermeta" in spec).toBe(false);
    expect(spec.data).toEqual({ values: expect.any(Array) });
    expect((spec.data as { url?: string }).url).toBeUndefined();
  });
});

describe("bindChart(spec, table, cap)", () => {
  it("caps the inlined rows and reports both counts", () => {
    const n = 12;
    const big = table([["i", "INTEGER"]], [Array.from({ length: n }, (_, i) => i)]);
    const bound = bindChart({ mark: "point" }, big, 5);
    expect(bound.rows).toBe(5);
    expect(bound.totalRows).toBe(12);
    expect((bound.spec.data as { values: { i: number }[] }).values.map((r) => r.i)).toEqual([0, 1, 2, 3, 4]);
  });
});
