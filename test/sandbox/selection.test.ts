// The sandbox's selection watcher on a real Vega view (Node, no renderer): what it reports when a brush
// or a click changes, and the brush a re-drawn chart starts with.
import { describe, expect, it } from "vitest";
import { parse, View } from "vega";
import { compile } from "vega-lite";
import { watchSelections, withKeptSelections } from "../../src/sandbox/selection";
import type { SelectionMessage } from "../../src/sandbox/selection-protocol";

const months = [0, 1, 2, 3, 4, 5].map((m) => ({ order_date: Date.UTC(2024, m, 1), n: 10 + m }));
const brushSpec = () => ({
  mark: "bar",
  width: 300,
  data: { values: months },
  params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
  encoding: {
    x: { field: "order_date", type: "temporal", timeUnit: "utcyearmonth" },
    y: { field: "n", type: "quantitative" },
  },
});

async function drawn(spec: Record<string, unknown>, id: number, sent: SelectionMessage[]): Promise<View> {
  const view = new View(parse(compile(spec as never).spec), { renderer: "none" });
  await view.runAsync();
  watchSelections(view, id, spec, (m) => sent.push(m));
  return view;
}

const settled = () => new Promise((r) => setTimeout(r, 5));

describe("watchSelections and withKeptSelections", () => {
  it("reports a brush as its two bounds (epoch ms), cleared as empty, and once on drawing", async () => {
    const sent: SelectionMessage[] = [];
    const view = await drawn(brushSpec(), 1, sent);
    expect(sent).toEqual([{ type: "clientbook:selection", id: 1, name: "brush", values: [] }]);
    view.signal("brush_x", [60, 200]);
    await view.runAsync();
    view.signal("brush_x", [60, 210]);
    await view.runAsync();
    await settled();
    // Two moves in one task: one message, with the last extent.
    expect(sent).toHaveLength(2);
    const [from, to] = sent[1].values as number[];
    expect(from).toBeGreaterThan(Date.UTC(2024, 0, 1));
    expect(from).toBeLessThan(to);
    expect(to).toBeLessThan(Date.UTC(2024, 6, 1));
    view.signal("brush_x", []);
    await view.runAsync();
    await settled();
    expect(sent.at(-1)?.values).toEqual([]);
    view.finalize();
  });

  it("a re-drawn chart starts with the brush it had, and reports that same brush", async () => {
    const sent: SelectionMessage[] = [];
    const first = await drawn(brushSpec(), 1, sent);
    first.signal("brush_x", [60, 200]);
    await first.runAsync();
    await settled();
    const brushed = sent.at(-1)!.values;
    first.finalize();
    const again = withKeptSelections(brushSpec());
    expect((again.params as { value?: unknown }[])[0].value).toEqual({ x: brushed });
    const resent: SelectionMessage[] = [];
    const second = await drawn(again, 2, resent);
    expect(resent).toEqual([{ type: "clientbook:selection", id: 2, name: "brush", values: brushed }]);
    second.finalize();
  });

  it("reports the clicked values of a point selection", async () => {
    const spec = {
      mark: "bar",
      data: {
        values: [
          { s: "Retail", n: 1 },
          { s: "Online", n: 2 },
        ],
      },
      params: [{ name: "pick", select: { type: "point", fields: ["s"] }, value: [{ s: "Online" }] }],
      encoding: { x: { field: "s", type: "nominal" }, y: { field: "n", type: "quantitative" } },
    };
    const sent: SelectionMessage[] = [];
    const view = await drawn(spec, 7, sent);
    expect(sent).toEqual([{ type: "clientbook:selection", id: 7, name: "pick", values: ["Online"] }]);
    view.finalize();
  });
});
