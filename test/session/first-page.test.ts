// A session that reads a first page of each named result (the app's `firstRows`): the same rows, counts
// and values as reading them all, with the rest read on demand, for the table, an input's options, a ts cell.
import { describe, expect, it } from "vitest";
import { DISPLAY_ROW_CAP, shownRows } from "../../src/session/evaluate";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { cell, notebookText, rowsOf, sessionWith } from "./helpers";

const NOTEBOOK = notebookText([
  // 2,500 rows: the 2,401st row is the first with region 'late', past a first page of 1,000.
  [
    "sql many",
    "SELECT range AS i, CASE WHEN range < 2400 THEN 'r' || (range % 3) ELSE 'late' END AS region FROM range(2500) ORDER BY i",
  ],
  ["input pick", '{ "type": "select", "options_from": "many.region", "value": "late" }'],
  ["ts total", "return [{ n: many.length, last: many[many.length - 1].i }];"],
  ["sql few", "SELECT 1 AS x"],
]);

describe("openSession(engine, { firstRows })", () => {
  it("reads a first page, counts every row, and reads the rest on demand in order", async () => {
    const runner = nodeCodeRunner({ timeoutMs: 0 });
    const { session, engine, close } = await sessionWith(NOTEBOOK, { firstRows: 1000, runner });
    const statements: string[] = [];
    const query = engine.query.bind(engine);
    engine.query = (sql, params, options) => (statements.push(sql), query(sql, params, options));
    // A named cell's first page is read in its CREATE's turn.
    const createAndRead = engine.createAndRead.bind(engine);
    engine.createAndRead = (sql, params, read, options) => (
      statements.push(sql, read),
      createAndRead(sql, params, read, options)
    );
    try {
      await session.runAll();
      const many = cell(session, "many").output;
      if (many?.type !== "table" || !many.readRows) throw new Error("no first page");
      expect(many.table.numRows).toBe(1000);
      expect(many.totalRows).toBe(2500);
      expect(statements).toContain('SELECT * FROM "many" LIMIT 1000');
      // No reader where the first page holds every row.
      const few = cell(session, "few").output;
      expect(few?.type === "table" && few.readRows).toBeUndefined();
      const block = await many.readRows(1000, 2000);
      expect(block.numRows).toBe(1000);
      expect(block.column(0)[0]).toBe(1000);
      expect(block.column(0)[999]).toBe(1999);
      const all = await shownRows(many);
      expect(all.numRows).toBe(2500);
      expect([...all.column(0)]).toEqual(Array.from({ length: 2500 }, (_, i) => i));
      // The input offers the value first seen on row 2,401, as when the run read every row.
      const pick = cell(session, "pick").output;
      expect(pick?.type === "input" && pick.options).toEqual(["r0", "r1", "r2", "late"]);
      expect(pick?.type === "input" && pick.value).toBe("late");
      expect(rowsOf(cell(session, "total"))).toEqual([{ n: 2500, last: 2499 }]);
    } finally {
      runner.close();
      await close();
    }
  });

  it("reads every shown row with the run by default", async () => {
    const { session, close } = await sessionWith(NOTEBOOK);
    try {
      await session.runAll();
      const many = cell(session, "many").output;
      expect(many?.type === "table" && [many.table.numRows, many.readRows]).toEqual([2500, undefined]);
      expect(DISPLAY_ROW_CAP).toBe(100_000);
    } finally {
      await close();
    }
  });
});
