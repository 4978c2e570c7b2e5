// What a chart over the cap offers on its face, on the real native engine: a cap that draws every row
// (taken with setAttribute, which re-runs the chart), and a scatter's heatmap that counts every row in SQL;
// boxplots over the cap are exact where the planner pushes them down, else a stated sample.
import { describe, expect, it } from "vitest";
import { heatmapOf, HEATMAP_BINS } from "../../src/charts/offers";
import { cell, notebookText, sessionWith } from "./helpers";

type Row = Record<string, unknown>;
const ORDERS = `SELECT range AS id, 'seg' || (range % 7) AS segment, (range % 1000) / 10.0 AS amount,
  DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS day FROM range(120000)`;
const SCATTER = { title: "Amount by id", mark: "point", encoding: { x: { field: "id" }, y: { field: "amount" } } };

async function chartSession(spec: object, attrs = "") {
  const text = notebookText([
    ["sql orders", ORDERS],
    [`chart c data=orders${attrs}`, JSON.stringify(spec)],
  ]);
  const opened = await sessionWith(text, { liveDelayMs: 0 });
  await opened.session.runAll();
  return opened;
}

const chartOf = (state: ReturnType<typeof cell>) => {
  if (state.output?.type !== "chart") throw new Error(`no chart: ${state.error?.message}`);
  return state.output;
};

describe("chart offers over the cap", () => {
  it("offers no raise past the most a cap may be (100,000): 120,000 points get only the heatmap", async () => {
    const { session, close } = await chartSession(SCATTER, " cap=1000");
    try {
      const c = chartOf(cell(session, "c"));
      expect(c.rows).toBe(1000);
      expect(c.offers?.raiseCap).toBeUndefined();
      expect(c.offers?.heatmap).toBeDefined();
    } finally {
      await close();
    }
  }, 60_000);

  it("raises the cap through setAttribute: the info string changes and the chart re-runs with every row", async () => {
    const spec = { ...SCATTER };
    const text = notebookText([
      ["sql orders", ORDERS.replace("range(120000)", "range(30000)")],
      ["chart c data=orders", JSON.stringify(spec)],
    ]);
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      const before = chartOf(cell(session, "c"));
      expect(before.rows).toBe(5000);
      expect(before.offers?.raiseCap).toBe(30_000);
      session.setAttribute(cell(session, "c").cell.id, "cap", String(before.offers!.raiseCap));
      await session.whenIdle();
      const after = chartOf(cell(session, "c"));
      expect(after.rows).toBe(30_000);
      expect(after).not.toHaveProperty("note");
      expect(after).not.toHaveProperty("offers");
      expect(session.save()).toContain("```chart c data=orders cap=30000\n");
    } finally {
      await close();
    }
  }, 60_000);

  it("offers a scatter as a heatmap that the planner counts in SQL: every row counted, no sample", async () => {
    const { session, engine, close } = await chartSession(SCATTER);
    try {
      const heatmap = chartOf(cell(session, "c")).offers?.heatmap;
      expect(heatmap).toEqual({
        title: "Amount by id",
        mark: "rect",
        encoding: {
          x: { field: "id", type: "quantitative", bin: { maxbins: HEATMAP_BINS } },
          y: { field: "amount", type: "quantitative", bin: { maxbins: HEATMAP_BINS } },
          color: { aggregate: "count", type: "quantitative" },
        },
      });
      session.setSource(cell(session, "c").cell.id, JSON.stringify(heatmap, null, 2));
      await session.whenIdle();
      const drawn = chartOf(cell(session, "c"));
      expect(drawn).not.toHaveProperty("note");
      const values = (drawn.spec.data as { values: Row[] }).values;
      expect(values.length).toBeLessThanOrEqual(HEATMAP_BINS * HEATMAP_BINS);
      expect(values.reduce((sum, r) => sum + Number(r.__count), 0)).toBe(120_000);
      const total = await engine.query("SELECT count(*) AS n FROM orders");
      expect(Number(total.column(0)[0])).toBe(120_000);
    } finally {
      await close();
    }
  }, 60_000);

  it("offers no heatmap for what is not a scatter of two number columns", () => {
    const columns = [
      { name: "id", type: "BIGINT", kind: "number" },
      { name: "segment", type: "VARCHAR", kind: "string" },
      { name: "day", type: "DATE", kind: "date" },
    ] as const;
    const point = (x: string, y: string, more: object = {}) => ({
      mark: "point",
      encoding: { x: { field: x }, y: { field: y } },
      ...more,
    });
    expect(heatmapOf(point("id", "id"), columns)).toBeDefined();
    expect(heatmapOf(point("id", "segment"), columns)).toBeUndefined();
    expect(heatmapOf(point("day", "id"), columns)).toBeUndefined();
    expect(heatmapOf({ ...point("id", "id"), mark: "line" }, columns)).toBeUndefined();
    const brush = { params: [{ name: "b", select: "interval" }] };
    expect(heatmapOf(point("id", "id", brush), columns)).toBeUndefined();
    expect(heatmapOf(point("id", "id", { transform: [{ filter: "datum.id > 1" }] }), columns)).toBeUndefined();
    const coloured = point("id", "id");
    (coloured.encoding as Row).color = { field: "segment" };
    expect((heatmapOf(coloured, columns)!.encoding as Row).color).toEqual({ aggregate: "count", type: "quantitative" });
  });

  it("draws a boxplot over the cap from SQL quartiles, one it cannot push down as a stated sample", async () => {
    const exact = await chartSession({
      mark: "boxplot",
      encoding: { x: { field: "segment" }, y: { field: "amount" } },
    });
    try {
      const c = chartOf(cell(exact.session, "c"));
      expect(c).not.toHaveProperty("note");
      expect(c.rows).toBeLessThan(5000);
    } finally {
      await exact.close();
    }
    const spec = { mark: "boxplot", encoding: { x: { field: "day", timeUnit: "month" }, y: { field: "amount" } } };
    const sampled = await chartSession(spec);
    try {
      const c = chartOf(cell(sampled.session, "c"));
      expect(c.rows).toBe(5000);
      expect(c.note).toMatch(/^The data has 120,000 rows, .*the boxplot mark is drawn from raw rows/);
      expect(c.spec.title).toEqual({ text: "", subtitle: "Sample: 5,000 of 120,000 rows (deterministic)" });
      expect(c.offers?.heatmap).toBeUndefined();
    } finally {
      await sampled.close();
    }
  }, 60_000);
});
