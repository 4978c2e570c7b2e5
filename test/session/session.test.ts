import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { openSession } from "../../src/session/session";
import { serializeNotebook } from "../../src/notebook/serialize";
import { cell, notebookText, root, rowsOf, sample, sessionWith } from "./helpers";

describe("openSession(engine) on the example notebook", () => {
  it("loads the declared files and runs every cell, with tables, a derived cell and charts", async () => {
    const text = readFileSync(resolve(root, "notebooks/customer-review.md"), "utf8");
    const { session, close } = await sessionWith(text);
    try {
      await expect.poll(() => session.getState().engineReady).toBe(true);
      expect(session.getState().problems).toEqual([
        "Load customers.csv for table customers: the notebook reads it.",
        "Load orders.csv for table orders: the notebook reads it.",
      ]);
      const report = await session.loadFile(sample("customers.csv"));
      expect(report.table).toBe("customers");
      await session.loadFile(sample("orders.csv"));
      expect(
        session
          .getState()
          .tables.map((t) => t.name)
          .sort(),
      ).toEqual(["customers", "orders"]);
      expect(session.getState().problems).toEqual([]);
      await session.runAll();
      const state = session.getState();
      const failed = state.cells.filter((c) => c.status !== "done");
      expect(failed.map((c) => [c.cell.name ?? c.cell.id, c.status, c.error?.message])).toEqual([]);
      const top = rowsOf(cell(session, "top_customers"));
      expect(top).toHaveLength(20);
      expect(top[0].revenue as number).toBeGreaterThanOrEqual(top[19].revenue as number);
      const monthly = cell(session, "monthly_revenue");
      expect(monthly.output?.type === "table" && monthly.output.totalRows).toBe(30);
      const chart = cell(session, "revenue_trend").output;
      if (chart?.type !== "chart") throw new Error("revenue_trend has no chart");
      expect(chart.rows).toBe(30);
      const values = (chart.spec.data as { values: Record<string, unknown>[] }).values;
      expect(values[0].month).toBe(Date.UTC(2023, 0, 1));
      expect((chart.spec.encoding as { x: { type: string } }).x.type).toBe("temporal");
      expect(state.cells.find((c) => c.cell.kind === "markdown")?.output?.type).toBe("markdown");
    } finally {
      await close();
    }
  });
});

describe("openSession(engine) errors", () => {
  it("maps a DuckDB error into the cell's SQL, fails dependants, and keeps other cells working", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql base", "SELECT 1 AS x"],
        ["sql broken", "SELECT x\nFROM base\nWHERE nope > 1"],
        ["sql after", "SELECT * FROM broken"],
        ["sql fine", "SELECT x + 1 AS y FROM base"],
      ]),
    );
    try {
      await session.runAll();
      expect(cell(session, "broken")).toMatchObject({ status: "error", error: { line: 3, column: 7 } });
      expect(cell(session, "broken").error?.message).toMatch(/nope/);
      expect(cell(session, "broken").error?.message).not.toMatch(/CREATE OR REPLACE/);
      expect(cell(session, "after")).toMatchObject({
        status: "error",
        error: { message: "depends on broken, which failed" },
      });
      expect(rowsOf(cell(session, "fine"))).toEqual([{ y: 2 }]);
    } finally {
      await close();
    }
  });

  it("puts graph errors on the cells concerned and runs the rest", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql twin", "SELECT 1 AS a"],
        ["sql twin", "SELECT 2 AS a"],
        ["sql loop_a", "SELECT * FROM loop_b"],
        ["sql loop_b", "SELECT * FROM loop_a"],
        ["chart lost data=nowhere", '{"mark": "bar"}'],
        ["sql ok", "SELECT 42 AS answer"],
      ]),
    );
    try {
      await session.runAll();
      const states = session.getState().cells;
      expect(states.filter((c) => c.cell.name === "twin").map((c) => c.status)).toEqual(["error", "error"]);
      expect(cell(session, "loop_a").status).toBe("error");
      expect(cell(session, "loop_b").status).toBe("error");
      expect(cell(session, "lost").error?.message).toMatch(/nowhere/);
      expect(rowsOf(cell(session, "ok"))).toEqual([{ answer: 42 }]);
    } finally {
      await close();
    }
  });
});

