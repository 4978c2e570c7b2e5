// Removing a loaded table: it leaves the database and the table list, its declaration stays (the
// notebook asks for the file again), and only the cells reading it (and their readers) go stale.
import { describe, expect, it } from "vitest";
import type { SessionEvent } from "../../src/session/types";
import { cell, notebookText, sample, sessionWith } from "./helpers";

const NOTEBOOK = notebookText(
  [
    ["sql a", "SELECT count(*) AS n FROM customers"],
    ["sql b", "SELECT count(*) AS n FROM orders"],
    ["sql c", "SELECT n + 1 AS m FROM a"],
    ["sql d", "SELECT 42 AS v"],
  ],
  ["customers: { file: customers.csv }", "orders: { file: orders.csv }"],
);

describe("Session.dropTable(name)", () => {
  it("drops the table, keeps its declaration, marks only its readers stale and resolves with them", async () => {
    const { session, engine, close } = await sessionWith(NOTEBOOK, { liveDelayMs: 0 });
    try {
      await session.loadFile(sample("customers.csv"));
      await session.loadFile(sample("orders.csv"));
      await session.runAll();
      await session.whenIdle();
      const events: SessionEvent[] = [];
      session.on((e) => events.push(e));

      const readers = await session.dropTable("customers");

      expect(readers).toEqual([cell(session, "a").cell.id]);
      expect((await engine.listTables()).map((t) => t.name)).toEqual(["orders"]);
      expect(session.getState().tables.map((t) => t.name)).toEqual(["orders"]);
      expect(session.save()).toContain("customers: { file: customers.csv }");
      expect(session.getState().problems.join("\n")).toContain("customers.csv");
      expect(["a", "b", "c", "d"].map((n) => cell(session, n).stale)).toEqual([true, false, true, false]);
      const changed = events.flatMap((e) => (e.type === "cell" ? [e.state.cell.name] : []));
      expect(changed.sort()).toEqual(["a", "c"]);
      expect(events.some((e) => e.type === "tables" && e.tables.length === 1)).toBe(true);
      // Nothing re-runs by itself: a stale reader keeps its last result until the table is back.
      await session.whenIdle();
      expect(cell(session, "a").status).toBe("done");

      // Loading the file again fills the same declared table, and its readers run again.
      await session.loadFile(sample("customers.csv"));
      await session.whenIdle();
      expect(
        session
          .getState()
          .tables.map((t) => t.name)
          .sort(),
      ).toEqual(["customers", "orders"]);
      expect(cell(session, "a").stale).toBe(false);
    } finally {
      await close();
    }
  });

  it("quotes the table name (a name with a double quote drops that table only)", async () => {
    const { session, engine, close } = await sessionWith(notebookText([["sql d", "SELECT 1 AS v"]]), {});
    try {
      await session.loadFile(sample("customers.csv"), { table: 'we"ird' });
      await session.loadFile(sample("customers.csv"), { table: "we" });
      await session.dropTable('we"ird');
      expect((await engine.listTables()).map((t) => t.name)).toEqual(["we"]);
    } finally {
      await close();
    }
  });

  it("refuses a table that is not loaded, saying which, and changes nothing", async () => {
    const { session, engine, close } = await sessionWith(NOTEBOOK, {});
    try {
      await session.loadFile(sample("orders.csv"));
      await expect(session.dropTable("customers")).rejects.toThrow(/customers/);
      expect((await engine.listTables()).map((t) => t.name)).toEqual(["orders"]);
      expect(session.getState().tables.map((t) => t.name)).toEqual(["orders"]);
    } finally {
      await close();
    }
  });
});
