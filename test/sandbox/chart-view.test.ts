// The sandbox's data-only chart update, on a real Vega view (Node, no renderer): which specs differ only in
// their rows, and that rows put into the named dataset are parsed and drawn as an embed of them would be.
import { describe, expect, it } from "vitest";
import { parse, View } from "vega";
import { compile } from "vega-lite";
import { requireKnownTransforms } from "../../src/charts/vega-core";
import { CHART_ROWS, splitRows, WARM_SPEC } from "../../src/sandbox/chart-view";
import { asWarmMessage } from "../../src/sandbox/protocol";

const spec = (values: unknown[]) => ({
  mark: "bar",
  data: { values },
  encoding: {
    x: { field: "order_date", type: "temporal", timeUnit: "yearmonth" },
    y: { field: "n", type: "quantitative", aggregate: "sum" },
  },
});

/** The bars of a view: each month's start (ms) and its sum. */
const bars = (view: View) =>
  (view.data("data_0") as Record<string, unknown>[]).map((d) => [d.yearmonth_order_date, d.sum_n]);

describe("splitRows", () => {
  it("tells a spec that differs only in its rows from one that differs in anything else", () => {
    const a = splitRows(spec([{ order_date: "2024-01-05", n: 1 }]))!;
    const b = splitRows(
      spec([
        { order_date: "2024-02-05", n: 2 },
        { order_date: "2024-03-05", n: 3 },
      ]),
    )!;
    expect(a.rest).toBe(b.rest);
    expect(b.rows).toHaveLength(2);
    expect(splitRows({ ...spec([]), mark: "line" })!.rest).not.toBe(a.rest);
    // Only plain inline rows can be swapped: a named or loaded dataset is embedded afresh.
    expect(splitRows({ ...spec([]), data: { name: "x", values: [] } })).toBeUndefined();
    expect(splitRows({ ...spec([]), data: { url: "data.csv" } })).toBeUndefined();
    expect(splitRows({ mark: "bar" })).toBeUndefined();
  });

  it("rows put into the named dataset are parsed and drawn as a new embed of them draws them", async () => {
    const first = [{ order_date: "2024-01-05", n: 1 }];
    const next = [
      { order_date: "2024-02-05", n: 2 },
      { order_date: "2024-02-20", n: 5 },
      { order_date: "2024-03-05", n: 3 },
    ];
    const named = (values: unknown[]) => ({ ...spec(values), data: { name: CHART_ROWS, values } });
    const view = new View(parse(compile(named(first) as never).spec), { renderer: "none" });
    await view.runAsync();
    await view.data(CHART_ROWS, next).runAsync();
    const fresh = new View(parse(compile(named(next) as never).spec), { renderer: "none" });
    await fresh.runAsync();
    expect(bars(view)).toEqual(bars(fresh));
    expect(bars(view).map(([, sum]) => sum)).toEqual([7, 3]);
    // The text dates were parsed in the dataflow (Vega-Lite parses named rows there, not at load).
    expect(Object.prototype.toString.call(bars(view)[0][0])).toBe("[object Date]");
  });
});

describe("WARM_SPEC and the warm message", () => {
  it("the warm-up chart compiles, passes the bundle's transform check and draws its three bars", async () => {
    const compiled = requireKnownTransforms(compile(WARM_SPEC as never).spec);
    const view = new View(parse(compiled), { renderer: "none" });
    await view.runAsync();
    expect(view.data("data_0")).toHaveLength(3);
  });

  it("accepts a warm message with or without a locale tag; drops a malformed tag; refuses other shapes", () => {
    expect(asWarmMessage({ type: "clientbook:warm", locale: "zh-CN" })).toEqual({
      type: "clientbook:warm",
      locale: "zh-CN",
    });
    expect(asWarmMessage({ type: "clientbook:warm", locale: "x<script>" })).toEqual({ type: "clientbook:warm" });
    expect(asWarmMessage({ type: "clientbook:render", id: 1, spec: {} })).toBeNull();
    expect(asWarmMessage("clientbook:warm")).toBeNull();
  });
});
