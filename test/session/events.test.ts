// Per-cell events on the example notebook (real native DuckDB): a run of one cell is heard as events
// for that cell and its readers only, unchanged cells keep their CellState object, Stop says
// "stopped", runAll({ first }) and its progress events.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { SessionEvent } from "../../src/session/types";
import { cell, notebookText, root, rowsOf, sample, sessionWith } from "./helpers";

const example = readFileSync(resolve(root, "notebooks/customer-review.md"), "utf8");

async function loadedExample() {
  const opened = await sessionWith(example, { liveDelayMs: false });
  await opened.session.loadFile(sample("customers.csv"));
  await opened.session.loadFile(sample("orders.csv"));
  await opened.session.runAll();
  return opened;
}

describe("Session.on(listener) per-cell events", () => {
  it("a run of one cell emits events for that cell and its readers only; other CellStates stay the same", async () => {
    const { session, close } = await loadedExample();
    try {
      const target = cell(session, "customer_totals").cell.id;
      const all = session.getState().cells.map((c) => c.cell);
      const sqlReaders = all.filter((c) => c.kind === "sql" && /FROM customer_totals/.test(c.source));
      const chartReaders = all.filter((c) => c.kind === "chart" && sqlReaders.some((r) => r.name === c.attrs.data));
      const graphReaders = [...sqlReaders, ...chartReaders].map((c) => c.id);
      expect(graphReaders.length).toBeGreaterThan(1);
      const before = session.getState().cells;
      const events: SessionEvent[] = [];
      const off = session.on((e) => events.push(e));
      await session.run(target);
      await Promise.resolve();
      off();
      const cellEvents = events.filter((e) => e.type === "cell");
      const ids = new Set(cellEvents.map((e) => e.id));
      expect(ids.has(target)).toBe(true);
      expect(new Set(ids)).toEqual(new Set([target, ...graphReaders]));
      const after = session.getState().cells;
      const changed = after.filter((c, i) => c !== before[i]).map((c) => c.cell.id);
      // Exactly the cells heard about have new CellState objects; every other cell is the same object.
      expect(new Set(changed)).toEqual(ids);
      expect(changed.length).toBeLessThan(after.length);
      expect(after.filter((c) => ids.has(c.cell.id)).map((c) => c.cell.name)).not.toContain("monthly_revenue");
      expect(events.filter((e) => e.type === "document" || e.type === "tables")).toEqual([]);
      for (const e of cellEvents) if (e.type === "cell") expect(session.cellState(e.id)).toBeDefined();
      const counts = `${cellEvents.length} cell events, ${changed.length} changed CellState objects of ${after.length}`;
      console.log(`one run of customer_totals: ${counts}`);
    } finally {
      await close();
    }
  });

  it("setSource changes only the edited cell's CellState and says nothing about the document", async () => {
    const { session, close } = await loadedExample();
    try {
      const before = session.getState().cells;
      const id = cell(session, "at_risk").cell.id;
      const events: SessionEvent[] = [];
      session.on((e) => events.push(e));
      session.setSource(id, `${cell(session, "at_risk").cell.source}\n-- edited`);
      await Promise.resolve();
      const after = session.getState().cells;
      expect(after.filter((c, i) => c !== before[i]).map((c) => c.cell.name)).toEqual(["at_risk"]);
      expect(events.map((e) => e.type)).toEqual(["cell"]);
      expect(session.cellState(id)).toBe(after.find((c) => c.cell.id === id));
    } finally {
      await close();
    }
  });

  it("inserting a cell emits a document event before the new cell's event", async () => {
    const { session, close } = await sessionWith(notebookText([["sql a", "SELECT 1 AS v"]]), { liveDelayMs: false });
    try {
      await expect.poll(() => session.getState().engineReady).toBe(true);
      await Promise.resolve();
      const events: SessionEvent[] = [];
      session.on((e) => events.push(e));
      const id = session.insertCell(1, { kind: "sql", name: "b", source: "SELECT 2 AS v" });
      await Promise.resolve();
      expect(events.map((e) => (e.type === "cell" ? `cell:${e.id}` : e.type))).toEqual(["document", `cell:${id}`]);
    } finally {
      await close();
    }
  });
});

