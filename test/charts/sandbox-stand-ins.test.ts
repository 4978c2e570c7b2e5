// The chart sandbox's stand-ins for parts of d3 (vite.config.ts aliases them in its build): the colour
// schemes are d3's own, colour for colour, and the geo functions refuse with the no-maps message.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
// @ts-expect-error -- d3-scale-chromatic ships no type declarations (only vega-scale imports it).
import * as d3Chromatic from "d3-scale-chromatic";
import * as schemes from "../../src/charts/schemes";
import * as noMaps from "../../src/charts/no-maps";
import { chartFrameText, setChartFrameLocale } from "../../src/messages/chart-frame";

/** The names a built Vega module imports from `from`. */
function importedNames(file: string, from: string): string[] {
  const text = readFileSync(resolve(__dirname, "../../node_modules", file), "utf8");
  const names = new RegExp(`import \\{([^}]*)\\} from '${from}'`).exec(text)?.[1] ?? "";
  return names.split(",").map((s) => s.trim().split(" as ")[0]);
}

describe("charts/schemes", () => {
  it("holds every scheme vega-scale imports from d3-scale-chromatic, the same colours", () => {
    const imported = importedNames("vega-scale/build/vega-scale.js", "d3-scale-chromatic");
    expect(imported.length).toBeGreaterThan(5);
    expect(new Set(imported)).toEqual(new Set(Object.keys(schemes)));
    const d3 = d3Chromatic as unknown as Record<string, readonly string[]>;
    for (const [name, colours] of Object.entries(schemes)) expect(colours, name).toEqual(d3[name]);
  });
});

describe("charts/no-maps", () => {
  it("stands in for every name Vega imports from d3-geo and topojson-client, each refusing", () => {
    const imported = [
      ...importedNames("vega-functions/build/vega-functions.js", "d3-geo"),
      ...importedNames("vega-loader/build/vega-loader.browser.js", "topojson-client"),
    ];
    expect(new Set(imported)).toEqual(new Set(Object.keys(noMaps)));
    for (const fn of Object.values(noMaps)) expect(() => fn()).toThrow(chartFrameText("en").projectionMissing());
  });

  it("refuses in the language the frame last drew in", () => {
    setChartFrameLocale("zh-CN");
    try {
      expect(() => noMaps.geoArea()).toThrow("图表是一张地图（使用了投影）");
    } finally {
      setChartFrameLocale("en-US");
    }
  });
});
