// Mapping a colleague's file once: a loaded table's columns renamed to the names the notebook expects,
// in one statement (whole or not at all), after which the cells reading it run on it.
import { describe, expect, it } from "vitest";
import { cell, notebookText, sample, sessionWith } from "./helpers";

const NOTEBOOK = notebookText(
  [["sql n", "SELECT count(DISTINCT client) AS clients, min(area) AS first_area FROM customers"]],
  ["customers: { file: customers.csv, roles: { customer_id: client, region: area } }"],
);

describe("Session.renameColumns(table, renames)", () => {
  it("renames and swaps columns so the notebook's SQL runs on a file named otherwise", async () => {
    const { session, engine, close } = await sessionWith(NOTEBOOK, { liveDelayMs: 0 });
    try {
      await session.loadFile(sample("customers.csv"));
      await session.runAll();
      expect(cell(session, "n").status).toBe("error");
      const columns = () => session.getState().tables[0].columns.map((c) => c.name);
      expect(columns()).toContain("customer_id");

      await session.renameColumns("customers", { customer_id: "client", region: "area" });
      expect(columns()).toContain("client");
      expect(columns()).not.toContain("customer_id");
      expect((await engine.listTables())[0].columns.map((c) => c.name)).toEqual(columns());
      await session.runAll();
      await session.whenIdle();
      expect(cell(session, "n").status).toBe("done");
      const before = (await engine.query("SELECT count(*) AS n, min(area) AS a FROM customers")).rows();

      // A swap in one statement; a name that does not exist changes nothing.
      await session.renameColumns("customers", { client: "area", area: "client" });
      expect(columns().indexOf("client")).toBeGreaterThan(columns().indexOf("area"));
      await expect(session.renameColumns("customers", { nope: "x", area: "y" })).rejects.toThrow(/nope/);
      expect(columns()).toContain("area");
      expect((await engine.query("SELECT count(*) AS n, min(client) AS a FROM customers")).rows()).toEqual(before);
      await expect(session.renameColumns("orders", { a: "b" })).rejects.toThrow(/orders/);
    } finally {
      await close();
    }
  });
});