describe("Session.cancel()", () => {
  it("marks the interrupted cell stopped, keeping its previous result", async () => {
    const slow = "SELECT count(*) AS n FROM range(3000000000) a(i) WHERE i % 7 = 3";
    const { session, close } = await sessionWith(notebookText([["sql q", "SELECT 1 AS n"]]), { liveDelayMs: false });
    try {
      await session.runAll();
      session.setSource(cell(session, "q").cell.id, slow);
      const run = session.run(cell(session, "q").cell.id);
      await expect.poll(() => cell(session, "q").status).toBe("running");
      await session.cancel();
      await run;
      expect(cell(session, "q")).toMatchObject({ status: "stopped", stale: true });
      expect(cell(session, "q").output?.type).toBe("table");
    } finally {
      await close();
    }
  });
});

describe("Session.runAll({ first })", () => {
  const text = notebookText([
    ["sql a", "SELECT 1 AS v"],
    ["sql b", "SELECT v + 1 AS v FROM a"],
    ["sql c", "SELECT 10 AS v"],
    ["sql d", "SELECT v + 1 AS v FROM c"],
  ]);

  it("runs the first cells (and what they need) before the others, with progress events", async () => {
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      const started: string[] = [];
      const progress: { done: number; total: number; running?: string }[] = [];
      session.on((e) => {
        const running = e.type === "progress" && e.running ? { running: e.running } : {};
        if (e.type === "progress") progress.push({ done: e.done, total: e.total, ...running });
        if (e.type === "cell" && e.state.status === "running") started.push(e.state.cell.name!);
      });
      await session.runAll({ first: [cell(session, "d").cell.id] });
      expect(started).toEqual(["c", "d", "a", "b"]);
      expect(progress[0]).toEqual({ done: 0, total: 4 });
      expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
      expect(progress).toContainEqual({ done: 0, total: 4, running: "c" });
      expect(progress).toContainEqual({ done: 2, total: 4, running: "a" });
      const dones = progress.map((p) => p.done);
      expect(dones).toEqual([...dones].sort((x, y) => x - y));
    } finally {
      await close();
    }
  });
});

describe("Session.runAll({ first, only }) and Session.tablesRead(ids)", () => {
  const text = notebookText(
    [
      ["sql monthly", "SELECT count(*) AS n FROM orders"],
      ["sql joined", "SELECT count(*) AS n FROM customers JOIN orders USING (customer_id)"],
      ["sql later", "SELECT n + 1 AS n FROM joined"],
    ],
    ["customers:", "  file: customers.csv", "orders:", "  file: orders.csv"],
  );

  it("runs the first cells alone before the rest of the data loads, then only what is not current", async () => {
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      const id = (name: string) => cell(session, name).cell.id;
      expect(session.tablesRead([id("monthly")])).toEqual(["orders"]);
      expect(session.tablesRead([id("later")])).toEqual(["customers", "orders"]);
      await session.loadFile(sample("orders.csv"));
      const started: string[] = [];
      session.on((e) => void (e.type === "cell" && e.state.status === "running" && started.push(e.state.cell.name!)));
      await session.runAll({ first: [id("monthly")], only: "first" });
      expect(started).toEqual(["monthly"]);
      expect(cell(session, "joined").status).toBe("idle");
      await session.loadFile(sample("customers.csv"));
      await session.runAll({ first: [id("monthly")], only: "outdated" });
      expect(started).toEqual(["monthly", "joined", "later"]);
      expect(rowsOf(cell(session, "later"))[0].n).toBe((rowsOf(cell(session, "joined"))[0].n as number) + 1);
    } finally {
      await close();
    }
  });
});