describe("openSession(engine) runs", () => {
  it("re-runs an edited cell and its descendants; results in between are marked stale", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql a", "SELECT 1 AS v"],
        ["sql b", "SELECT v * 10 AS w FROM a"],
        ["sql c", "SELECT 7 AS z"],
      ]),
    );
    try {
      await session.runAll();
      const idOf = (name: string) => cell(session, name).cell.id;
      session.setSource(idOf("a"), "SELECT 2 AS v");
      expect(cell(session, "a").stale).toBe(true);
      expect(cell(session, "b").stale).toBe(true);
      expect(cell(session, "c").stale).toBe(false);
      const cElapsed = cell(session, "c").elapsedMs;
      await session.run(idOf("a"));
      expect(rowsOf(cell(session, "b"))).toEqual([{ w: 20 }]);
      expect(cell(session, "b").stale).toBe(false);
      expect(cell(session, "c").elapsedMs).toBe(cElapsed);
      expect(session.save()).toContain("SELECT 2 AS v");
    } finally {
      await close();
    }
  });

  it("drops a slow superseded query: the edited, faster cell wins", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql a", "SELECT count(*) AS v FROM range(4000000000)"],
        ["sql b", "SELECT v + 1 AS w FROM a"],
      ]),
    );
    try {
      const id = cell(session, "a").cell.id;
      const first = session.runAll();
      await expect.poll(() => cell(session, "a").status).toBe("running");
      session.setSource(id, "SELECT 2 AS v");
      await first;
      expect(rowsOf(cell(session, "a"))).toEqual([{ v: 2 }]);
      expect(rowsOf(cell(session, "b"))).toEqual([{ w: 3 }]);
      expect(cell(session, "a").stale).toBe(false);
    } finally {
      await close();
    }
  });

  it("draws a stated deterministic sample when a raw chart's data is over the cap", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql pts", "SELECT range AS x, range % 7 AS y FROM range(6000)"],
        ["chart scatter data=pts", '{"mark": "point", "encoding": {"x": {"field": "x"}, "y": {"field": "y"}}}'],
      ]),
    );
    try {
      await session.runAll();
      const output = cell(session, "scatter").output;
      if (output?.type !== "chart") throw new Error("no chart");
      expect(output.rows).toBe(5000);
      expect(output.note).toMatch(/^The data has 6,000 rows, .* a deterministic sample of 5,000 rows \(seed 42\)/);
      const values = (output.spec.data as { values: { x: number }[] }).values;
      expect(values).toHaveLength(5000);
      // A sample, not the first rows: some of the last thousand are in it.
      expect(values.some((v) => v.x >= 5000)).toBe(true);
    } finally {
      await close();
    }
  });

  it("updates the graph on rename, delete, insert and move", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql a", "SELECT 1 AS v"],
        ["sql b", "SELECT v FROM a"],
      ]),
    );
    try {
      await session.runAll();
      const a = cell(session, "a").cell.id;
      session.rename(a, "renamed");
      expect(cell(session, "b").stale).toBe(true);
      await session.runAll();
      expect(cell(session, "b").status).toBe("error");
      expect(cell(session, "b").error?.message).toMatch(/\ba\b/);
      const c = session.insertCell(0, { kind: "sql", name: "a", source: "SELECT 5 AS v" });
      expect(session.getState().cells[0].cell.id).toBe(c);
      await session.runAll();
      expect(rowsOf(cell(session, "b"))).toEqual([{ v: 5 }]);
      session.moveCell(c, 2);
      expect(session.getState().cells.map((x) => x.cell.name)).toEqual(["renamed", "b", "a"]);
      session.deleteCell(c);
      expect(session.getState().cells.map((x) => x.cell.name)).toEqual(["renamed", "b"]);
      expect(() => session.rename(a, "1bad")).toThrow(/not a valid cell name/);
      expect(session.save()).toContain("```sql renamed\n");
    } finally {
      await close();
    }
  });

  it("caps displayed rows at 100,000 and keeps the true count", async () => {
    const { session, close } = await sessionWith(notebookText([["sql many", "SELECT range AS i FROM range(150000)"]]));
    try {
      await session.runAll();
      const output = cell(session, "many").output;
      if (output?.type !== "table") throw new Error("no table");
      expect(output.table.numRows).toBe(100_000);
      expect(output.totalRows).toBe(150_000);
    } finally {
      await close();
    }
  });

  it("counts a large named result from its CREATE, with no count query", async () => {
    const engine = await nativeEngine();
    const sent: string[] = [];
    // The real engine, with each statement it is sent written down.
    const query: Engine["query"] = (sql, params) => (sent.push(sql), engine.query(sql, params));
    const createAndRead: Engine["createAndRead"] = (sql, params, read) => (
      sent.push(sql, read),
      engine.createAndRead(sql, params, read)
    );
    const session = openSession({ ...engine, query, createAndRead });
    session.open(notebookText([["sql many", "SELECT range AS i FROM range(150000)"]]), { trusted: true });
    try {
      await session.runAll();
      const output = cell(session, "many").output;
      expect(output?.type === "table" && output.totalRows).toBe(150_000);
      expect(sent.filter((q) => /count\(\*\)/i.test(q))).toEqual([]);
      expect(sent.filter((q) => q.includes('"many"'))).toHaveLength(2);
    } finally {
      await engine.close();
    }
  });

  it("does not run an untrusted notebook until trust()", async () => {
    const { session, close } = await sessionWith(notebookText([["sql a", "SELECT 1 AS v"]]), { trusted: false });
    try {
      await session.runAll();
      expect(cell(session, "a").status).toBe("idle");
      expect(session.getState().trusted).toBe(false);
      session.trust();
      await session.runAll();
      expect(cell(session, "a").status).toBe("done");
    } finally {
      await close();
    }
  });

  it("reads the notebook before the engine is ready and runs once it is", async () => {
    let resolveEngine!: (engine: Engine) => void;
    const session = openSession(new Promise<Engine>((r) => (resolveEngine = r)));
    session.open(
      notebookText([
        ["md", "# Title"],
        ["sql a", "SELECT 1 AS v"],
      ]),
      { trusted: true },
    );
    expect(session.getState().engineReady).toBe(false);
    expect(session.getState().cells.map((c) => c.cell.kind)).toEqual(["markdown", "sql"]);
    const running = session.runAll();
    const engine = await nativeEngine();
    try {
      resolveEngine(engine);
      await running;
      expect(session.getState().engineReady).toBe(true);
      expect(rowsOf(cell(session, "a"))).toEqual([{ v: 1 }]);
    } finally {
      await engine.close();
    }
  });
});

