// Linked charts in a session on the native engine: a chart filtering by another chart's brush
// (`{ "filter": { "param": "brush" } }`) re-runs when the brush moves, draws the same sums as SQL over the raw
// rows, and, once its pre-aggregate is built, answers each new brush from it instead of the raw rows.
import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { cell, notebookText, sessionWith } from "./helpers";

const ROWS = 40_000;
const text = notebookText([
  [
    "sql orders",
    "SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS order_date, " +
      `['Retail', 'Online', 'Partner'][1 + i % 3] AS segment, (i % 97) * 1.5 AS amount FROM range(${ROWS}) t(i)`,
  ],
  [
    "chart months data=orders",
    JSON.stringify({
      mark: "bar",
      params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
      encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
    }),
  ],
  [
    "chart by_segment data=orders",
    JSON.stringify({
      mark: "bar",
      transform: [{ filter: { param: "brush" } }],
      encoding: { x: { field: "segment" }, y: { aggregate: "sum", field: "amount" } },
    }),
  ],
]);

const day = (iso: string) => Date.parse(iso);

async function expected(engine: Engine, from: string, to: string) {
  const sql =
    "SELECT segment, sum(amount) AS sum_amount FROM orders WHERE order_date BETWEEN CAST(? AS DATE) " +
    "AND CAST(? AS DATE) GROUP BY segment ORDER BY segment";
  return (await engine.query(sql, [from, to])).rows().map((r) => ({ ...r }));
}

function drawn(session: Parameters<typeof cell>[0]) {
  const output = cell(session, "by_segment").output;
  if (output?.type !== "chart") throw new Error("by_segment drew no chart");
  const values = (output.spec.data as { values: Record<string, unknown>[] }).values;
  return values.map((v) => ({ segment: v.segment, sum_amount: v.sum_amount }));
}

async function preaggregates(engine: Engine): Promise<string[]> {
  const sql = "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__clientbook_linked_%'";
  return (await engine.query(sql)).rows().map((r) => String(r.table_name));
}

describe("linked charts in a session", () => {
  it("brushing chart A redraws chart B with SQL's sums, from the pre-aggregate once it is built", async () => {
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0 });
    const queries: string[] = [];
    const query = engine.query.bind(engine);
    engine.query = (sql, params, options) => (queries.push(sql), query(sql, params, options));
    try {
      await session.runAll();
      expect(cell(session, "by_segment").status).toBe("done");
      expect(drawn(session)).toEqual(await expected(engine, "-infinity", "infinity"));
      const chartId = cell(session, "months").cell.id;
      // The first draw starts the pre-aggregate's build in the background.
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toHaveLength(1);
      const brushes: [string, string, string, string][] = [
        ["2024-02-14T10:00:00Z", "2024-04-20T00:00:00Z", "2024-03-01", "2024-04-30"],
        ["2024-06-01T00:00:00Z", "2024-06-30T00:00:00Z", "2024-06-01", "2024-06-30"],
        ["2024-05-03T00:00:00Z", "2024-05-20T00:00:00Z", "2024-06-01", "2024-05-31"],
      ];
      for (const [lo, hi, from, to] of brushes) {
        queries.length = 0;
        session.setSelection(chartId, "brush", [day(lo), day(hi)]);
        await session.whenIdle();
        expect(cell(session, "by_segment").status).toBe("done");
        expect(drawn(session)).toEqual(await expected(engine, from, to));
        const chartQuery = queries.find((q) => q.includes("sum_amount"));
        expect(chartQuery).toMatch(/FROM __clientbook_linked_\d+ WHERE/);
        expect(chartQuery).not.toContain('"orders"');
      }
      expect(drawn(session)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("queues a chart's pre-aggregate build after its first draw's query; a brush before the build waits for it", async () => {
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0 });
    const queries: string[] = [];
    const query = engine.query.bind(engine);
    engine.query = (sql, params, options) => (queries.push(sql), query(sql, params, options));
    try {
      await session.runAll();
      expect(cell(session, "by_segment").status).toBe("done");
      // The engine runs queries in the order they are posted: the draw's own query must not wait for the build.
      const draw = queries.findIndex((q) => q.includes("sum_amount") && q.includes('"orders"'));
      const build = queries.findIndex((q) => q.startsWith("CREATE OR REPLACE TEMP TABLE __clientbook_linked_"));
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(build).toBeGreaterThan(draw);
      // A brush while the build may still run: drawn from the pre-aggregate once built, with SQL's sums.
      queries.length = 0;
      session.setSelection(cell(session, "months").cell.id, "brush", [day("2024-02-14"), day("2024-04-20")]);
      await session.whenIdle();
      expect(drawn(session)).toEqual(await expected(engine, "2024-03-01", "2024-04-30"));
      expect(queries.find((q) => q.includes("sum_amount"))).toMatch(/FROM __clientbook_linked_\d+ WHERE/);
    } finally {
      await close();
    }
  });

  it("a new result of the data cell drops the old pre-aggregate and builds one for the new rows", async () => {
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toHaveLength(1);
      const [first] = await preaggregates(engine);
      await session.runAll();
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).not.toEqual([first]);
      expect(await preaggregates(engine)).toHaveLength(1);
      session.setSelection(cell(session, "months").cell.id, "brush", [day("2024-01-10"), day("2024-03-02")]);
      await session.whenIdle();
      expect(drawn(session)).toEqual(await expected(engine, "2024-02-01", "2024-03-31"));
    } finally {
      await close();
    }
  });

  it("drops a chart's pre-aggregate when its spec stops linking, and when the chart is deleted", async () => {
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toHaveLength(1);
      const id = cell(session, "by_segment").cell.id;
      const unlinked = { mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "sum", field: "amount" } } };
      session.setSource(id, JSON.stringify(unlinked));
      await session.whenIdle();
      expect(cell(session, "by_segment").status).toBe("done");
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toEqual([]);

      session.setSource(
        id,
        cell(session, "by_segment").cell.source.replace('"mark"', '"transform":[{"filter":{"param":"brush"}}],"mark"'),
      );
      await session.whenIdle();
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toHaveLength(1);
      session.deleteCell(id);
      await session.whenIdle();
      await expect.poll(() => preaggregates(engine), { timeout: 20_000 }).toEqual([]);
    } finally {
      await close();
    }
  });

  it("filtering by a name that is no chart selection fails the chart cell, naming it", async () => {
    const bad = notebookText([
      ["sql orders", "SELECT 1 AS amount, 'a' AS segment"],
      ["input limit", '{ "type": "number", "value": 3 }'],
      [
        "chart by_segment data=orders",
        JSON.stringify({
          mark: "bar",
          transform: [{ filter: { param: "limit" } }],
          encoding: { x: { field: "segment" }, y: { aggregate: "sum", field: "amount" } },
        }),
      ],
    ]);
    const { session, close } = await sessionWith(bad, { liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(cell(session, "by_segment").status).toBe("error");
      expect(cell(session, "by_segment").error?.message).toMatch(/“limit”.*not a chart selection/);
    } finally {
      await close();
    }
  });
});
