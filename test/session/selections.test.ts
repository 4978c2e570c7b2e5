// Chart selections as inputs on the native engine: a brush or a click reported by the chart re-runs the
// cells reading `${name}` (bound as SQL parameters), never the chart itself; cleared, they see every row.
import { describe, expect, it } from "vitest";
import { cell, notebookText, rowsOf, sessionWith } from "./helpers";

const monthly = (extra = "") =>
  notebookText([
    [
      "sql orders",
      "SELECT DATE '2024-01-01' + INTERVAL (i) DAY AS order_date, 'C' || (i % 7) AS customer, " +
        "['Retail', 'Online', 'Partner'][1 + i % 3] AS segment FROM range(366) t(i)",
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
      "sql picked",
      "SELECT count(*) AS n, min(order_date) AS first_day, max(order_date) AS last_day FROM orders\n" +
        "WHERE order_date BETWEEN ${brush}[1]::DATE AND ${brush}[2]::DATE",
    ],
    ...(extra ? [["sql by_segment", extra] as [string, string]] : []),
  ]);

const day = (iso: string) => Date.parse(iso);

describe("chart selections in a session", () => {
  it("a brush re-runs the reader over the months it covers; cleared, the reader sees every row", async () => {
    const { session, close } = await sessionWith(monthly(), { liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(rowsOf(cell(session, "picked"))).toEqual([
        { n: 366, first_day: day("2024-01-01"), last_day: day("2024-12-31") },
      ]);
      const chartBefore = cell(session, "months").output;
      const chartId = cell(session, "months").cell.id;
      // Mid-February to mid-April, as the chart reports a brush on a time axis (epoch milliseconds):
      // the months starting inside it are March and April.
      session.setSelection(chartId, "brush", [day("2024-02-14T10:00:00Z"), day("2024-04-20T00:00:00Z")]);
      await session.whenIdle();
      expect(rowsOf(cell(session, "picked"))).toEqual([
        { n: 31 + 30, first_day: day("2024-03-01"), last_day: day("2024-04-30") },
      ]);
      // The chart did not re-run: its output is the very same object.
      expect(cell(session, "months").output).toBe(chartBefore);
      session.setSelection(chartId, "brush", []);
      await session.whenIdle();
      expect(rowsOf(cell(session, "picked"))[0].n).toBe(366);
    } finally {
      await close();
    }
  });

  it("a brush between two month starts selects nothing: the reader gets no rows, not an error", async () => {
    const { session, close } = await sessionWith(monthly(), { liveDelayMs: 0 });
    try {
      await session.runAll();
      const chartId = cell(session, "months").cell.id;
      session.setSelection(chartId, "brush", [day("2024-05-03"), day("2024-05-20")]);
      await session.whenIdle();
      expect(cell(session, "picked").status).toBe("done");
      expect(rowsOf(cell(session, "picked"))[0].n).toBe(0);
    } finally {
      await close();
    }
  });

  it("a point selection binds the clicked values as a list; cleared, an empty list", async () => {
    const text = notebookText([
      ["sql orders", "SELECT ['Retail', 'Online', 'Partner'][1 + i % 3] AS segment FROM range(30) t(i)"],
      [
        "chart segments data=orders",
        JSON.stringify({
          mark: "bar",
          params: [{ name: "pick", select: { type: "point", fields: ["segment"] } }],
          encoding: { x: { field: "segment" }, y: { aggregate: "count" } },
        }),
      ],
      ["sql chosen", "SELECT count(*) AS n FROM orders WHERE len(${pick}) = 0 OR list_contains(${pick}, segment)"],
    ]);
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(rowsOf(cell(session, "chosen"))).toEqual([{ n: 30 }]);
      const chartId = cell(session, "segments").cell.id;
      session.setSelection(chartId, "pick", ["Online", "Partner"]);
      await session.whenIdle();
      expect(rowsOf(cell(session, "chosen"))).toEqual([{ n: 20 }]);
      session.setSelection(chartId, "pick", []);
      await session.whenIdle();
      expect(rowsOf(cell(session, "chosen"))).toEqual([{ n: 30 }]);
    } finally {
      await close();
    }
  });

  it("refuses values that are not a list of plain values, and keeps the last selection", async () => {
    const { session, close } = await sessionWith(monthly(), { liveDelayMs: 0 });
    try {
      await session.runAll();
      const chartId = cell(session, "months").cell.id;
      session.setSelection(chartId, "brush", [day("2024-03-01"), day("2024-03-31")]);
      await session.whenIdle();
      expect(() => session.setSelection(chartId, "brush", [{ a: 1 }])).toThrow(/selection brush/);
      expect(() => session.setSelection(chartId, "brush", "2024")).toThrow(/list/);
      // A name the chart does not declare (a stale message after an edit) changes nothing.
      session.setSelection(chartId, "other", [1, 2]);
      await session.whenIdle();
      expect(rowsOf(cell(session, "picked"))[0].n).toBe(31);
      // The selection is not written into the file.
      expect(session.save()).not.toContain("2024-03");
    } finally {
      await close();
    }
  });
});
