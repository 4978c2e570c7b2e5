// Loading a table re-runs only its readers and profiles only it; one debounce (the session's live
// delay) between the last keystroke and a re-run; options from data stay out of the saved file.
import { describe, expect, it } from "vitest";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { openSession } from "../../src/session/session";
import type { SessionEvent } from "../../src/session/types";
import { cell, notebookText, sample, sessionWith } from "./helpers";

/** Counts the runs each cell starts (its "running" cell events), by cell name. */
function runCounter(on: (listener: (e: SessionEvent) => void) => () => void): Map<string, number> {
  const runs = new Map<string, number>();
  on((e) => {
    const name = e.type === "cell" && e.state.status === "running" ? e.state.cell.name! : undefined;
    if (name) runs.set(name, (runs.get(name) ?? 0) + 1);
  });
  return runs;
}

describe("Session.loadFile(source)", () => {
  it("re-runs only the cells that read the loaded table (and their readers); profiles only that table", async () => {
    const engine = await nativeEngine();
    let listed = 0;
    const listTables = engine.listTables.bind(engine);
    const counted = { ...engine, query: engine.query.bind(engine), loadFile: engine.loadFile.bind(engine) };
    const session = openSession({ ...counted, listTables: () => (listed++, listTables()) }, { liveDelayMs: 0 });
    try {
      session.open(
        notebookText([
          ["sql a", "SELECT count(*) AS n FROM customers"],
          ["sql b", "SELECT count(*) AS n FROM orders"],
          ["sql c", "SELECT n + 1 AS m FROM a"],
          ["sql d", "SELECT 42 AS v"],
        ]),
        { trusted: true },
      );
      await session.loadFile(sample("customers.csv"));
      await session.loadFile(sample("orders.csv"));
      await session.runAll();
      await session.whenIdle();
      const listedBefore = listed;
      const runs = runCounter(session.on);
      const report = await session.loadFile(sample("customers.csv"), { table: "customers" });
      expect(cell(session, "a").stale).toBe(true);
      expect(cell(session, "b").stale).toBe(false);
      await session.whenIdle();
      expect(Object.fromEntries(runs)).toEqual({ a: 1, c: 1 });
      expect(cell(session, "c").stale).toBe(false);
      expect(listed).toBe(listedBefore);
      expect(session.getState().tables.map((t) => t.name)).toEqual(["customers", "orders"]);
      expect(session.getState().tables[0]).toEqual({ name: "customers", rows: report.rows, columns: report.columns });
    } finally {
      await engine.close();
    }
  });
});

describe("Session live delay", () => {
  it("starts a re-run 150-300 ms after the last setSource (median of 20 edits; the only debounce)", async () => {
    const { session, close } = await sessionWith(notebookText([["sql q", "SELECT 1 AS v"]]), {});
    try {
      const id = cell(session, "q").cell.id;
      let started = 0;
      session.on((e) => {
        if (e.type === "cell" && e.state.status === "running") started = performance.now();
      });
      const latencies: number[] = [];
      for (let edit = 0; edit < 20; edit++) {
        // A burst of keystrokes 20 ms apart, then quiet.
        let last = 0;
        for (let key = 0; key < 4; key++) {
          session.setSource(id, `SELECT ${edit * 10 + key} AS v`);
          last = performance.now();
          if (key < 3) await new Promise((r) => setTimeout(r, 20));
        }
        started = 0;
        await session.whenIdle();
        expect(started).toBeGreaterThan(last);
        latencies.push(started - last);
      }
      latencies.sort((x, y) => x - y);
      const median = (latencies[9] + latencies[10]) / 2;
      const spread = `min ${latencies[0].toFixed(1)}, max ${latencies[19].toFixed(1)}`;
      console.log(`keystroke -> re-run start: median ${median.toFixed(1)} ms (${spread})`);
      expect(median).toBeGreaterThanOrEqual(150);
      expect(median).toBeLessThanOrEqual(300);
      expect(cell(session, "q").output?.type === "table" && cell(session, "q").output).toBeTruthy();
    } finally {
      await close();
    }
  });
});

describe("Session.setInputValue on options from data", () => {
  const text = notebookText([
    ["sql names", "SELECT name FROM customers ORDER BY name LIMIT 5"],
    ["input who", '{ "type": "select", "label": "Client", "options_from": "names", "value": "" }'],
    ["sql picked", "SELECT ${who} AS who"],
  ]);

  it("keeps the choice in memory: the saved text holds no option value, until 'remember' is ticked", async () => {
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.loadFile(sample("customers.csv"), { table: "customers" });
      await session.runAll();
      const id = cell(session, "who").cell.id;
      const shown = cell(session, "who").output;
      const options = (shown?.type === "input" ? (shown.options ?? []) : []).map(String);
      expect(options).toHaveLength(5);
      const [first, second] = [options[1], options[2]];
      session.setInputValue(id, first);
      await session.whenIdle();
      const picked = cell(session, "picked").output;
      expect(picked?.type === "table" && picked.table.column(0)[0]).toBe(first);
      expect(cell(session, "who").output).toMatchObject({ type: "input", value: first });
      const saved = session.save();
      for (const option of options) expect(saved).not.toContain(option);

      session.rememberInput(id, true);
      await session.whenIdle();
      expect(session.save()).toContain(`"value": ${JSON.stringify(first)}`);
      expect(session.save()).toContain('"remember": true');
      session.setInputValue(id, second);
      expect(session.save()).toContain(`"value": ${JSON.stringify(second)}`);

      session.rememberInput(id, false);
      await session.whenIdle();
      for (const option of options) expect(session.save()).not.toContain(option);
      expect(cell(session, "who").output).toMatchObject({ type: "input", value: second });
    } finally {
      await close();
    }
  });
});