describe("openSession(engine) data", () => {
  it("names loaded tables uniquely, declares them, and writes roles into the front matter", async () => {
    const { session, close } = await sessionWith(notebookText([["sql n", "SELECT count(*) AS n FROM customers"]]));
    try {
      const first = await session.loadFile(sample("customers.csv"));
      const second = await session.loadFile(sample("customers.csv"));
      expect([first.table, second.table]).toEqual(["customers", "customers_2"]);
      session.setRoles("customers", { customer_id: "customer_id", date: "first_contact_date" });
      const saved = session.save();
      expect(saved).toMatch(/customers:\s*\n\s+file: customers.csv/);
      expect(saved).toContain("first_contact_date");
      expect(session.getState().notebook.frontMatter.data.customers.roles).toEqual({
        customer_id: "customer_id",
        date: "first_contact_date",
      });
      await session.runAll();
      expect(rowsOf(cell(session, "n"))).toEqual([{ n: 1200 }]);
    } finally {
      await close();
    }
  });

  it("leaves tables and notebook untouched when a load fails", async () => {
    const { session, close } = await sessionWith(notebookText([["sql a", "SELECT 1 AS v"]]));
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { fileSourceFromPath } = await import("../../src/engine/node-file");
    try {
      await session.loadFile(sample("customers.csv"));
      const before = session.getState();
      const dir = mkdtempSync(resolve(tmpdir(), "clientbook-session-"));
      writeFileSync(resolve(dir, "broken.parquet"), "PAR1 this is not parquet at all");
      await expect(session.loadFile(fileSourceFromPath(resolve(dir, "broken.parquet")))).rejects.toThrow();
      expect(session.getState().tables).toEqual(before.tables);
      expect(session.save()).toBe(serializeNotebook(before.notebook));
      expect(session.save()).not.toContain("broken");
    } finally {
      await close();
    }
  });
});
