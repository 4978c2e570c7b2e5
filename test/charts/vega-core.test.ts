// The charts' Vega (charts/vega-core.ts) registers only the transforms Vega-Lite compiles to: every kind of
// Vega-Lite chart still draws, and a spec that needs a left-out transform fails with a message naming it.
import { describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import { registeredTransforms, requireKnownTransforms } from "../../src/charts/vega-core";
import { chartFrameText } from "../../src/messages/chart-frame";
import { chartToSvg } from "../../src/cli/chart-svg";

const row = (i: number) => ({ x: i, y: (i * 7) % 13, g: i % 3 ? "a" : "b", d: `2024-02-${(i % 28) + 1}` });
const rows = Array.from({ length: 40 }, (_, i) => row(i));
const data = { values: rows };
const xy = { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } };

/** Vega-Lite specs between them using every transform Vega-Lite compiles to (and a nearest selection). */
const specs: Record<string, object> = {
  bars: { data, mark: "bar", encoding: { x: { field: "g" }, y: { aggregate: "sum", field: "y" } } },
  stacked: {
    data,
    mark: "bar",
    encoding: { x: { timeUnit: "date", field: "d" }, y: { aggregate: "count" }, color: { field: "g" } },
  },
  binned: { data, mark: "bar", encoding: { x: { bin: true, field: "y" }, y: { aggregate: "count" } } },
  window: {
    data,
    transform: [
      { window: [{ op: "rank", as: "r" }], sort: [{ field: "y" }] },
      { joinaggregate: [{ op: "mean", field: "y", as: "m" }] },
      { calculate: "datum.y - datum.m", as: "dy" },
      { filter: "datum.r < 30" },
      { fold: ["x", "y"] },
    ],
    mark: "point",
    encoding: { x: { field: "key" }, y: { field: "value", type: "quantitative" } },
  },
  statistics: {
    data,
    layer: [
      { transform: [{ regression: "y", on: "x" }], mark: "line", encoding: xy },
      { transform: [{ loess: "y", on: "x" }], mark: "line", encoding: xy },
    ],
  },
  density: {
    data,
    transform: [
      { density: "y", groupby: ["g"] },
      { quantile: "value", as: ["p", "v"] },
    ],
    mark: "line",
    encoding: { x: { field: "p", type: "quantitative" }, y: { field: "v", type: "quantitative" } },
  },
  impute: {
    data,
    mark: "line",
    encoding: { ...xy, y: { ...xy.y, impute: { value: 0 } }, color: { field: "g" } },
  },
  nearest: {
    data,
    params: [{ name: "hover", select: { type: "point", nearest: true, on: "pointerover", fields: ["x"] } }],
    mark: "point",
    encoding: xy,
  },
  boxplot: { data, mark: "boxplot", encoding: { x: { field: "g" }, y: { field: "y", type: "quantitative" } } },
  facet: {
    data,
    facet: { field: "g" },
    spec: { mark: "tick", encoding: { x: { field: "y", type: "quantitative" } } },
  },
  pivot: {
    data,
    transform: [{ pivot: "g", value: "y", groupby: ["x"] }, { flatten: [] }, { sample: 20 }],
    mark: "point",
    encoding: { x: { field: "x", type: "quantitative" }, y: { field: "a", type: "quantitative" } },
  },
};

describe("requireKnownTransforms(vegaSpec)", () => {
  it("registers the dataflow's core operators but none of Vega's map, graph or text-layout transforms", () => {
    for (const type of ["aggregate", "bin", "stack", "window", "regression", "loess", "voronoi", "identifier"]) {
      expect(registeredTransforms.has(type), type).toBe(true);
    }
    for (const type of ["geoshape", "projection", "force", "treemap", "label", "wordcloud", "crossfilter"]) {
      expect(registeredTransforms.has(type), type).toBe(false);
    }
  });

  it.each(Object.entries(specs))("lets the Vega of a %s chart through, and it draws", async (_, spec) => {
    const vega = compile(spec as TopLevelSpec).spec;
    expect(requireKnownTransforms(vega)).toBe(vega);
    const svg = await chartToSvg(spec as Record<string, unknown>);
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(svg).toMatch(/<path|<line|<rect/);
  });

  it("sees Vega-Lite's nearest selection compile to the voronoi transform it keeps", () => {
    expect(JSON.stringify(compile(specs.nearest as TopLevelSpec).spec)).toContain('"type":"voronoi"');
  });

  it("names the transforms a spec needs that are left out, wherever they sit", () => {
    const vega = {
      data: [{ name: "nodes", values: [], transform: [{ type: "force" }] }],
      marks: [
        { type: "group", marks: [{ type: "text", from: { data: "nodes" }, transform: [{ type: "wordcloud" }] }] },
      ],
    };
    const named = /Vega transforms “force”, “wordcloud”, which Clientbook/;
    expect(() => requireKnownTransforms(vega)).toThrow(named);
    expect(() => requireKnownTransforms(vega, chartFrameText("zh-CN"))).toThrow(/需要 Vega 变换 “force”、“wordcloud”/);
  });

  it("refuses a map in the report with the same clear message, and draws nothing", async () => {
    const map = {
      data: { values: [{ type: "Feature", geometry: { type: "Point", coordinates: [0, 0] }, properties: {} }] },
      mark: "geoshape",
      projection: { type: "mercator" },
    };
    const message = /The chart is a map \(it uses a projection\).*do not include maps/;
    await expect(chartToSvg(map)).rejects.toThrow(message);
    await expect(chartToSvg(map, "zh-CN")).rejects.toThrow("图表是一张地图（使用了投影）");
  });
});
