// The chart theme: every chart is sized to its cell (unless the spec sizes itself) and compiles with the
// theme's fonts, palette, number format and tooltips.
import { describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import { CHART_FONT, CHART_PALETTE, chartTheme, fitToCell, HEATMAP_HEIGHT } from "../../src/charts/theme";

const rfm = {
  encoding: { x: { field: "f", type: "ordinal" }, y: { field: "r", type: "ordinal" } },
  layer: [
    { mark: "rect", encoding: { color: { field: "n", type: "quantitative" } } },
    { mark: "text", encoding: { text: { field: "n", type: "quantitative" } } },
  ],
};

describe("fitToCell", () => {
  it("gives a layered heatmap the cell's width and a heatmap's height", () => {
    expect(fitToCell(rfm)).toMatchObject({ width: "container", height: HEATMAP_HEIGHT });
  });

  it("keeps Vega-Lite's step per bar along a discrete y, and sizes a continuous y", () => {
    const bars = fitToCell({ mark: "bar", encoding: { y: { field: "s", type: "nominal" }, x: { field: "n" } } });
    expect(bars).toEqual(expect.objectContaining({ width: "container" }));
    expect(bars.height).toBeUndefined();
    const line = fitToCell({ mark: "line", encoding: { y: { field: "n", type: "quantitative" } } });
    expect(line.height).toBe(300);
  });

  it("leaves sizes the spec sets, and composite and faceted views, as they are", () => {
    expect(fitToCell({ ...rfm, width: 480, height: 200 })).toMatchObject({ width: 480, height: 200 });
    const concat = { hconcat: [rfm, rfm] };
    expect(fitToCell(concat)).toBe(concat);
    const faceted = { mark: "bar", encoding: { row: { field: "s" }, y: { field: "n", type: "quantitative" } } };
    expect(fitToCell(faceted)).toBe(faceted);
  });
});

describe("chartTheme", () => {
  it("compiles into charts with the CJK-capable font, the palette, grouped numbers and tooltips", () => {
    const spec = {
      data: { values: [{ s: "华东", n: 12_345.5 }] },
      mark: "bar",
      encoding: { x: { field: "s", type: "nominal" }, y: { field: "n", type: "quantitative" }, color: { field: "s" } },
      config: chartTheme,
    } as unknown as TopLevelSpec;
    const vg = JSON.stringify(compile(spec).spec);
    expect(vg).toContain(JSON.stringify(CHART_FONT).slice(1, -1));
    expect(vg).toContain(CHART_PALETTE[1]);
    expect(vg).toContain('"format":",~f"');
    expect(vg).toContain('"tooltip"');
    expect(CHART_FONT).toContain("'Noto Sans CJK SC'");
  });
});
